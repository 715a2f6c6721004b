using Farun.Web.Features.Guides;
using Farun.Web.Features.Guides.Engine;
using Xunit.Abstractions;
using static Farun.UnitTests.Guides.GuideTestKit;

namespace Farun.UnitTests.Guides;

/// <summary>Every guide shipped in Features/Guides/Data: valid against the real law library, and walked to every outcome.</summary>
public sealed class ShippedGuideTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var s in ShippedGuides.Sources)
                data.Add(s.FileName);
            return data;
        }
    }

    private static string Yaml(string file) => ShippedGuides.Sources.Single(s => s.FileName == file).Yaml;

    [Fact]
    public void Sources_AllSevenGuides_AreShippedWithDistinctIds()
    {
        var ids = ShippedGuides.Sources.Select(s => GuideYamlReader.Read(s.Yaml).Guide!.Id).ToList();
        Assert.Equal(
            ["divorce", "labour-arbitration", "legal-aid", "mediation", "notarization", "traffic-accident", "wage-arrears"],
            ids.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Validate_ShippedGuide_HasNoProblemsAgainstTheLawLibrary(string file)
    {
        var laws = CorpusLaws();
        var (guide, diagnostics) = GuideValidator.ReadAndValidate(Yaml(file), laws);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), guide!.Id);
    }

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public void Explore_ShippedGuide_ReachesEveryOutcome(string file)
    {
        var guide = GuideValidator.Load(Yaml(file), CorpusLaws());
        var result = GuideExplorer.Explore(guide, GuideEnvironment.For(guide, Clock));
        foreach (var (id, walk) in result.Reached.OrderBy(r => r.Key, StringComparer.Ordinal))
            output.WriteLine($"{id}: {string.Join(" → ", walk.Path.Select(p => $"{p.Question.Id}={AnswerInput.Format(p.Value)}"))}");
        Assert.True(result.Missing(guide).Count == 0, "not reached: " + string.Join("、", result.Missing(guide)));

        // Every outcome renders on the path found, with its legal basis and a plain-language title.
        foreach (var walk in result.Reached.Values)
        {
            var run = GuideRunner.Run(guide, walk.Path.ToDictionary(p => p.Question.Id, p => (object?)p.Value), GuideEnvironment.For(guide, Clock));
            var rendered = OutcomeRenderer.Render(run);
            Assert.NotEmpty(rendered.Basis);
            Assert.DoesNotContain("{{", rendered.Title, StringComparison.Ordinal);
            Assert.Equal(walk.OutcomeId, rendered.Id);
        }
    }
}
