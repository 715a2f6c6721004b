using Farun.Law.Search.Analysis;

namespace Farun.Law.Search;

/// <summary>The names and positions of the candidate features for a set of analyzers.</summary>
public sealed class FeatureSchema
{
    /// <summary>Features after the per-analyzer BM25 scores.</summary>
    public static readonly string[] Common =
    [
        "bm25.rrf", "bm25.raw", "knn.sum", "knn.max", "knn.rank", "law.knn", "law.prior", "article.prior",
        "law.named", "law.bm25", "law.rank", "doc.whole", "doc.length", "expansion.hits",
        "knn.adjacent", "knn.chapter", "query.knnTop", "query.length",
    ];

    /// <summary>Creates the schema.</summary>
    public FeatureSchema(IReadOnlyList<AnalyzerKind> analyzers)
    {
        Analyzers = analyzers;
        Names = analyzers.Select(a => "bm25." + a).Concat(Common).ToArray();
        var b = analyzers.Count;
        Rrf = b;
        Raw = b + 1;
        KnnSum = b + 2;
        KnnMax = b + 3;
        KnnRank = b + 4;
        LawKnn = b + 5;
        LawPrior = b + 6;
        ArticlePrior = b + 7;
        LawNamed = b + 8;
        LawBm25 = b + 9;
        LawRank = b + 10;
        Whole = b + 11;
        Length = b + 12;
        ExpansionHits = b + 13;
        KnnAdjacent = b + 14;
        KnnChapter = b + 15;
        QueryKnnTop = b + 16;
        QueryLength = b + 17;
    }

    /// <summary>The cheap score that picks the candidates the ranker sees: text, similar questions, law of similar questions.</summary>
    public float PreScore(float[] f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f[Raw] + f[KnnSum] + f[LawKnn];
    }

    /// <summary>The analyzers (the first features are their normalised BM25 scores).</summary>
    public IReadOnlyList<AnalyzerKind> Analyzers { get; }

    /// <summary>All feature names in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of features.</summary>
    public int Count => Names.Count;

#pragma warning disable CS1591 // Positions of the common features, named as in Common.
    public int Rrf { get; }

    public int Raw { get; }

    public int KnnSum { get; }

    public int KnnMax { get; }

    public int KnnRank { get; }

    public int LawKnn { get; }

    public int LawPrior { get; }

    public int ArticlePrior { get; }

    public int LawNamed { get; }

    public int LawBm25 { get; }

    public int LawRank { get; }

    public int Whole { get; }

    public int Length { get; }

    public int ExpansionHits { get; }

    public int KnnAdjacent { get; }

    public int KnnChapter { get; }

    public int QueryKnnTop { get; }

    public int QueryLength { get; }
#pragma warning restore CS1591
}
