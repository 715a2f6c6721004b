using Farun.Law.Citations;

namespace Farun.Law.Search;

/// <summary>Learns a <see cref="SearchModel"/> from labelled questions: memory, priors, then the ranker on top.</summary>
public static class SearchModelTrainer
{
    /// <summary>Trains on <paramref name="questions"/> only. With no questions the model is untrained.</summary>
    public static SearchModel Train(
        LawIndex index, LawNameIndex names, LayVocabulary vocabulary, IReadOnlyList<LabelledQuestion> questions, RetrievalOptions options,
        int seed = 42, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseModel = SearchModel.FromQuestions(questions, options.Analyzers, $"{questions.Count} labelled questions");
        if (questions.Count == 0 || options.Ranker == RankerKind.Bm25)
        {
            return baseModel;
        }

        using var engine = new StatuteSearchEngine(index, names, vocabulary, baseModel, options with { Ranker = RankerKind.Bm25 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var groups = RankerTrainer.Collect(engine, questions, options.RerankDepth);
        var collect = watch.Elapsed.TotalSeconds;
        if (!groups.Any(g => g.Labels.Any(l => l)))
        {
            // Nothing to learn from (e.g. only the first question a staff member confirmed: with leave-one-out
            // features its article is not among the candidates): similar questions and priors still help; the ranker
            // stays the BM25 sum.
            log?.WriteLine($"  no relevant article among the candidates of {questions.Count} questions; ranker not trained");
            return baseModel;
        }

        IRanker ranker;
        try
        {
            ranker = options.Ranker switch
            {
                RankerKind.LightGbm => RankerTrainer.TrainLightGbm(groups, engine.Schema.Count, seed, options.Trees, options.Leaves),
                RankerKind.Linear => RankerTrainer.TrainLinear(groups, DefaultLinearWeights(engine.Schema)),
                _ => new Bm25SumRanker(options.Analyzers.Count),
            };
        }
        catch (RankerTrainingException e)
        {
            // A handful of labelled questions (a small library, the first confirmed consultations) still teach weights.
            log?.WriteLine($"  {e.Message}; linear ranker trained instead");
            ranker = RankerTrainer.TrainLinear(groups, DefaultLinearWeights(engine.Schema));
        }

        log?.WriteLine($"  trained {options.Ranker} on {groups.Count} questions ({groups.Sum(g => g.Features.Length)} candidates): collect {collect:F1} s, fit {watch.Elapsed.TotalSeconds - collect:F1} s");
        return baseModel.WithRanker(ranker);
    }

    /// <summary>Starting weights for the linear ranker.</summary>
    public static float[] DefaultLinearWeights(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var w = new float[schema.Count];
        for (var i = 0; i < schema.Analyzers.Count; i++)
        {
            w[i] = 1f;
        }

        w[schema.KnnSum] = 1f;
        w[schema.LawKnn] = 1f;
        w[schema.LawPrior] = 0.1f;
        w[schema.ArticlePrior] = 0.2f;
        w[schema.LawNamed] = 1f;
        w[schema.Whole] = -1f;
        return w;
    }
}
