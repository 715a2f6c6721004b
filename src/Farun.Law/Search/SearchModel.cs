using Farun.Law.Search.Analysis;

namespace Farun.Law.Search;

/// <summary>
/// Everything the engine learned from labelled questions: the questions themselves (to find similar ones), the law
/// and article priors, and the ranker. An empty model (<see cref="Untrained"/>) uses no training data.
/// </summary>
public sealed class SearchModel : IDisposable
{
    /// <summary>Creates a model.</summary>
    public SearchModel(QuestionMemory? memory, LawPrior? prior, IRanker? ranker, string source)
    {
        Memory = memory;
        Prior = prior;
        Ranker = ranker;
        Source = source;
    }

    /// <summary>The labelled questions, searchable; null when none.</summary>
    public QuestionMemory? Memory { get; }

    /// <summary>Law and article priors; null when there are no labelled questions.</summary>
    public LawPrior? Prior { get; }

    /// <summary>The trained ranker; null to use the unsupervised one.</summary>
    public IRanker? Ranker { get; }

    /// <summary>Where the training data came from (for reports).</summary>
    public string Source { get; }

    /// <summary>Labelled questions known.</summary>
    public int QuestionCount => Memory?.Questions.Count ?? 0;

    /// <summary>A model that learned nothing.</summary>
    public static SearchModel Untrained() => new(null, null, null, "none");

    /// <summary>A model with questions and priors but no trained ranker yet (the ranker is trained on top of it).</summary>
    public static SearchModel FromQuestions(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<AnalyzerKind> analyzers, string source) =>
        questions.Count == 0
            ? Untrained()
            : new SearchModel(new QuestionMemory(questions, analyzers), new LawPrior(questions), null, source);

    /// <summary>This model with a ranker.</summary>
    public SearchModel WithRanker(IRanker ranker) => new(Memory, Prior, ranker, Source);

    /// <inheritdoc />
    public void Dispose() => Memory?.Dispose();
}
