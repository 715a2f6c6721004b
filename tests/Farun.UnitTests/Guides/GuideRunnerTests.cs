using Farun.Web.Features.Guides.Engine;
using static Farun.UnitTests.Guides.GuideTestKit;

namespace Farun.UnitTests.Guides;

public sealed class GuideRunnerTests
{
    private static readonly GuideDefinition Guide = Load(ValidGuide);

    private static GuideRunResult Run(params (string Id, object Value)[] answers) =>
        GuideRunner.Run(Guide, answers.ToDictionary(a => a.Id, a => (object?)a.Value), GuideEnvironment.For(Guide, Clock));

    [Fact]
    public void Run_NoAnswers_AsksFirstQuestionWithProgress()
    {
        var run = Run();
        Assert.Equal("kind", run.Current!.Id);
        Assert.Equal(1, run.Step);
        Assert.Equal(2, run.EstimatedTotal);
        Assert.False(run.IsFinished);
    }

    [Fact]
    public void Run_BelowThreshold_ReachesEligibleOutcome()
    {
        var run = Run(("kind", "a"), ("income", 800m));
        Assert.Equal("done_a", run.Outcome!.Id);
        Assert.Equal(["kind", "income"], run.Path.Select(p => p.Question.Id));
        var rendered = OutcomeRenderer.Render(run);
        Assert.Equal("符合条件，收入800元", rendered.Title);
        Assert.Equal("符合条件", rendered.VerdictLabel);
        Assert.Equal("/laws/cite?text=" + Uri.EscapeDataString("《中华人民共和国法律援助法》第三十一条第二项"), rendered.Basis[0].Url);
        var action = rendered.Action!;
        Assert.Equal(ApplicationKind.LegalAid, action.Kind);
        Assert.Equal("social_insurance", action.Values["matter"]);
        Assert.Equal(800m, action.Values["income_per_capita"]);
        Assert.Contains(action.Fields, f => f.Name == "matter" && f.Display == "请求给予社会保险待遇或者社会救助（第三十一条第二项）");
        Assert.Equal([("是哪一类事情？", "甲类"), ("每月收入多少元？", "800元")], rendered.Answers.Select(a => (a.Question, a.Answer)));
        Assert.Equal("1,000元", Assert.Single(rendered.Parameters).Value);
    }

    [Fact]
    public void Run_ParameterOverride_ChangesOutcome()
    {
        var env = GuideEnvironment.For(Guide, Clock, new Dictionary<string, object> { ["limit"] = 500m });
        var run = GuideRunner.Run(Guide, new Dictionary<string, object?> { ["kind"] = "a", ["income"] = 800m }, env);
        Assert.Equal("done_b", run.Outcome!.Id);
    }

    [Fact]
    public void Run_AnswerOffThePath_IsIgnored()
    {
        var run = Run(("kind", "b"), ("income", 800m));
        Assert.Equal("done_b", run.Outcome!.Id);
        Assert.Equal(["kind"], run.Path.Select(p => p.Question.Id));
        Assert.Equal(1, run.Step);
    }

    [Fact]
    public void Run_StoredAnswerNoLongerValid_AsksAgainWithReason()
    {
        var run = Run(("kind", "a"), ("income", -5m));
        Assert.Equal("income", run.Current!.Id);
        Assert.Equal("不能小于0元。", run.CurrentError);
        Assert.Equal(2, run.Step);
    }

    [Fact]
    public void Run_OptionRemovedSinceAnswered_AsksAgain()
    {
        var run = Run(("kind", "z"));
        Assert.Equal("kind", run.Current!.Id);
        Assert.NotNull(run.CurrentError);
    }

    [Fact]
    public void Explore_SmallGuide_ReachesEveryOutcome()
    {
        var result = GuideExplorer.Explore(Guide, GuideEnvironment.For(Guide, Clock));
        Assert.Empty(result.Missing(Guide));
        Assert.False(result.BudgetExhausted);
    }
}
