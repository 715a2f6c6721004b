using System.Globalization;
using Farun.Law.Search.Analysis;

namespace Farun.Law.Search;

/// <summary>How the final score is computed from the candidates' features.</summary>
public enum RankerKind
{
    /// <summary>Sum of the normalised BM25 scores of the analyzers (no learned weights).</summary>
    Bm25,

    /// <summary>A weighted sum of all features; weights learned by coordinate ascent on the training questions.</summary>
    Linear,

    /// <summary>LightGBM LambdaRank (ML.NET) over all features, trained on the training questions.</summary>
    LightGbm,
}

/// <summary>The configuration of retrieval: analyzers, field weights, expansions, learned components, ranker.</summary>
public sealed record RetrievalOptions
{
    /// <summary>Analyzers whose fields are queried (each must be in the index).</summary>
    public IReadOnlyList<AnalyzerKind> Analyzers { get; init; } = [AnalyzerKind.Bigram, AnalyzerKind.Jieba];

    /// <summary>Boost of the title field.</summary>
    public float TitleBoost { get; init; } = 0.3f;

    /// <summary>Boost of the heading path field.</summary>
    public float PathBoost { get; init; } = 0.3f;

    /// <summary>
    /// Score the title and heading-path fields once per group of documents sharing them (a version, a heading path)
    /// instead of on every article: the same BM25 sum, fewer postings walked. False scores every field per document.
    /// </summary>
    public bool GroupSharedFields { get; init; } = true;

    /// <summary>Run the analyzers' searches of one query in parallel (lower latency; the same total CPU time).</summary>
    public bool ParallelAnalyzers { get; init; } = true;

    /// <summary>
    /// Query terms found in more than this fraction of documents are left out (1 = keep all). Measured on the national
    /// corpus (bench/RESULTS.md): 0.1 keeps the accuracy (5-fold R@10 .640 vs .635) and cuts the p99 latency by a third.
    /// </summary>
    public float MaxDocFrequency { get; init; } = 0.1f;

    /// <summary>
    /// A term is only left out as common when it is also in more than this many documents: in a small library every
    /// term is "frequent" by fraction, yet its postings cost nothing.
    /// </summary>
    public int CommonTermMinDocs { get; init; } = 1000;

    /// <summary>Expand queries with the lay-to-legal vocabulary.</summary>
    public bool Expand { get; init; } = true;

    /// <summary>Weight of an expansion term relative to a query term.</summary>
    public float ExpansionWeight { get; init; } = 0.5f;

    /// <summary>Candidates taken from each analyzer's BM25 query.</summary>
    public int CandidatesPerChannel { get; init; } = 300;

    /// <summary>Use the labelled questions (similar questions and their articles).</summary>
    public bool UseQuestions { get; init; } = true;

    /// <summary>Similar questions consulted.</summary>
    public int Neighbours { get; init; } = 50;

    /// <summary>Articles on each side of a similar question's article that become candidates too.</summary>
    public int AdjacentArticles { get; init; } = 2;

    /// <summary>Use the law and article priors learned from labelled questions.</summary>
    public bool UsePrior { get; init; } = true;

    /// <summary>Also search inside the most likely laws (from similar questions, names in the query).</summary>
    public bool LawRestricted { get; init; } = true;

    /// <summary>How many likely laws are searched inside.</summary>
    public int RestrictedLaws { get; init; } = 4;

    /// <summary>Candidates taken inside each likely law.</summary>
    public int RestrictedPerLaw { get; init; } = 150;

    /// <summary>Pseudo-relevance feedback: terms of the top documents added to a second query (0 = off).</summary>
    public int FeedbackDocs { get; init; }

    /// <summary>Terms added by pseudo-relevance feedback.</summary>
    public int FeedbackTerms { get; init; } = 20;

    /// <summary>The ranker.</summary>
    public RankerKind Ranker { get; init; } = RankerKind.LightGbm;

    /// <summary>Candidates (by pre-score) that the ranker orders, in training and in search.</summary>
    public int RerankDepth { get; init; } = 300;

    /// <summary>Trees of the LightGBM ranker.</summary>
    public int Trees { get; init; } = 200;

    /// <summary>Leaves per tree of the LightGBM ranker.</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>The default configuration.</summary>
    public static RetrievalOptions Default { get; } = new();

