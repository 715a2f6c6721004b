using Farun.Law.Corpus;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Farun.Law.Search;

/// <summary>What the index knows about one Lucene document, kept in memory for ranking and filtering.</summary>
/// <param name="LawKey">Law key.</param>
/// <param name="ArticleKey">Article key; empty for a whole document.</param>
/// <param name="ArticleId">law key + '#' + article key.</param>
/// <param name="Level">Level.</param>
/// <param name="IsCurrent">Version in force.</param>
/// <param name="TextLength">Characters of text.</param>
/// <param name="Number">The article number (0 for a whole document).</param>
/// <param name="Chapter">law key + heading path: the chapter the article sits in.</param>
public sealed record IndexedDoc(string LawKey, string ArticleKey, string ArticleId, LawLevel Level, bool IsCurrent, int TextLength, int Number, string Chapter);

/// <summary>The stored fields of a hit, read for display.</summary>
public sealed record StoredArticle(
    string LawKey, string LawId, string VersionId, string Title, string Category, LawLevel Level, string ArticleKey,
    string Path, string Text, DateOnly? VersionDate, bool IsCurrent);

/// <summary>An opened law index: a searcher with BM25, per-document metadata in memory, and cached filters.</summary>
public sealed class LawIndex : IDisposable
{
    private readonly DirectoryReader _reader;
    private readonly Dictionary<string, List<int>> _currentDocsByArticle;
    private readonly Dictionary<string, List<int>> _allDocsByArticle;
    private readonly string[] _texts;
    private readonly Dictionary<string, int[]> _docsByLaw;
    private readonly Dictionary<string, int[]> _allDocsByLaw;
    private readonly Filter _currentFilter;
    private readonly LuceneDirectory? _ownedDirectory;

    private LawIndex(DirectoryReader reader, LuceneDirectory? ownedDirectory)
    {
        _reader = reader;
        _ownedDirectory = ownedDirectory;
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var docs = new IndexedDoc[reader.MaxDoc];
        var fields = new HashSet<string> { IndexFields.Law, IndexFields.Article, IndexFields.Level, IndexFields.Current, IndexFields.TextStored, IndexFields.PathStored, IndexFields.VersionId };
        _texts = new string[reader.MaxDoc];
        _allDocsByArticle = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        _currentDocsByArticle = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byLaw = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var allByLaw = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var laws = new Dictionary<string, string>(StringComparer.Ordinal);
        var titleGroups = new GroupBuilder(reader.MaxDoc);
        var pathGroups = new GroupBuilder(reader.MaxDoc);
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            if (liveDocs is not null && !liveDocs.Get(i))
            {
                continue;
            }

            var d = reader.Document(i, fields);
            var law = d.Get(IndexFields.Law);
            law = laws.TryGetValue(law, out var interned) ? interned : laws[law] = law;
            var art = d.Get(IndexFields.Article);
            var current = d.Get(IndexFields.Current) == "1";
            var text = d.Get(IndexFields.TextStored) ?? string.Empty;
            _texts[i] = text;
            var number = art.Length > 0 && Corpus.ArticleNumber.TryParse(art, out var parsed) ? parsed.Number : 0;
            var path = d.Get(IndexFields.PathStored) ?? string.Empty;
            var chapter = string.Intern(law + "|" + path);

            // Every document of a version carries the same title field, and every document with the same heading path
            // the same path field: their BM25 contributions are equal, so they are scored once per group.
            titleGroups.Add(i, d.Get(IndexFields.VersionId) ?? law);
            if (path.Length > 0)
            {
                pathGroups.Add(i, path);
            }

            var doc = new IndexedDoc(law, art, SearchKeys.Article(law, art), Enum.Parse<LawLevel>(d.Get(IndexFields.Level)), current, text.Length, number, chapter);
            docs[i] = doc;
            if (!_allDocsByArticle.TryGetValue(doc.ArticleId, out var all))
            {
                _allDocsByArticle[doc.ArticleId] = all = [];
            }

            all.Add(i);
            if (!allByLaw.TryGetValue(law, out var allOfLaw))
            {
                allByLaw[law] = allOfLaw = [];
            }

            allOfLaw.Add(i);
            if (current)
            {
                if (!_currentDocsByArticle.TryGetValue(doc.ArticleId, out var list))
                {
                    _currentDocsByArticle[doc.ArticleId] = list = [];
                }

                list.Add(i);
                if (!byLaw.TryGetValue(law, out var lawDocs))
                {
                    byLaw[law] = lawDocs = [];
                }

                lawDocs.Add(i);
            }
        }

