using Farun.Law.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Farun.Law.Search;

/// <summary>A labelled question similar to a query, with its BM25 similarity.</summary>
/// <param name="Question">The labelled question.</param>
/// <param name="Score">BM25 similarity of the query to the question.</param>
public readonly record struct SimilarQuestion(LabelledQuestion Question, float Score);

/// <summary>
/// Labelled questions kept in a small in-memory Lucene index, so that a new question finds the articles of the
/// known questions most similar to it. Thread-safe for searching.
/// </summary>
public sealed class QuestionMemory : IDisposable
{
    private const string IdField = "i";
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader? _reader;
    private readonly IndexSearcher? _searcher;
    private readonly Analyzer _analyzer;
    private readonly IReadOnlyList<AnalyzerKind> _kinds;
    private readonly Lazy<Dictionary<string, LabelledQuestion>> _byId;

    /// <summary>Indexes the questions with each analyzer in its own field.</summary>
    public QuestionMemory(IReadOnlyList<LabelledQuestion> questions, IReadOnlyList<AnalyzerKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(questions);
        Questions = questions;
        _kinds = kinds;
        _byId = new Lazy<Dictionary<string, LabelledQuestion>>(() => questions.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        _analyzer = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(
            new Lucene.Net.Analysis.Core.KeywordAnalyzer(),
            kinds.ToDictionary(k => Field(k), k => ChineseAnalyzers.Create(k)));
        if (questions.Count == 0)
        {
            return;
        }

        var config = new IndexWriterConfig(ChineseAnalyzers.Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            for (var i = 0; i < questions.Count; i++)
            {
                var doc = new Document { new StoredField(IdField, i) };
                foreach (var kind in kinds)
                {
                    doc.Add(new TextField(Field(kind), questions[i].Text, Lucene.Net.Documents.Field.Store.NO));
                }

                writer.AddDocument(doc);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The labelled questions.</summary>
    public IReadOnlyList<LabelledQuestion> Questions { get; }

    /// <summary>A labelled question by id, or null.</summary>
    public LabelledQuestion? Find(string id) => _byId.Value.GetValueOrDefault(id);

    /// <summary>The field of an analyzer.</summary>
    public static string Field(AnalyzerKind kind) => "q." + kind;

    /// <summary>
    /// The questions most similar to <paramref name="text"/> (BM25 over all analyzers' fields), best first, leaving out
    /// the question with id <paramref name="excludeId"/> (so a training question never finds itself).
    /// </summary>
    public IReadOnlyList<SimilarQuestion> Similar(string text, int top, string? excludeId = null)
    {
        if (_searcher is null || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var kind in _kinds)
        {
            var field = Field(kind);
            foreach (var (term, count) in QueryTerms.Count(ChineseAnalyzers.Terms(_analyzer, field, text), 128))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = count }, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var hits = _searcher.Search(query, top + 1).ScoreDocs;
        var result = new List<SimilarQuestion>(hits.Length);
        foreach (var hit in hits)
        {
            var q = Questions[_searcher.Doc(hit.Doc).GetField(IdField).GetInt32Value()!.Value];
            if (excludeId is not null && q.Id == excludeId)
            {
                continue;
            }

            result.Add(new SimilarQuestion(q, hit.Score));
            if (result.Count == top)
            {
                break;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader?.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}

/// <summary>Helpers for turning analysed text into weighted query terms.</summary>
public static class QueryTerms
{
    /// <summary>Distinct terms with their counts, in first-seen order, at most <paramref name="max"/> of them.</summary>
    public static List<(string Term, int Count)> Count(IEnumerable<string> terms, int max)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var t in terms)
        {
            if (counts.TryGetValue(t, out var c))
            {
                counts[t] = c + 1;
            }
            else if (order.Count < max)
            {
                counts[t] = 1;
                order.Add(t);
            }
        }

        return order.Select(t => (t, counts[t])).ToList();
    }
}
