using Farun.Law.Evaluation;

namespace Farun.UnitTests.Search;

public sealed class MetricsTests
{
    [Fact]
    public void Evaluate_TwoRelevantAtRanks2And4_MatchesHandComputedFigures()
    {
        var m = RankingMetrics.Evaluate(["x", "a", "y", "b", "z"], ["a", "b"]);
        Assert.Equal(0, m.Recall1);
        Assert.Equal(1, m.Recall5);
        Assert.Equal(1, m.Recall10);
        Assert.Equal(0.5, m.Mrr10);
        // DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3).
        var expected = ((1 / Math.Log2(3)) + (1 / Math.Log2(5))) / (1 + (1 / Math.Log2(3)));
        Assert.Equal(expected, m.Ndcg10, 10);
    }

    [Fact]
    public void Evaluate_RelevantBeyondTen_CountsForRecallAt20ButNotMrr()
    {
        var ranked = Enumerable.Range(0, 15).Select(i => "n" + i).Append("a").ToList();
        var m = RankingMetrics.Evaluate(ranked, ["a"]);
        Assert.Equal(0, m.Recall10);
        Assert.Equal(1, m.Recall20);
        Assert.Equal(0, m.Mrr10);
        Assert.Equal(0, m.Ndcg10);
    }

    [Fact]
    public void Evaluate_OneOfThreeRelevantFound_RecallIsAThird()
    {
        var m = RankingMetrics.Evaluate(["a", "x"], ["a", "b", "c"]);
        Assert.Equal(1.0 / 3, m.Recall1, 10);
        Assert.Equal(1.0 / 3, m.Recall100, 10);
        Assert.Equal(1, m.Mrr10);
    }

    [Fact]
    public void Evaluate_DuplicateInRanking_CountsOnceAtFirstPosition()
    {
        var m = RankingMetrics.Evaluate(["x", "x", "a"], ["a"]);
        Assert.Equal(0.5, m.Mrr10);
    }

    [Fact]
    public void Evaluate_NoRelevant_ScoresZero()
    {
        var m = RankingMetrics.Evaluate(["a"], []);
        Assert.Equal(0, m.Recall100);
    }

    [Fact]
    public void Mean_TwoQueries_AveragesEachFigure()
    {
        var a = new MetricSet(1, 1, 1, 1, 1, 1, 1);
        var b = new MetricSet(0, 0.5, 0.5, 0.5, 1, 0, 0.2);
        var m = MetricSet.Mean([a, b]);
        Assert.Equal(new MetricSet(0.5, 0.75, 0.75, 0.75, 1, 0.5, 0.6), m);
    }
}
