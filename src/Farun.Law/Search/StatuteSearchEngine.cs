using System.Diagnostics;
using Farun.Law.Citations;
using Farun.Law.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Farun.Law.Search;

/// <summary>
/// Statute retrieval for lay questions: citations resolve exactly and rank first; otherwise candidates come from
/// BM25 over several analyzers (with lay-to-legal expansion), from labelled questions similar to the query and from
/// searches inside the most likely laws, and a ranker orders them by their features. Thread-safe.
/// </summary>
public sealed class StatuteSearchEngine : IDisposable
{
    private const int MaxQueryTerms = 256;
    private readonly LawIndex _index;
    private readonly LawNameIndex _names;
    private readonly CitationParser _citations;
    private readonly LayVocabulary _vocabulary;
    private readonly Analyzer _analyzer;
    private readonly IRanker _ranker;

    static StatuteSearchEngine()
    {
        // Long questions with expansions over three fields exceed Lucene's default of 1,024 clauses.
        BooleanQuery.MaxClauseCount = 4096;
    }

    /// <summary>Creates an engine over an opened index.</summary>
    public StatuteSearchEngine(LawIndex index, LawNameIndex names, LayVocabulary vocabulary, SearchModel model, RetrievalOptions options)
    {
        _index = index;
        _names = names;
        _citations = new CitationParser(names);
        _vocabulary = vocabulary;
        Model = model;
        Options = options;
        Schema = new FeatureSchema(options.Analyzers);
        _analyzer = LawIndexBuilder.CreateAnalyzer(options.Analyzers);
        _ranker = options.Ranker == RankerKind.Bm25 || model.Ranker is null
            ? new Bm25SumRanker(options.Analyzers.Count)
            : model.Ranker;
    }

    /// <summary>The configuration.</summary>
    public RetrievalOptions Options { get; }

    /// <summary>The learned model.</summary>
    public SearchModel Model { get; }

    /// <summary>The feature layout.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The index searched.</summary>
    public LawIndex Index => _index;

    /// <summary>The law names citations are resolved with (those the index was built with).</summary>
    public LawNameIndex Names => _names;

    /// <summary>Searches and explains the top results.</summary>
    public SearchResponse Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var watch = Stopwatch.StartNew();
        var context = Prepare(request.Text, request.Date, request.Level, request.Category, null);
        var ranked = Rank(context, _ranker);
        Profile.Mark(6);
        var hits = new List<SearchHit>();
        foreach (var c in ranked.Take(request.Top))
        {
            var stored = _index.Read(c.Doc);
            hits.Add(Explain(context, c, stored, hits.Count + 1));
        }

        Profile.Mark(7);