        Docs = docs;
        TitleGroups = titleGroups.Build();
        PathGroups = pathGroups.Build();
        _docsByLaw = byLaw.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _allDocsByLaw = allByLaw.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _currentFilter = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term(IndexFields.Current, "1"))));
        CurrentArticleCount = Docs.Count(d => d is { IsCurrent: true } && d.ArticleKey.Length > 0);
    }

    /// <summary>The searcher (BM25, k1 1.2, b 0.75).</summary>
    public IndexSearcher Searcher { get; }

    /// <summary>Metadata per Lucene document id (null for deleted documents).</summary>
    public IReadOnlyList<IndexedDoc> Docs { get; }

    /// <summary>Documents grouped by version: they share one title field.</summary>
    public FieldGroups TitleGroups { get; }

    /// <summary>Documents grouped by heading path: they share one path field.</summary>
    public FieldGroups PathGroups { get; }

    /// <summary>Documents in the index.</summary>
    public int DocumentCount => _reader.NumDocs;

    /// <summary>Articles of the versions in force.</summary>
    public int CurrentArticleCount { get; }

    /// <summary>Law keys with a version in force.</summary>
    public IEnumerable<string> LawKeys => _docsByLaw.Keys;

    /// <summary>Opens an index. The index owns <paramref name="directory"/> when <paramref name="ownsDirectory"/>.</summary>
    public static LawIndex Open(LuceneDirectory directory, bool ownsDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new LawIndex(DirectoryReader.Open(directory), ownsDirectory ? directory : null);
    }

    /// <summary>True when the article (law key + '#' + article key) exists in a version in force.</summary>
    public bool HasCurrentArticle(string articleId) => _currentDocsByArticle.ContainsKey(articleId);

    /// <summary>The documents of the version in force of an article.</summary>
    public IReadOnlyList<int> CurrentDocs(string articleId) =>
        _currentDocsByArticle.TryGetValue(articleId, out var list) ? list : [];

    /// <summary>The documents of an article in every version.</summary>
    public IReadOnlyList<int> DocsOfArticle(string articleId) =>
        _allDocsByArticle.TryGetValue(articleId, out var list) ? list : [];

    /// <summary>The text of a document.</summary>
    public string TextOf(int doc) => _texts[doc] ?? string.Empty;

    /// <summary>The documents of a law in every version.</summary>
    public IReadOnlyList<int> DocsOfLaw(string lawKey) =>
        _allDocsByLaw.TryGetValue(lawKey, out var list) ? list : [];

    /// <summary>The documents in force of a law.</summary>
    public IReadOnlyList<int> CurrentDocsOfLaw(string lawKey) =>
        _docsByLaw.TryGetValue(lawKey, out var list) ? list : [];

    /// <summary>
    /// The filter for a request: versions in force (no date) or in force on <paramref name="date"/>; optionally one level,
    /// one category and a set of laws.
    /// </summary>
    public Filter BuildFilter(DateOnly? date, LawLevel? level = null, string? category = null, IReadOnlyCollection<string>? laws = null)
    {
        if (date is null && level is null && category is null && laws is null)
        {
            return _currentFilter;
        }

        var filter = new BooleanFilter();
        if (date is { } d)
        {
            var day = IndexFields.DayNumber(d);
            filter.Add(NumericRangeFilter.NewInt32Range(IndexFields.From, null, day, true, true), Occur.MUST);
            filter.Add(NumericRangeFilter.NewInt32Range(IndexFields.Until, day, null, false, true), Occur.MUST);
        }
        else
        {
            filter.Add(_currentFilter, Occur.MUST);
        }

        if (level is { } l)
        {
            filter.Add(new TermsFilter(new Term(IndexFields.Level, l.ToString())), Occur.MUST);
        }

        if (category is not null)
        {
            filter.Add(new TermsFilter(new Term(IndexFields.Category, category)), Occur.MUST);
        }

        if (laws is not null)
        {
            filter.Add(new TermsFilter(laws.Select(k => new Term(IndexFields.Law, k)).ToList()), Occur.MUST);
        }

        return filter;
    }

    /// <summary>Reads the stored fields of a document for display.</summary>
    public StoredArticle Read(int doc)
    {
        var d = Searcher.Doc(doc);
        var date = d.Get(IndexFields.VersionDate);
        return new StoredArticle(
            d.Get(IndexFields.Law),
            d.Get(IndexFields.LawId),
            d.Get(IndexFields.VersionId),
            d.Get(IndexFields.TitleStored),
            d.Get(IndexFields.Category),
            Enum.Parse<LawLevel>(d.Get(IndexFields.Level)),
            d.Get(IndexFields.Article),
            d.Get(IndexFields.PathStored),
            d.Get(IndexFields.TextStored),
            string.IsNullOrEmpty(date) ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            d.Get(IndexFields.Current) == "1");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _ownedDirectory?.Dispose();
    }
}