    /// <summary>Applies "key=value" overrides (names as the properties, case-insensitive; analyzers as Bigram+Jieba).</summary>
    /// <exception cref="ArgumentException">An unknown key or a bad value.</exception>
    public RetrievalOptions With(IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var o = this;
        foreach (var setting in settings)
        {
            var eq = setting.IndexOf('=');
            if (eq <= 0)
            {
                throw new ArgumentException($"设置须为 键=值 形式：{setting}");
            }

            var key = setting[..eq].Trim().ToLowerInvariant();
            var value = setting[(eq + 1)..].Trim();
            o = key switch
            {
                "analyzers" => o with { Analyzers = value.Split('+', ',').Select(v => Enum.Parse<AnalyzerKind>(v, true)).ToArray() },
                "titleboost" => o with { TitleBoost = F(value) },
                "pathboost" => o with { PathBoost = F(value) },
                "groupsharedfields" => o with { GroupSharedFields = bool.Parse(value) },
                "parallelanalyzers" => o with { ParallelAnalyzers = bool.Parse(value) },
                "maxdocfrequency" => o with { MaxDocFrequency = F(value) },
                "commontermmindocs" => o with { CommonTermMinDocs = I(value) },
                "expand" => o with { Expand = bool.Parse(value) },
                "expansionweight" => o with { ExpansionWeight = F(value) },
                "candidatesperchannel" => o with { CandidatesPerChannel = I(value) },
                "usequestions" => o with { UseQuestions = bool.Parse(value) },
                "neighbours" => o with { Neighbours = I(value) },
                "adjacentarticles" => o with { AdjacentArticles = I(value) },
                "useprior" => o with { UsePrior = bool.Parse(value) },
                "lawrestricted" => o with { LawRestricted = bool.Parse(value) },
                "restrictedlaws" => o with { RestrictedLaws = I(value) },
                "restrictedperlaw" => o with { RestrictedPerLaw = I(value) },
                "feedbackdocs" => o with { FeedbackDocs = I(value) },
                "feedbackterms" => o with { FeedbackTerms = I(value) },
                "ranker" => o with { Ranker = Enum.Parse<RankerKind>(value, true) },
                "rerankdepth" => o with { RerankDepth = I(value) },
                "trees" => o with { Trees = I(value) },
                "leaves" => o with { Leaves = I(value) },
                _ => throw new ArgumentException($"未知的设置：{key}"),
            };
        }

        return o;
    }

    /// <summary>The settings as a flat dictionary (for reports).</summary>
    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["analyzers"] = string.Join('+', Analyzers),
        ["titleBoost"] = TitleBoost.ToString(CultureInfo.InvariantCulture),
        ["pathBoost"] = PathBoost.ToString(CultureInfo.InvariantCulture),
        ["groupSharedFields"] = GroupSharedFields.ToString(),
        ["parallelAnalyzers"] = ParallelAnalyzers.ToString(),
        ["maxDocFrequency"] = MaxDocFrequency.ToString(CultureInfo.InvariantCulture),
        ["commonTermMinDocs"] = CommonTermMinDocs.ToString(CultureInfo.InvariantCulture),
        ["expand"] = Expand.ToString(),
        ["expansionWeight"] = ExpansionWeight.ToString(CultureInfo.InvariantCulture),
        ["candidatesPerChannel"] = CandidatesPerChannel.ToString(CultureInfo.InvariantCulture),
        ["useQuestions"] = UseQuestions.ToString(),
        ["neighbours"] = Neighbours.ToString(CultureInfo.InvariantCulture),
        ["adjacentArticles"] = AdjacentArticles.ToString(CultureInfo.InvariantCulture),
        ["usePrior"] = UsePrior.ToString(),
        ["lawRestricted"] = LawRestricted.ToString(),
        ["restrictedLaws"] = RestrictedLaws.ToString(CultureInfo.InvariantCulture),
        ["restrictedPerLaw"] = RestrictedPerLaw.ToString(CultureInfo.InvariantCulture),
        ["feedbackDocs"] = FeedbackDocs.ToString(CultureInfo.InvariantCulture),
        ["feedbackTerms"] = FeedbackTerms.ToString(CultureInfo.InvariantCulture),
        ["ranker"] = Ranker.ToString(),
        ["rerankDepth"] = RerankDepth.ToString(CultureInfo.InvariantCulture),
        ["trees"] = Trees.ToString(CultureInfo.InvariantCulture),
        ["leaves"] = Leaves.ToString(CultureInfo.InvariantCulture),
    };

    private static float F(string v) => float.Parse(v, CultureInfo.InvariantCulture);

    private static int I(string v) => int.Parse(v, CultureInfo.InvariantCulture);
}
