using System.Diagnostics;
using System.Globalization;
using Farun.Law.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Farun.Law.Search;

/// <summary>What an index build did.</summary>
/// <param name="Documents">Documents written (articles of every version, plus whole documents without articles).</param>
/// <param name="CurrentDocuments">Documents of versions in force.</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record IndexBuildResult(int Documents, int CurrentDocuments, TimeSpan Elapsed);

/// <summary>Writes search documents into a Lucene index with one set of analysed fields per analyzer.</summary>
public static class LawIndexBuilder
{
    /// <summary>An analyzer that routes each field to its <see cref="AnalyzerKind"/>.</summary>
    public static Analyzer CreateAnalyzer(IReadOnlyCollection<AnalyzerKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            var analyzer = ChineseAnalyzers.Create(kind);
            perField[IndexFields.Title(kind)] = analyzer;
            perField[IndexFields.Path(kind)] = analyzer;
            perField[IndexFields.Text(kind)] = analyzer;
        }

        return new PerFieldAnalyzerWrapper(new Lucene.Net.Analysis.Core.KeywordAnalyzer(), perField);
    }

    /// <summary>
    /// Replaces the content of <paramref name="directory"/> with <paramref name="documents"/>. Safe to call with a
    /// lazily produced sequence (from the database, for example); documents are analysed on all cores.
    /// </summary>
    public static IndexBuildResult Build(LuceneDirectory directory, IEnumerable<SearchDocument> documents, IReadOnlyCollection<AnalyzerKind> kinds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(documents);
        var watch = Stopwatch.StartNew();
        using var analyzer = CreateAnalyzer(kinds);
        var config = new IndexWriterConfig(ChineseAnalyzers.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = 64,
        };
        var total = 0;
        var current = 0;
        // Titles and heading paths repeat on every article of a law: analyse each distinct one once.
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<(AnalyzerKind, string), string[]>();
        using (var writer = new IndexWriter(directory, config))
        {
            var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(documents, options, doc =>
            {
                writer.AddDocument(ToLucene(doc, kinds, analyzer, cache));
                Interlocked.Increment(ref total);
                if (doc.IsCurrent)
                {
                    Interlocked.Increment(ref current);
                }
            });
            writer.ForceMerge(1);
            writer.Commit();
        }

        return new IndexBuildResult(total, current, watch.Elapsed);
    }

    private static Document ToLucene(SearchDocument d, IReadOnlyCollection<AnalyzerKind> kinds, Analyzer analyzer, System.Collections.Concurrent.ConcurrentDictionary<(AnalyzerKind, string), string[]> cache)
    {
        string[] Terms(AnalyzerKind kind, string field, string text) =>
            cache.GetOrAdd((kind, text), key => [.. ChineseAnalyzers.Terms(analyzer, field, key.Item2)]);

        var doc = new Document
        {
            new StringField(IndexFields.Law, d.LawKey, Field.Store.YES),
            new StringField(IndexFields.Article, d.ArticleKey, Field.Store.YES),
            new StringField(IndexFields.LawId, d.LawId, Field.Store.YES),
            new StringField(IndexFields.VersionId, d.VersionId, Field.Store.YES),
            new StringField(IndexFields.Level, d.Level.ToString(), Field.Store.YES),
            new StringField(IndexFields.Category, d.Category, Field.Store.YES),
            new StringField(IndexFields.Current, d.IsCurrent ? "1" : "0", Field.Store.YES),
            new Int32Field(IndexFields.From, d.VersionDate is { } from ? IndexFields.DayNumber(from) : 0, Field.Store.NO),
            new Int32Field(IndexFields.Until, d.ValidUntil is { } until ? IndexFields.DayNumber(until) : 99991231, Field.Store.NO),
            new StoredField(IndexFields.TitleStored, d.Title),
            new StoredField(IndexFields.PathStored, d.Path),
            new StoredField(IndexFields.TextStored, d.Text),
            new StoredField(IndexFields.VersionDate, d.VersionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty),
        };
        var titles = string.Join('\n', new[] { d.Title }.Concat(d.Aliases));
        foreach (var kind in kinds)
        {
            doc.Add(new TextField(IndexFields.Title(kind), new TermListTokenStream(Terms(kind, IndexFields.Title(kind), titles))));
            if (d.Path.Length > 0)
            {
                doc.Add(new TextField(IndexFields.Path(kind), new TermListTokenStream(Terms(kind, IndexFields.Path(kind), d.Path))));
            }

            doc.Add(new TextField(IndexFields.Text(kind), d.Text, Field.Store.NO));
        }

        return doc;
    }
}

/// <summary>A token stream over terms analysed before (positions only; titles and paths are not highlighted).</summary>
internal sealed class TermListTokenStream : TokenStream
{
    private readonly string[] _terms;
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute _term;
    private int _index;

    public TermListTokenStream(string[] terms)
    {
        _terms = terms;
        _term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_index >= _terms.Length)
        {
            return false;
        }

        ClearAttributes();
        _term.SetEmpty().Append(_terms[_index++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _index = 0;
    }
}
