using Farun.Law.Corpus;
using Farun.Law.Search;

namespace Farun.UnitTests.Search;

public sealed class EngineTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    [Fact]
    public void Search_Citation_ResolvesExactlyAndRanksFirst()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("劳动合同法第八十二条", 5));
        var first = result.Hits[0];
        Assert.Equal("劳动合同法", first.Article.LawKey);
        Assert.Equal("82", first.Article.ArticleKey);
        Assert.True(first.Explanation.Citation);
        Assert.Contains("引用", first.Explanation.Summary);
    }

    [Fact]
    public void Search_CitationInsideQuestion_StillRanksFirstBeforeTextMatches()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("拖欠劳动报酬可以申请支付令吗？民法典第一千零七十九条怎么说", 5));
        Assert.Equal(("民法典", "1079"), (result.Hits[0].Article.LawKey, result.Hits[0].Article.ArticleKey));
        Assert.Equal(("劳动合同法", "30"), (result.Hits[1].Article.LawKey, result.Hits[1].Article.ArticleKey));
    }

    [Fact]
    public void Search_LayQuestion_FindsWageArticlesThroughVocabulary()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("老板三个月没发工资怎么办", 5));
        var keys = result.Hits.Select(h => h.Article.LawKey + h.Article.ArticleKey).ToList();
        Assert.Contains("劳动合同法30", keys);
        Assert.Contains(result.Expansions, e => e.LayWord == "老板" && e.LegalTerms.Contains("用人单位"));
        var wage = result.Hits.First(h => h.Article.ArticleKey == "30");
        Assert.NotEmpty(wage.Explanation.Expansions);
        Assert.Contains("<mark>", wage.Snippet);
    }

    [Fact]
    public void Search_TermInMoreThanMaxDocFrequency_LeftOutOfTheQuery()
    {
        // Cut just below the document frequency of "应当": a question of that word alone then finds nothing.
        var reader = fixture.Index.Searcher.IndexReader;
        var df = RetrievalOptions.Default.Analyzers.Min(k => reader.DocFreq(new Lucene.Net.Index.Term(IndexFields.Text(k), "应当")));
        Assert.True(df > 1);
        var all = RetrievalOptions.Default with { Ranker = RankerKind.Bm25, MaxDocFrequency = 1f };
        var cut = all with { MaxDocFrequency = (df - 0.5f) / reader.NumDocs, CommonTermMinDocs = 0 };
        using var keep = fixture.Engine(options: all);
        using var drop = fixture.Engine(options: cut);
        Assert.NotEmpty(keep.Search(new SearchRequest("应当", 20)).Hits);
        Assert.Empty(drop.Search(new SearchRequest("应当", 20)).Hits);
        Assert.NotEmpty(drop.Search(new SearchRequest("应当支付劳动报酬", 20)).Hits);
    }

    [Fact]
    public void Search_SmallLibraryBelowCommonTermMinDocs_KeepsFrequentTerms()
    {
        // The default cut only applies to terms in more than CommonTermMinDocs documents, so a small library keeps them.
        using var engine = fixture.Engine();
        Assert.NotEmpty(engine.Search(new SearchRequest("应当", 20)).Hits);
    }

    [Theory]
    [InlineData("老板三个月没发工资怎么办", null)]
    [InlineData("股东之间相互转让股权", null)]
    [InlineData("股东之间相互转让股权", "2019-05-01")]
    [InlineData("公司法 离婚 劳动合同 民法典 总则", null)]
    public void RankCandidates_GroupedSharedFields_SameScoresAsScoringEveryField(string question, string? date)
    {
        // Title and heading-path clauses scored once per group must give what Lucene gives scoring them per document.
        using var grouped = fixture.Engine();
        using var perDocument = fixture.Engine(options: RetrievalOptions.Default with { Ranker = RankerKind.Bm25, GroupSharedFields = false });
        var day = date is null ? (DateOnly?)null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var a = grouped.Search(new SearchRequest(question, 50, day)).Hits;
        var b = perDocument.Search(new SearchRequest(question, 50, day)).Hits;
        Assert.NotEmpty(a);
        Assert.Equal(b.Count, a.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Equal((b[i].Article.LawKey, b[i].Article.ArticleKey, b[i].Article.VersionId), (a[i].Article.LawKey, a[i].Article.ArticleKey, a[i].Article.VersionId));
            Assert.Equal(b[i].Score, a[i].Score, 4);
        }
    }

    [Fact]
    public void RankCandidates_ManyQueriesAtOnce_SameFeaturesAsOneAtATime()
    {
        // Analyzers search in parallel inside each query; queries running together (training, concurrent requests) must
        // not share score arrays: a pool thread that helped one query then served another cleared the first one's scores.
        using var engine = fixture.Engine(options: RetrievalOptions.Default with { Ranker = RankerKind.Bm25, ParallelAnalyzers = true });
        string[] questions = ["老板三个月没发工资怎么办", "股东之间相互转让股权", "离婚后孩子归谁抚养", "公司解除劳动合同要赔偿吗", "民法典 总则 民事权利", "加班费怎么算"];
        var expected = questions.Select(q => Snapshot(engine.RankCandidates(q))).ToArray();
        var mismatches = 0;
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var q = i % questions.Length;
            if (Snapshot(engine.RankCandidates(questions[q])) != expected[q])
                Interlocked.Increment(ref mismatches);
        });
        Assert.Equal(0, mismatches);

        static string Snapshot(IReadOnlyList<RankedCandidate> ranked) =>
            string.Join(';', ranked.Select(c => c.ArticleId + ":" + string.Join(',', c.Features.Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    [Fact]
    public void Train_LightGbmOnTooFewQuestions_FallsBackToLinearRanker()
    {
        var questions = new[]
        {
            new LabelledQuestion("q1", "老板三个月没发工资怎么办", ["劳动合同法#30"]),
            new LabelledQuestion("q2", "邻居装修把我家墙弄裂了", ["民法典#295"]),
        };
        var log = new StringWriter();
        using var model = SearchModelTrainer.Train(fixture.Index, fixture.Names, LayVocabulary.Default, questions, RetrievalOptions.Default, log: log);
        Assert.IsType<LinearRanker>(model.Ranker);
        Assert.Contains("linear ranker trained instead", log.ToString());
        using var engine = fixture.Engine(model, RetrievalOptions.Default);
        Assert.NotEmpty(engine.Search(new SearchRequest("工资被拖欠", 5)).Hits);
    }

    [Fact]
    public void Search_NoDate_UsesVersionInForce()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("股东之间相互转让股权", 3));
        var first = result.Hits[0].Article;
        Assert.Equal(("公司法", "84"), (first.LawKey, first.ArticleKey));
        Assert.True(first.IsCurrent);
        Assert.Equal(new DateOnly(2023, 12, 29), first.VersionDate);
    }

    [Fact]
    public void Search_Date2019_UsesThe2018Numbering()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("股东之间相互转让股权", 3, new DateOnly(2019, 5, 1)));
        var first = result.Hits[0].Article;
        Assert.Equal(("公司法", "71"), (first.LawKey, first.ArticleKey));
        Assert.False(first.IsCurrent);
        Assert.Equal(new DateOnly(2018, 10, 26), first.VersionDate);
        Assert.All(result.Hits, h => Assert.True(h.Article.VersionDate is null || h.Article.VersionDate <= new DateOnly(2019, 5, 1)));
    }

    [Fact]
    public void Search_CitationWithDate_ResolvesInTheVersionOfThatDay()
    {
        using var engine = fixture.Engine();
        var then = engine.Search(new SearchRequest("公司法第七十一条", 1, new DateOnly(2019, 5, 1))).Hits[0];
        var now = engine.Search(new SearchRequest("公司法第七十一条", 1)).Hits[0];
        Assert.Contains("转让", then.Article.Text);
        Assert.Contains("董事", now.Article.Text);
    }

    [Fact]
    public void Search_DateBeforeAnyVersion_FindsNothingOfThatLaw()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("股东之间相互转让股权", 10, new DateOnly(2000, 1, 1)));
        Assert.DoesNotContain(result.Hits, h => h.Article.LawKey == "公司法");
    }

    [Fact]
    public void Search_LevelFilter_KeepsOnlyThatLevel()
    {
        using var engine = fixture.Engine();
        var result = engine.Search(new SearchRequest("拖欠工资", 10, Level: LawLevel.AdministrativeRegulation));
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Equal(LawLevel.AdministrativeRegulation, h.Article.Level));
    }

    [Fact]
    public void Search_SimilarLabelledQuestion_BringsItsArticleAndExplainsIt()
    {
        var questions = new[] { new LabelledQuestion("q1", "邻居装修把我家墙弄裂了", ["民法典#295"]) };
        using var model = SearchModel.FromQuestions(questions, RetrievalOptions.Default.Analyzers, "test");
        using var engine = fixture.Engine(model, RetrievalOptions.Default with { Ranker = RankerKind.Bm25 });
        var hits = engine.Search(new SearchRequest("隔壁装修导致我家墙裂了", 10)).Hits;
        var hit = Assert.Single(hits, h => h.Article.ArticleKey == "295");
        Assert.Equal("邻居装修把我家墙弄裂了", hit.Explanation.SimilarQuestion);
        Assert.Contains("相似问题", hit.Explanation.Summary);
    }

    [Fact]
    public void RankCandidates_ExcludedQuestion_IsNotConsulted()
    {
        var questions = new[] { new LabelledQuestion("q1", "邻居装修把我家墙弄裂了", ["民法典#295"]) };
        using var model = SearchModel.FromQuestions(questions, RetrievalOptions.Default.Analyzers, "test");
        using var engine = fixture.Engine(model);
        var schema = engine.Schema;
        var with = engine.RankCandidates("邻居装修把我家墙弄裂了").Single(c => c.ArticleId == "民法典#295");
        Assert.True(with.Features[schema.KnnSum] > 0);
        var without = engine.RankCandidates("邻居装修把我家墙弄裂了", excludeQuestionId: "q1").FirstOrDefault(c => c.ArticleId == "民法典#295");
        Assert.True(without is null || without.Features[schema.KnnSum] == 0);
    }
}
