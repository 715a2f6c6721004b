using System.Diagnostics;
using System.Text.Json;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Xunit.Abstractions;

namespace Farun.UnitTests.Law;

/// <summary>Loads the shared corpus once for <see cref="CorpusAcceptanceTests"/>.</summary>
public sealed class SharedCorpusFixture
{
    private readonly Lazy<LawCorpus> _national = new(() => LawCorpus.Load(TestPaths.SharedCorpus, LawScope.National));
    private readonly Lazy<LawCorpus> _all = new(() => LawCorpus.Load(TestPaths.SharedCorpus, LawScope.All));

    public static bool Available => Directory.Exists(TestPaths.SharedCorpus);

    public LawCorpus National => _national.Value;

    public LawCorpus All => _all.Value;
}

/// <summary>
/// Acceptance figures on the real corpus at ../shared/data/laws. When the folder is missing the tests are skipped,
/// except under CI=true, where they fail.
/// </summary>
public class CorpusAcceptanceTests(SharedCorpusFixture fixture, ITestOutputHelper output) : IClassFixture<SharedCorpusFixture>
{
    private static void RequireCorpus()
    {
        if (SharedCorpusFixture.Available)
        {
            return;
        }

        var reason = $"法律法规语料目录不存在：{TestPaths.SharedCorpus}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Skip.If(true, reason);
    }

    [SkippableFact]
    public void Load_NationalScope_MatchesAcceptanceFigures()
    {
        RequireCorpus();

        var corpus = fixture.National;
        var s = corpus.Summary;
        output.WriteLine($"national: {s} in {corpus.LoadTime.TotalMilliseconds:F0} ms");

        Assert.InRange(s.LawsWithArticles, 1329, 1355); // 1,342 ± 1%
        Assert.InRange(s.InForceArticles, 58_005, 59_177); // 58,591 ± 1%
        Assert.Equal(0, s.Skipped);
        Assert.Equal(s.Laws, s.LawsWithArticles + s.DocumentsWithoutArticles);
        Assert.InRange(s.DocumentsWithoutArticles, 60, 160);
        Assert.True(s.Versions > s.Laws, "several titles have more than one version");
        Assert.DoesNotContain(corpus.Laws, l => l.Level == LawLevel.LocalRegulation);
    }

    [SkippableFact]
    public void Load_AllScope_MatchesAcceptanceFigures()
    {
        RequireCorpus();

        var corpus = fixture.All;
        var s = corpus.Summary;
        output.WriteLine($"all: {s} in {corpus.LoadTime.TotalMilliseconds:F0} ms");

        Assert.InRange(s.InForceArticles, 138_600, 141_400); // about 140,000 ± 1%
        Assert.Equal(0, s.Skipped);
        Assert.Contains(corpus.Laws, l => l.Level == LawLevel.LocalRegulation && l.Region == "北京");
        Assert.Equal(7, corpus.Laws.Where(l => l.Region is not null).Select(l => l.Region).Distinct().Count());
    }

