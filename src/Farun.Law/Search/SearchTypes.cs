using Farun.Law.Corpus;

namespace Farun.Law.Search;

/// <summary>A search request.</summary>
/// <param name="Text">The question or keywords.</param>
/// <param name="Top">How many results (1–100).</param>
/// <param name="Date">Search the versions in force on this date instead of today's.</param>
/// <param name="Level">Only this level.</param>
/// <param name="Category">Only this category folder.</param>
public sealed record SearchRequest(string Text, int Top = 10, DateOnly? Date = null, LawLevel? Level = null, string? Category = null);

/// <summary>Why a result was found.</summary>
/// <param name="Citation">The query cites this article exactly (e.g. 劳动合同法第八十二条).</param>
/// <param name="LawNamed">The query names this article's law.</param>
/// <param name="MatchedTerms">Query terms found in the article.</param>
/// <param name="Expansions">Everyday words of the query mapped to legal terms found in the article.</param>
/// <param name="SimilarQuestion">A known question with this article among its answers, similar to the query.</param>
/// <param name="Summary">A short explanation in Chinese.</param>
public sealed record SearchExplanation(
    bool Citation,
    bool LawNamed,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<QueryExpansion> Expansions,
    string? SimilarQuestion,
    string Summary);

/// <summary>One ranked result.</summary>
/// <param name="Rank">1-based rank.</param>
/// <param name="Score">The ranker's score (citations rank first whatever their score).</param>
/// <param name="Article">The stored article.</param>
/// <param name="Snippet">HTML-escaped text with matches wrapped in &lt;mark&gt;.</param>
/// <param name="Explanation">What matched.</param>
public sealed record SearchHit(int Rank, float Score, StoredArticle Article, string Snippet, SearchExplanation Explanation);

/// <summary>The results of a search.</summary>
/// <param name="Hits">Ranked results.</param>
/// <param name="Expansions">The vocabulary expansions applied to the query.</param>
/// <param name="Elapsed">Time spent.</param>
public sealed record SearchResponse(IReadOnlyList<SearchHit> Hits, IReadOnlyList<QueryExpansion> Expansions, TimeSpan Elapsed);

/// <summary>A ranked candidate with its features (for evaluation and training).</summary>
/// <param name="Doc">Lucene document id.</param>
/// <param name="ArticleId">law key + '#' + article key.</param>
/// <param name="Features">The feature vector (see <see cref="FeatureSchema"/>).</param>
/// <param name="Score">The ranker's score.</param>
/// <param name="Cited">The query cites the article.</param>
public sealed record RankedCandidate(int Doc, string ArticleId, float[] Features, float Score, bool Cited);
