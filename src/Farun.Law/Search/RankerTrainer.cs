using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Farun.Law.Search;

/// <summary>The candidates of one training question with their features and relevance labels.</summary>
/// <param name="Features">One feature vector per candidate.</param>
/// <param name="Labels">True for relevant candidates.</param>
/// <param name="RelevantCount">Relevant articles of the question (found among the candidates or not).</param>
public sealed record TrainingGroup(float[][] Features, bool[] Labels, int RelevantCount);

/// <summary>Trains rankers on candidates of labelled questions (never on the questions being scored).</summary>
public static class RankerTrainer
{
    /// <summary>
    /// Collects the candidates of each labelled question with leave-one-out: the question itself is excluded from
    /// the similar questions, so its features look like those of a new question.
    /// </summary>
    public static List<TrainingGroup> Collect(StatuteSearchEngine engine, IReadOnlyList<LabelledQuestion> questions, int maxCandidates)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(questions);
        var groups = new TrainingGroup[questions.Count];
        var preScore = new PreScoreRanker(engine.Schema);
        Parallel.For(0, questions.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var q = questions[i];
            var relevant = new HashSet<string>(q.ArticleIds, StringComparer.Ordinal);
            var candidates = engine.RankCandidates(q.Text, q.Id, preScore);
            // Keep the candidates most likely to matter: the best by text score and by similar questions, plus every relevant one.
            // The same candidates the ranker will see in search: the top by pre-score (RankCandidates orders them first).
            var kept = candidates.Take(maxCandidates).ToList();
            groups[i] = new TrainingGroup(
                kept.Select(c => c.Features).ToArray(),
                kept.Select(c => relevant.Contains(c.ArticleId)).ToArray(),
                relevant.Count);
        });
        return groups.ToList();
    }

    /// <summary>Trains a LightGBM LambdaRank ensemble and converts it to a <see cref="TreeEnsembleRanker"/>.</summary>
    public static TreeEnsembleRanker TrainLightGbm(IReadOnlyList<TrainingGroup> groups, int featureCount, int seed = 42, int trees = 300, int leaves = 31, double learningRate = 0.05)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var ml = new MLContext(seed);
        var rows = new List<Row>();
        uint groupId = 0;
        foreach (var g in groups)
        {
            groupId++;
            if (!g.Labels.Any(l => l))
            {
                continue; // nothing to learn from a question whose answers are not among the candidates
            }

            for (var i = 0; i < g.Features.Length; i++)
            {
                rows.Add(new Row { Label = g.Labels[i] ? 1f : 0f, GroupId = groupId, Features = g.Features[i] });
            }
        }

        var schemaDefinition = SchemaDefinition.Create(typeof(Row));
        schemaDefinition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var data = ml.Data.LoadFromEnumerable(rows, schemaDefinition);
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Row.GroupId))
            .Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label),
                FeatureColumnName = nameof(Row.Features),
                RowGroupColumnName = nameof(Row.GroupId),
                NumberOfIterations = trees,
                NumberOfLeaves = leaves,
                LearningRate = learningRate,
                MinimumExampleCountPerLeaf = 20,
                Seed = seed,
                NumberOfThreads = 1, // OpenMP threads spin; on a shared 2-core machine one thread is faster
                Silent = true,
            }));
        LightGbmRankingModelParameters parameters;
        try
        {
            parameters = pipeline.Fit(data).LastTransformer.Model;
        }
        catch (ArgumentNullException e)
        {
            // ML.NET cannot convert a LightGBM tree that has no split, which LightGBM returns when no split of the
            // training candidates meets its minimum leaf size: too few labelled questions for trees.
            throw new RankerTrainingException($"LightGBM 在 {groups.Count} 个训练问题上建出了没有分裂的树（训练数据太少）", e);
        }

        var ensemble = parameters.TrainedTreeEnsemble;
        var converted = new List<TreeEnsembleRanker.Tree>();
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            converted.Add(new TreeEnsembleRanker.Tree(
                ensemble.TreeWeights[t],
                tree.NumericalSplitFeatureIndexes.ToArray(),
                tree.NumericalSplitThresholds.ToArray(),
                tree.LeftChild.ToArray(),
                tree.RightChild.ToArray(),
                tree.LeafValues.ToArray()));
        }

        return new TreeEnsembleRanker(converted, ensemble.Bias);
    }

    /// <summary>
    /// Learns linear weights by coordinate ascent from <paramref name="start"/>, maximising MRR@10 + Recall@10 +
    /// Recall@100 over the training questions.
    /// </summary>
    public static LinearRanker TrainLinear(IReadOnlyList<TrainingGroup> groups, float[] start, int rounds = 4)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(start);
        var weights = (float[])start.Clone();
        var best = Objective(groups, weights);
        float[] steps = [-2f, -1f, -0.5f, -0.2f, -0.05f, 0.05f, 0.2f, 0.5f, 1f, 2f];
        for (var round = 0; round < rounds; round++)
        {
            var improved = false;
            for (var f = 0; f < weights.Length; f++)
            {
                var original = weights[f];
                var bestValue = original;
                foreach (var step in steps)
                {
                    weights[f] = original + step;
                    var value = Objective(groups, weights);
                    if (value > best + 1e-6)
                    {
                        best = value;
                        bestValue = weights[f];
                        improved = true;
                    }
                }

                weights[f] = bestValue;
            }

            if (!improved)
            {
                break;
            }
        }

        return new LinearRanker(weights);
    }

    /// <summary>Mean of MRR@10 + Recall@10 + Recall@100 of a linear scoring.</summary>
    public static double Objective(IReadOnlyList<TrainingGroup> groups, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var total = 0.0;
        var lockObject = new object();
        Parallel.ForEach(groups, () => 0.0, (g, _, local) =>
        {
            var scores = new float[g.Features.Length];
            for (var i = 0; i < scores.Length; i++)
            {
                var s = 0f;
                var x = g.Features[i];
                for (var j = 0; j < weights.Length; j++)
                {
                    s += weights[j] * x[j];
                }

                scores[i] = s;
            }

            var relevantScores = new List<float>();
            for (var i = 0; i < scores.Length; i++)
            {
                if (g.Labels[i])
                {
                    relevantScores.Add(scores[i]);
                }
            }

            if (relevantScores.Count == 0 || g.RelevantCount == 0)
            {
                return local;
            }

            // Rank of each relevant candidate = 1 + candidates scoring higher.
            var ranks = relevantScores.Select(rs => 1 + scores.Count(s => s > rs)).OrderBy(r => r).ToList();
            var mrr = ranks[0] <= 10 ? 1.0 / ranks[0] : 0;
            var r10 = (double)ranks.Count(r => r <= 10) / g.RelevantCount;
            var r100 = (double)ranks.Count(r => r <= 100) / g.RelevantCount;
            return local + mrr + r10 + r100;
        }, local =>
        {
            lock (lockObject)
            {
                total += local;
            }
        });
        return total / Math.Max(1, groups.Count);
    }

    private sealed class PreScoreRanker(FeatureSchema schema) : IRanker
    {
        public float Score(ReadOnlySpan<float> features) => schema.PreScore(features.ToArray());
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}

/// <summary>A ranker could not be trained on the data given (e.g. too little of it for LightGBM).</summary>
public sealed class RankerTrainingException(string message, Exception inner) : Exception(message, inner);