        return new SearchResponse(hits, context.Expansions, watch.Elapsed);
    }

    /// <summary>
    /// The ranked candidates of a question in the versions in force (evaluation and training). A labelled question
    /// with id <paramref name="excludeQuestionId"/> is not consulted, so a training question never sees itself.
    /// </summary>
    public IReadOnlyList<RankedCandidate> RankCandidates(string text, string? excludeQuestionId = null, IRanker? ranker = null)
    {
        var context = Prepare(text, null, null, null, excludeQuestionId);
        return Rank(context, ranker ?? _ranker);
    }

    /// <inheritdoc />
    public void Dispose() => _analyzer.Dispose();

    private List<RankedCandidate> Rank(QueryContext context, IRanker ranker)
    {
        // The ranker scores the candidates that a cheap pre-score puts in the top RerankDepth (as in training);
        // the rest follow in pre-score order.
        var pre = context.Candidates
            .Select(c => (c.Doc, c.Features, Pre: Schema.PreScore(c.Features)))
            .OrderByDescending(c => c.Pre)
            .ThenBy(c => c.Doc)
            .ToList();
        var result = new List<RankedCandidate>(pre.Count);
        for (var i = 0; i < pre.Count; i++)
        {
            var (doc, features, p) = pre[i];
            var cited = context.Cited.Contains(doc);
            var score = i < Options.RerankDepth ? ranker.Score(features) : -1e6f + p;
            result.Add(new RankedCandidate(doc, _index.Docs[doc].ArticleId, features, score, cited));
        }

        result.Sort((a, b) =>
        {
            if (a.Cited != b.Cited)
            {
                return a.Cited ? -1 : 1;
            }

            if (a.Cited)
            {
                return context.CitedOrder[a.Doc].CompareTo(context.CitedOrder[b.Doc]);
            }

            var c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : a.Doc.CompareTo(b.Doc);
        });
        return result;
    }

    private QueryContext Prepare(string text, DateOnly? date, Corpus.LawLevel? level, string? category, string? excludeQuestionId)
    {
        Profile.Start();
        var context = new QueryContext(text);
        var filter = _index.BuildFilter(date, level, category);
        var allowed = FilterBits(filter);
        context.Expansions = Options.Expand ? _vocabulary.Expand(text) : [];
        context.NamedLaws = NamedLaws(text);

        // 1. Citations: exact articles, first.
        foreach (var citation in _citations.Parse(text).Citations)
        {
            if (citation.LawKey is null)
            {
                continue;
            }

            foreach (var doc in _index.DocsOfArticle(SearchKeys.Article(citation.LawKey, citation.ArticleNumber.Key)))
            {
                if (allowed.Get(doc) && context.Cited.Add(doc))
                {
                    context.CitedOrder[doc] = context.CitedOrder.Count;
                }
            }
        }

        Profile.Mark(0);

        // 2. BM25 per analyzer: every matching document scored once, into an array.
        var queries = Options.Analyzers.Select(k => BuildQuery(k, text, context.Expansions)).ToArray();
        var maxDoc = _index.Docs.Count;
        // The score arrays come from this thread's pool, taken here: an analyzer's search may run on a pool thread that
        // goes on to serve another query's analyzer, and arrays of its own pool would be cleared under this query's feet.
        var runs = new ScoreRun[queries.Length];
        for (var k = 0; k < runs.Length; k++)
        {
            runs[k] = new ScoreRun(maxDoc, k);
        }

        var candidates = new HashSet<int>(context.Cited);
        void Score(int k)
        {
            var run = runs[k];
            var q = queries[k];
            if (Options.GroupSharedFields)
            {
                // BM25 with coordination off is a sum over clauses: text per document, title and heading path once per
                // group of documents sharing them (the same score, without walking every article's title postings).
                if (q.Text is { } textQuery)
                {
                    _index.Searcher.Search(textQuery, filter, run);
                }

                AddGroupScores(run, q.Title, _index.TitleGroups, allowed);
                AddGroupScores(run, q.Path, _index.PathGroups, allowed);
            }
            else if (q.Combined() is { } combined)
            {
                _index.Searcher.Search(combined, filter, run);
            }
        }

        if (Options.ParallelAnalyzers && queries.Length > 1)
        {
            // The analyzers' searches are independent: on an idle machine the answer waits for the slower one only.
            Parallel.For(0, queries.Length, Score);
        }
        else
        {
            for (var k = 0; k < queries.Length; k++)
            {
                Score(k);
            }
        }

        foreach (var run in runs)
        {
            foreach (var doc in run.Top(Options.CandidatesPerChannel))
            {
                candidates.Add(doc);
            }
        }

        Profile.Mark(1);

        // 3. Similar labelled questions.
        var neighbours = Options.UseQuestions && Model.Memory is not null
            ? Model.Memory.Similar(text, Options.Neighbours, excludeQuestionId)
            : [];
        context.Neighbours = neighbours;
        var knn = new Dictionary<string, (float Sum, float Max, int Rank)>(StringComparer.Ordinal);
        var lawKnn = new Dictionary<string, float>(StringComparer.Ordinal);
        var chapterKnn = new Dictionary<string, float>(StringComparer.Ordinal);
        var adjacent = new Dictionary<string, float>(StringComparer.Ordinal);
        var mass = 0f;
        if (neighbours.Count > 0)
        {
            var top = neighbours[0].Score;
            for (var r = 0; r < neighbours.Count; r++)
            {
                var s = neighbours[r].Score / top;
                mass += s;
                foreach (var a in neighbours[r].Question.ArticleIds)
                {
                    var prev = knn.TryGetValue(a, out var existing) ? existing : (Sum: 0f, Max: 0f, Rank: int.MaxValue);
                    knn[a] = (prev.Sum + s, Math.Max(prev.Max, s), Math.Min(prev.Rank, r));
                }

                foreach (var law in neighbours[r].Question.ArticleIds.Select(SearchKeys.LawOf).Distinct(StringComparer.Ordinal))
                {
                    lawKnn[law] = lawKnn.GetValueOrDefault(law) + s;
                }
            }

            foreach (var (articleId, value) in knn)
            {
                foreach (var doc in _index.DocsOfArticle(articleId))
                {
                    if (!allowed.Get(doc))
                    {
                        continue;
                    }

                    candidates.Add(doc);
                    var info = _index.Docs[doc];
                    chapterKnn[info.Chapter] = chapterKnn.GetValueOrDefault(info.Chapter) + value.Sum;

                    // Answers often sit next to each other (第一千零七十九条 and 第一千零八十条): bring the neighbours too.
                    if (info.Number > 0 && info.IsCurrent)
                    {
                        for (var d = -Options.AdjacentArticles; d <= Options.AdjacentArticles; d++)
                        {
                            if (d == 0 || info.Number + d < 1)
                            {
                                continue;
                            }

                            var adjacentId = SearchKeys.Article(info.LawKey, (info.Number + d).ToString(System.Globalization.CultureInfo.InvariantCulture));
                            var weight = value.Sum / (1 + Math.Abs(d));
                            adjacent[adjacentId] = Math.Max(adjacent.GetValueOrDefault(adjacentId), weight);
                            foreach (var a in _index.CurrentDocs(adjacentId))
                            {
                                if (allowed.Get(a))
                                {
                                    candidates.Add(a);
                                }
                            }
                        }
                    }
                }
            }
        }

        Profile.Mark(2);

        // 4. Inside the most likely laws (named in the question, or answering similar questions): their best articles.
        if (Options.LawRestricted)
        {
            var likely = context.NamedLaws
                .Concat(lawKnn.OrderByDescending(kv => kv.Value).Select(kv => kv.Key))
                .Distinct(StringComparer.Ordinal)
                .Take(Options.RestrictedLaws);
            foreach (var law in likely)
            {
                var best = new PriorityQueue<int, float>();
                foreach (var doc in _index.DocsOfLaw(law))
                {
                    if (!allowed.Get(doc))
                    {
                        continue;
                    }

                    var s = 0f;
                    foreach (var run in runs)
                    {
                        s += run.Normalized(doc);
                    }

                    if (s <= 0)
                    {
                        continue;
                    }

                    best.Enqueue(doc, s);
                    if (best.Count > Options.RestrictedPerLaw)
                    {
                        best.Dequeue();
                    }
                }

                while (best.TryDequeue(out var doc, out _))
                {
                    candidates.Add(doc);
                }
            }
        }

        Profile.Mark(3);
        var scores = runs.Select(r => r.Scores).ToArray();
        var maxScores = runs.Select(r => r.Max).ToArray();
        Profile.Mark(4);

        // 6. Features.
        var schema = Schema;
        var rawSum = new Dictionary<int, float>(candidates.Count);
        foreach (var doc in candidates)
        {
            var s = 0f;
            for (var k = 0; k < queries.Length; k++)
            {
                if (maxScores[k] > 0)
                {
                    s += scores[k][doc] / maxScores[k];
                }
            }

            rawSum[doc] = s;
        }

        var ordered = rawSum.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToList();
        var bm25Rank = new Dictionary<int, int>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            bm25Rank[ordered[i]] = i;
        }

        // Law-level evidence: the best BM25 of each law's candidates, and the rank of the law.
        var lawBest = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var doc in ordered)
        {
            var law = _index.Docs[doc].LawKey;
            if (!lawBest.ContainsKey(law))
            {
                lawBest[law] = rawSum[doc];
            }
        }

        var lawOrder = lawBest.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).ToList();
        var lawRank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lawOrder.Count; i++)
        {
            lawRank[lawOrder[i]] = i;
        }

        var topSum = ordered.Count > 0 ? rawSum[ordered[0]] : 1f;

        // A training question must not count its own labels in the priors either (leave-one-out).
        var excluded = excludeQuestionId is null ? null : Model.Memory?.Find(excludeQuestionId);
        var expansionTerms = context.Expansions.SelectMany(e => e.LegalTerms).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var doc in candidates)
        {
            var info = _index.Docs[doc];
            var f = new float[schema.Count];
            for (var k = 0; k < queries.Length; k++)
            {
                f[k] = maxScores[k] > 0 ? scores[k][doc] / maxScores[k] : 0f;
            }

            f[schema.Rrf] = 1f / (10 + bm25Rank[doc]);
            f[schema.Raw] = topSum > 0 ? rawSum[doc] / topSum : 0f;
            if (knn.TryGetValue(info.ArticleId, out var kn))
            {
                f[schema.KnnSum] = kn.Sum;
                f[schema.KnnMax] = kn.Max;
                f[schema.KnnRank] = 1f / (1 + kn.Rank);
            }

            f[schema.LawKnn] = mass > 0 ? lawKnn.GetValueOrDefault(info.LawKey) / mass : 0f;
            if (Options.UsePrior && Model.Prior is { } prior)
            {
                f[schema.LawPrior] = prior.LawLogPrior(info.LawKey, excluded);
                f[schema.ArticlePrior] = prior.ArticleLogCount(info.ArticleId, excluded);
            }
            else
            {
                f[schema.LawPrior] = -10f;
            }

            f[schema.LawNamed] = context.NamedLaws.Contains(info.LawKey) ? 1f : 0f;
            f[schema.LawBm25] = topSum > 0 ? lawBest.GetValueOrDefault(info.LawKey) / topSum : 0f;
            f[schema.LawRank] = 1f / (1 + lawRank.GetValueOrDefault(info.LawKey, 1000));
            f[schema.Whole] = info.ArticleKey.Length == 0 ? 1f : 0f;
            f[schema.Length] = (float)Math.Log(1 + info.TextLength);
            f[schema.ExpansionHits] = expansionTerms.Length == 0 ? 0f : CountHits(doc, expansionTerms);
            f[schema.KnnAdjacent] = adjacent.GetValueOrDefault(info.ArticleId);
            f[schema.KnnChapter] = mass > 0 ? chapterKnn.GetValueOrDefault(info.Chapter) / mass : 0f;
            f[schema.QueryKnnTop] = neighbours.Count > 0 ? neighbours[0].Score : 0f;
            f[schema.QueryLength] = text.Length;
            context.Candidates.Add((doc, f));
        }

        Profile.Mark(5);
        return context;
    }

    private float CountHits(int doc, string[] terms)
    {
        var text = _index.TextOf(doc);
        var n = 0;
        foreach (var t in terms)
        {
            if (text.Contains(t, StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }

    private HashSet<string> NamedLaws(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var end = text.Length; end > 0; end--)
        {
            if (_names.TryMatchEndingAt(text, end, out var match) && match.Length >= 3)
            {
                found.Add(match.Key);
                end = match.Start + 1;
            }
        }

        return found;
    }

    private FieldQueries BuildQuery(AnalyzerKind kind, string text, IReadOnlyList<QueryExpansion> expansions)
    {
        var queries = new FieldQueries();
        var terms = QueryTerms.Count(ChineseAnalyzers.Terms(_analyzer, IndexFields.Text(kind), text), MaxQueryTerms);
        var reader = _index.Searcher.IndexReader;
        var maxDf = Math.Max(Options.MaxDocFrequency * reader.NumDocs, Options.CommonTermMinDocs);
        foreach (var (term, count) in terms)
        {
            // Very common terms (应当, 规定 …) cost the most postings and separate articles the least.
            if (Options.MaxDocFrequency < 1 && reader.DocFreq(new Term(IndexFields.Text(kind), term)) > maxDf)
            {
                continue;
            }

            AddTerm(queries, kind, term, count);
        }

        if (expansions.Count > 0)
        {
            var seen = new HashSet<string>(terms.Select(t => t.Term), StringComparer.Ordinal);
            var expansionText = string.Join('\n', expansions.SelectMany(e => e.LegalTerms));
            foreach (var (term, _) in QueryTerms.Count(ChineseAnalyzers.Terms(_analyzer, IndexFields.Text(kind), expansionText), MaxQueryTerms))
            {
                if (seen.Add(term))
                {
                    AddTerm(queries, kind, term, Options.ExpansionWeight);
                }
            }
        }

        return queries;
    }

    private void AddTerm(FieldQueries queries, AnalyzerKind kind, string term, float weight)
    {
        queries.Add(FieldQueries.Field.Text, new Term(IndexFields.Text(kind), term), weight);
        if (Options.TitleBoost > 0)
        {
            queries.Add(FieldQueries.Field.Title, new Term(IndexFields.Title(kind), term), weight * Options.TitleBoost);
        }

        if (Options.PathBoost > 0)
        {
            queries.Add(FieldQueries.Field.Path, new Term(IndexFields.Path(kind), term), weight * Options.PathBoost);
        }
    }

    private void AddGroupScores(ScoreRun run, Query? query, FieldGroups groups, IBits allowed)
    {
        if (query is null)
        {
            return;
        }

        var representatives = new GroupCollector(groups);
        _index.Searcher.Search(new FilteredQuery(query, groups.Representatives, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY), representatives);
        foreach (var (group, score) in representatives.Scores)
        {
            foreach (var doc in groups.DocsOfGroup[group])
            {
                if (allowed.Get(doc))
                {
                    run.Add(doc, score);
                }
            }
        }
    }

    private IBits FilterBits(Filter filter)
    {
        var bits = new FixedBitSet(_index.Docs.Count);
        foreach (var leaf in _index.Searcher.IndexReader.Leaves)
        {
            var set = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs);
            var it = set?.GetIterator();
            if (it is null)
            {
                continue;
            }

            int d;
            while ((d = it.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                bits.Set(leaf.DocBase + d);
            }
        }

        return bits;
    }

    private SearchHit Explain(QueryContext context, RankedCandidate c, StoredArticle stored, int rank)
    {
        context.HighlightTerms ??= HighlightTerms(context.Text);
        var terms = context.HighlightTerms.Where(t => stored.Text.Contains(t, StringComparison.Ordinal) || stored.Title.Contains(t, StringComparison.Ordinal)).ToList();
        var expansions = context.Expansions.Where(e => e.LegalTerms.Any(t => stored.Text.Contains(t, StringComparison.Ordinal))).ToList();
        var similar = context.Neighbours.FirstOrDefault(n => n.Question.ArticleIds.Contains(c.ArticleId, StringComparer.Ordinal));
        var named = context.NamedLaws.Contains(stored.LawKey);
        var parts = new List<string>();
        if (c.Cited)
        {
            parts.Add("问题中直接引用了本条");
        }

        if (named && !c.Cited)
        {
            parts.Add("问题中提到了本法");
        }

        if (terms.Count > 0)
        {
            parts.Add("匹配词：" + string.Join("、", terms.Take(8)));
        }

        if (expansions.Count > 0)
        {
            parts.Add("用语转换：" + string.Join("；", expansions.Select(e => $"{e.LayWord}→{string.Join("、", e.LegalTerms.Where(t => stored.Text.Contains(t, StringComparison.Ordinal)))}")));
        }

        if (similar.Question is not null)
        {
            parts.Add($"相似问题：{similar.Question.Text}");
        }

        var highlight = terms.Concat(expansions.SelectMany(e => e.LegalTerms)).Distinct(StringComparer.Ordinal).ToList();
        var snippet = Snippets.Highlight(stored.Text, highlight, 160);
        var explanation = new SearchExplanation(c.Cited, named, terms, expansions, similar.Question?.Text, parts.Count == 0 ? "综合相关度排序" : string.Join("；", parts));
        return new SearchHit(rank, c.Score, stored, snippet, explanation);
    }

    /// <summary>Words of the query worth showing as matches: jieba words of two or more characters, longest first.</summary>
    private static List<string> HighlightTerms(string text)
    {
        using var analyzer = ChineseAnalyzers.Create(AnalyzerKind.Jieba);
        return ChineseAnalyzers.Terms(analyzer, "t", text)
            .Where(t => t.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length)
            .ToList();
    }

    private sealed class QueryContext(string text)
    {
        public string Text { get; } = text;

        public IReadOnlyList<QueryExpansion> Expansions { get; set; } = [];

        public HashSet<string> NamedLaws { get; set; } = [];

        public HashSet<int> Cited { get; } = [];

        public Dictionary<int, int> CitedOrder { get; } = [];

        public IReadOnlyList<SimilarQuestion> Neighbours { get; set; } = [];

        public List<(int Doc, float[] Features)> Candidates { get; } = [];

        public List<string>? HighlightTerms { get; set; }
    }

    /// <summary>Collects the score of every matching document into an array indexed by top-level document id.</summary>
    private sealed class ScoreRun : ICollector
    {
        // One score array per document and analyzer is a large-object-heap allocation (4 bytes × 64,000 documents);
        // allocating two per query drove frequent gen-2 collections, the slowest queries' stalls. Each thread keeps
        // its arrays and clears them: create every run of a query on the query's own thread (which runs one query at a
        // time from start to end), never on a thread that merely helps with part of it.
        [ThreadStatic]
        private static List<float[]>? _pool;

        private Scorer? _scorer;
        private int _docBase;

        public ScoreRun(int maxDoc, int slot)
        {
            _pool ??= [];
            while (_pool.Count <= slot)
            {
                _pool.Add([]);
            }

            if (_pool[slot].Length != maxDoc)
            {
                _pool[slot] = new float[maxDoc];
            }
            else
            {
                Array.Clear(_pool[slot]);
            }

            Scores = _pool[slot];
        }

        public float[] Scores { get; }

        public List<int> Hits { get; } = [];

        public float Max { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            var score = _scorer!.GetScore();
            var d = _docBase + doc;
            Scores[d] = score;
            Hits.Add(d);
            if (score > Max)
            {
                Max = score;
            }
        }

        /// <summary>Adds a score to a document (a clause scored once for a group of documents).</summary>
        public void Add(int doc, float score)
        {
            if (Scores[doc] == 0)
            {
                Hits.Add(doc);
            }

            Scores[doc] += score;
            if (Scores[doc] > Max)
            {
                Max = Scores[doc];
            }
        }

        public float Normalized(int doc) => Max > 0 ? Scores[doc] / Max : 0f;

        /// <summary>The best <paramref name="n"/> documents (any order).</summary>
        public IEnumerable<int> Top(int n)
        {
            if (Hits.Count <= n)
            {
                return Hits;
            }

            var heap = new PriorityQueue<int, float>(n + 1);
            foreach (var d in Hits)
            {
                if (heap.Count < n)
                {
                    heap.Enqueue(d, Scores[d]);
                }
                else if (heap.TryPeek(out _, out var lowest) && Scores[d] > lowest)
                {
                    heap.DequeueEnqueue(d, Scores[d]);
                }
            }

            return heap.UnorderedItems.Select(x => x.Element);
        }
    }

    /// <summary>The clauses of one analyzer's query, by field.</summary>
    private sealed class FieldQueries
    {
        public enum Field
        {
            Text,
            Title,
            Path,
        }

        private readonly List<(Field Field, Term Term, float Weight)> _clauses = [];

        public Query? Text => Build(f => f == Field.Text);

        public Query? Title => Build(f => f == Field.Title);

        public Query? Path => Build(f => f == Field.Path);

        public void Add(Field field, Term term, float weight) => _clauses.Add((field, term, weight));

        /// <summary>All fields in one query, every document scored by Lucene (the reference for grouped scoring).</summary>
        public Query? Combined() => Build(_ => true);

        private BooleanQuery? Build(Func<Field, bool> include)
        {
            var query = new BooleanQuery(disableCoord: true);
            foreach (var (field, term, weight) in _clauses)
            {
                if (include(field))
                {
                    query.Add(new TermQuery(term) { Boost = weight }, Occur.SHOULD);
                }
            }

            return query.Clauses.Count == 0 ? null : query;
        }
    }

    /// <summary>Collects the score of each group's representative document.</summary>
    private sealed class GroupCollector(FieldGroups groups) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;

        public Dictionary<int, float> Scores { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => Scores[groups.GroupOfDoc[_docBase + doc]] = _scorer!.GetScore();
    }
}