    [SkippableFact]
    public void Load_NationalScope_IsFast()
    {
        RequireCorpus();

        var stopwatch = Stopwatch.StartNew();
        var corpus = LawCorpus.Load(TestPaths.SharedCorpus, LawScope.National);
        stopwatch.Stop();
        output.WriteLine($"national reload: {stopwatch.ElapsedMilliseconds} ms for {corpus.Summary.Files} files");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"loading took {stopwatch.Elapsed}");
    }

    [SkippableFact]
    public void Load_CivilCode_HasArticles1To1260InOneVersion()
    {
        RequireCorpus();

        var law = fixture.National.FindLaw("民法典");

        Assert.NotNull(law);
        var version = Assert.Single(law.Versions);
        Assert.Equal(8, version.SourceFiles.Count);
        Assert.Equal(Enumerable.Range(1, 1260), version.Articles.Select(a => a.Number.Number));
        Assert.All(version.Articles, a => Assert.Equal(0, a.Number.Suffix));
        Assert.Equal("婚姻家庭编", version.FindArticle(new ArticleNumber(1079))!.Path[0]);
        Assert.Equal(8, version.Toc.Count(t => t.Level == 1));
    }

    [SkippableFact]
    public void Load_SuffixedArticles_Are53InForceAndSortedInPlace()
    {
        RequireCorpus();

        var corpus = fixture.National;
        var suffixed = corpus.Laws.Sum(l => l.Current.Articles.Count(a => a.Number.Suffix > 0));
        var criminal = corpus.FindLaw("刑法")!.Current;
        var article = criminal.FindArticle(new ArticleNumber(287, 2))!;

        Assert.Equal(53, suffixed);
        Assert.StartsWith("明知他人利用信息网络实施犯罪", article.Text, StringComparison.Ordinal);
        Assert.Equal(new ArticleNumber(287, 1), criminal.Articles[article.Ordinal - 2].Number);
        Assert.Equal(new ArticleNumber(288), criminal.Articles[article.Ordinal].Number);
    }

    [SkippableFact]
    public void Load_EdgeCases_AreHandled()
    {
        RequireCorpus();

        var national = fixture.National;
        var company = national.FindLaw("公司法")!;
        Assert.Equal([new DateOnly(2018, 10, 26), new DateOnly(2023, 12, 29)], company.Versions.Select(v => v.Date!.Value));
        Assert.Equal(266, company.Current.Articles.Count);

        var idCard = national.FindLaw("居民身份证法")!;
        Assert.Equal(2, Assert.Single(idCard.Versions).SourceFiles.Count);

        var procedure = national.FindLaw("刑事诉讼法")!.Current;
        Assert.StartsWith("侦查人员对于与犯罪有关的场所", procedure.FindArticle(new ArticleNumber(128))!.Text, StringComparison.Ordinal);

        var constitution = national.FindLaw("宪法")!;
        Assert.Equal(LawLevel.Constitution, constitution.Level);
        Assert.Equal(143, constitution.Current.Articles.Count);

        Assert.Empty(national.FindLaw("刑法修正案(十一)")!.Current.Articles);
        Assert.NotNull(national.FindLaw("刑法修正案(十一)")!.Current.Body);

        var typo = fixture.All.Laws.Single(l => l.Title == "彭水苗族土家族自治县城乡建设管理条例").Current;
        Assert.NotNull(typo.FindArticle(new ArticleNumber(31)));
        Assert.Equal(Enumerable.Range(1, typo.Articles.Count), typo.Articles.Select(a => a.Number.Number));
    }

    [SkippableFact]
    public void ParseOne_StardTrainReferences_ResolveToInForceArticles()
    {
        RequireCorpus();
        var stard = Path.Combine(TestPaths.SharedCorpus, "..", "stard", "queries.train.json");
        Skip.IfNot(File.Exists(stard), "STARD 训练集不存在");

        var corpus = fixture.National;
        var parser = new CitationParser(LawNameIndex.FromLaws(corpus.Laws));
        using var json = JsonDocument.Parse(File.ReadAllText(stard));
        var names = json.RootElement.EnumerateArray()
            .SelectMany(q => q.GetProperty("match_name").EnumerateArray().Select(n => n.GetString()!))
            .ToList();

        var unresolved = new List<string>();
        foreach (var name in names)
        {
            var result = parser.ParseOne(name);
            if (!result.IsSuccess || result.Citation.LawKey is null
                || corpus.FindLaw(result.Citation.LawKey)!.Current.FindArticle(result.Citation.ArticleNumber) is null)
            {
                unresolved.Add(name);
            }
        }

        output.WriteLine($"{names.Count - unresolved.Count}/{names.Count} resolved; unresolved: {string.Join("、", unresolved.Distinct().Take(30))}");
        Assert.Equal(2205, names.Count);
        Assert.True(unresolved.Count <= 25, $"{unresolved.Count} unresolved: {string.Join("、", unresolved.Distinct())}");
    }
}
