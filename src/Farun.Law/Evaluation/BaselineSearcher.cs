using Farun.Law.Search;
using Farun.Law.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Farun.Law.Evaluation;

/// <summary>
/// The plain baseline of STARD's SOURCE.md: Lucene BM25 (k1 1.2, b 0.75), SmartCn, one document per in-force
/// article, the question as an OR query over title and text.
/// </summary>
public sealed class BaselineSearcher : IDisposable
{
    private const string Title = "title";
    private const string Text = "text";
    private const string Id = "id";
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new SmartChineseAnalyzer(ChineseAnalyzers.Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _ids;

    /// <summary>Indexes the articles of the versions in force among <paramref name="documents"/>.</summary>
    public BaselineSearcher(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var config = new IndexWriterConfig(ChineseAnalyzers.Version, _analyzer) { Similarity = new BM25Similarity(1.2f, 0.75f), OpenMode = OpenMode.CREATE, MergePolicy = new LogByteSizeMergePolicy() };
        using (var writer = new IndexWriter(_directory, config))
        {
            // One thread, in sequence order: document ids decide ties, and the baseline's figures must not vary by run.
            foreach (var d in documents.Where(d => d.IsCurrent && d.Number is not null))
            {
                writer.AddDocument(new Document
                {
                    new StringField(Id, d.ArticleId, Field.Store.YES),
                    new TextField(Title, d.Title, Field.Store.NO),
                    new TextField(Text, d.Text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        _ids = new string[_reader.MaxDoc];
        var fields = new HashSet<string> { Id };
        for (var i = 0; i < _reader.MaxDoc; i++)
        {
            _ids[i] = _reader.Document(i, fields).Get(Id);
        }
    }

    /// <summary>Articles indexed.</summary>
    public int Count => _ids.Length;

    /// <summary>The top article ids for a question.</summary>
    public IReadOnlyList<string> Search(string question, int top)
    {
        var query = new BooleanQuery();
        foreach (var field in new[] { Title, Text })
        {
            foreach (var term in ChineseAnalyzers.Terms(_analyzer, field, question))
            {
                query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }

        return query.Clauses.Count == 0 ? [] : _searcher.Search(query, top).ScoreDocs.Select(h => _ids[h.Doc]).ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
