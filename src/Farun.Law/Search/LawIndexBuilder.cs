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

    /// <summary>Documents analysed by one thread into one small index, before they join the index in order.</summary>
    public const int ChunkSize = 2000;

    /// <summary>
    /// Replaces the content of <paramref name="directory"/> with <paramref name="documents"/>. Safe to call with a
    /// lazily produced sequence (from the database, for example); documents are analysed on all cores. The same documents
    /// always get the same document ids (their order in the sequence), so ties in ranking, and so every evaluation
    /// figure, come out the same on every run.
    /// </summary>
    public static IndexBuildResult Build(LuceneDirectory directory, IEnumerable<SearchDocument> documents, IReadOnlyCollection<AnalyzerKind> kinds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(documents);
        var watch = Stopwatch.StartNew();
        using var analyzer = CreateAnalyzer(kinds);
        var total = 0;
        var current = 0;
        // Titles and heading paths repeat on every article of a law: analyse each distinct one once.
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<(AnalyzerKind, string), string[]>();

        // Several threads adding to one writer would interleave their documents by timing. Instead each chunk of the
        // sequence is written by one thread into its own small index, and the chunks join the index in sequence order;
        // log merge policies only ever merge neighbouring segments, so the order survives the final merge.
        using (var writer = new IndexWriter(directory, Config(analyzer, 64)))
        {
            var pending = new Queue<Task<(Lucene.Net.Store.RAMDirectory Directory, int Total, int Current)>>();
            void JoinOldest()
            {
                var (chunk, chunkTotal, chunkCurrent) = pending.Dequeue().GetAwaiter().GetResult();
                using (chunk)
                {
                    writer.AddIndexes(chunk);
                }

                total += chunkTotal;
                current += chunkCurrent;
            }

            try
            {
                foreach (var chunk in documents.Chunk(ChunkSize))
                {
                    ct.ThrowIfCancellationRequested();
                    pending.Enqueue(Task.Run(() => WriteChunk(chunk, kinds, analyzer, cache), ct));
                    if (pending.Count > Environment.ProcessorCount)
                    {
                        JoinOldest();
                    }
                }

                while (pending.Count > 0)
                {
                    JoinOldest();
                }
            }
            finally
            {
                // On failure or cancellation: let the chunks still being written finish and free them.
                foreach (var task in pending)
                {
                    try
                    {
                        task.GetAwaiter().GetResult().Directory.Dispose();
                    }
                    catch (OperationCanceledException)
                    {
                        // Cancelled before it started: nothing to free.
                    }
                }
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        return new IndexBuildResult(total, current, watch.Elapsed);
    }

    private static (Lucene.Net.Store.RAMDirectory Directory, int Total, int Current) WriteChunk(
        SearchDocument[] chunk, IReadOnlyCollection<AnalyzerKind> kinds, Analyzer analyzer, System.Collections.Concurrent.ConcurrentDictionary<(AnalyzerKind, string), string[]> cache)
    {
        var directory = new Lucene.Net.Store.RAMDirectory();
        using (var writer = new IndexWriter(directory, Config(analyzer, 256)))
        {
            foreach (var doc in chunk)
            {
                writer.AddDocument(ToLucene(doc, kinds, analyzer, cache));
            }

            writer.Commit();
        }

        return (directory, chunk.Length, chunk.Count(d => d.IsCurrent));
    }

    private static IndexWriterConfig Config(Analyzer analyzer, double ramBufferMb) => new(ChineseAnalyzers.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        Similarity = new BM25Similarity(),
        RAMBufferSizeMB = ramBufferMb,
        MergePolicy = new LogByteSizeMergePolicy(),
    };

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
