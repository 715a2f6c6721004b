using Farun.Law.Search;

namespace Farun.UnitTests.Search;

public sealed class RankerTests
{
    private static TreeEnsembleRanker Stump() => new(
        [
            // feature 0 <= 0.5 ? leaf 0 (-1) : leaf 1 (+1), weight 2
            new TreeEnsembleRanker.Tree(2, [0], [0.5f], [~0], [~1], [-1, 1]),
        ],
        0.25);

    [Fact]
    public void TreeEnsemble_SplitsOnThreshold()
    {
        var ranker = Stump();
        Assert.Equal(-1.75f, ranker.Score([0.5f]));
        Assert.Equal(2.25f, ranker.Score([0.9f]));
    }

    [Fact]
    public void TreeEnsemble_JsonRoundTrip_ScoresTheSame()
    {
        var copy = TreeEnsembleRanker.FromJson(Stump().ToJson());
        Assert.Equal(Stump().Score([0.9f]), copy.Score([0.9f]));
        Assert.Equal(Stump().Score([0.1f]), copy.Score([0.1f]));
    }

    [Fact]
    public void TrainLinear_SeparableGroups_RanksRelevantFirst()
    {
        // Feature 1 marks the relevant candidate; feature 0 is noise that favours a wrong one.
        var groups = Enumerable.Range(0, 20).Select(_ => new TrainingGroup(
            [[1f, 0f], [0.2f, 1f], [0.5f, 0f]], [false, true, false], 1)).ToList();
        var ranker = RankerTrainer.TrainLinear(groups, [1f, 0f]);
        Assert.True(ranker.Score([0.2f, 1f]) > ranker.Score([1f, 0f]));
        Assert.Equal(3.0, RankerTrainer.Objective(groups, ranker.Weights), 6);
    }

    [Fact]
    public void TrainLightGbm_SeparableGroups_RanksRelevantFirst()
    {
        var random = new Random(1);
        var groups = Enumerable.Range(0, 60).Select(_ =>
        {
            var features = Enumerable.Range(0, 10).Select(i => new[] { (float)random.NextDouble(), i == 3 ? 1f : 0f }).ToArray();
            return new TrainingGroup(features, features.Select(f => f[1] > 0).ToArray(), 1);
        }).ToList();
        var ranker = RankerTrainer.TrainLightGbm(groups, 2, trees: 20);
        Assert.True(ranker.Score([0.1f, 1f]) > ranker.Score([0.9f, 0f]));
    }

    [Fact]
    public void Score_TrainedEnsembleWithConstantTree_EqualsSumOfTreesEvaluatedOneByOne()
    {
        var random = new Random(7);
        var groups = Enumerable.Range(0, 40).Select(_ =>
        {
            var features = Enumerable.Range(0, 12).Select(i => new[] { (float)random.NextDouble(), (float)random.NextDouble(), i % 4 == 1 ? 1f : 0f }).ToArray();
            return new TrainingGroup(features, features.Select(f => f[2] > 0 && f[0] > 0.3f).ToArray(), 1);
        }).ToList();
        var trained = RankerTrainer.TrainLightGbm(groups, 3, trees: 30);
        var trees = trained.Trees.Append(new TreeEnsembleRanker.Tree(0.5, [], [], [], [], [3])).ToList();
        var ranker = new TreeEnsembleRanker(trees, trained.Bias);
        Assert.Contains(trees, t => t.Feature.Length > 1);
        for (var i = 0; i < 200; i++)
        {
            float[] x = [(float)random.NextDouble(), (float)random.NextDouble(), random.Next(2)];
            var expected = trained.Bias + trees.Sum(t => t.Evaluate(x));
            Assert.Equal((float)expected, ranker.Score(x), 5);
        }
    }

    [Fact]
    public void TrainLightGbm_TooFewCandidatesToSplit_ThrowsRankerTrainingException()
    {
        // Nine candidates in all: no split leaves LightGBM's minimum of 20 on each side, so its tree has no split.
        var groups = Enumerable.Range(0, 3).Select(g => new TrainingGroup(
            [[g, 0.1f], [g, 0.9f], [g, 0.5f]], [false, true, false], 1)).ToList();
        var e = Assert.Throws<RankerTrainingException>(() => RankerTrainer.TrainLightGbm(groups, 2, trees: 10));
        Assert.Contains("训练数据太少", e.Message);
    }
}