/// <summary>
/// Documents whose value of a field is identical (a version's title, a heading path), so that a term query on that field
/// scores them all the same: the field is searched on one representative per group and the score given to the group.
/// </summary>
public sealed class FieldGroups
{
    internal FieldGroups(int[] groupOfDoc, int[][] docsOfGroup)
    {
        GroupOfDoc = groupOfDoc;
        DocsOfGroup = docsOfGroup;
        var representatives = new FixedBitSet(Math.Max(1, groupOfDoc.Length));
        foreach (var docs in docsOfGroup)
        {
            representatives.Set(docs[0]);
        }

        // Cached per segment: the groups change only with a new index.
        Representatives = new CachingWrapperFilter(new BitsFilter(representatives));
    }

    /// <summary>The group of each document (-1: none, the field is empty).</summary>
    public IReadOnlyList<int> GroupOfDoc { get; }

    /// <summary>The documents of each group; the first one represents the group.</summary>
    public IReadOnlyList<int[]> DocsOfGroup { get; }

    /// <summary>A filter accepting one document per group.</summary>
    public Filter Representatives { get; }
}

/// <summary>Collects group ids by key while the index is read.</summary>
internal sealed class GroupBuilder(int maxDoc)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<List<int>> _docs = [];
    private readonly int[] _groupOfDoc = Enumerable.Repeat(-1, maxDoc).ToArray();

    public void Add(int doc, string key)
    {
        if (!_ids.TryGetValue(key, out var id))
        {
            _ids[key] = id = _docs.Count;
            _docs.Add([]);
        }

        _docs[id].Add(doc);
        _groupOfDoc[doc] = id;
    }

    public FieldGroups Build() => new(_groupOfDoc, [.. _docs.Select(d => d.ToArray())]);
}

/// <summary>A filter from a bit set over top-level document ids, sliced per segment.</summary>
internal sealed class BitsFilter(FixedBitSet bits) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var maxDoc = context.AtomicReader.MaxDoc;
        var slice = new FixedBitSet(Math.Max(1, maxDoc));
        var doc = bits.NextSetBit(context.DocBase);
        while (doc >= 0 && doc < context.DocBase + maxDoc)
        {
            if (acceptDocs is null || acceptDocs.Get(doc - context.DocBase))
            {
                slice.Set(doc - context.DocBase);
            }

            doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1;
        }

        return slice;
    }
}
