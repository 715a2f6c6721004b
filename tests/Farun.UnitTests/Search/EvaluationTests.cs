using Farun.Law.Corpus;
using Farun.Law.Evaluation;
using Farun.Law.Search;

namespace Farun.UnitTests.Search;

public sealed class EvaluationTests
{
    [Fact]
    public void Run_TinyCorpusWithKnownAnswers_GivesExactFigures()
    {
        // Three questions: two answered at rank 1, one with two references of which one is not in the corpus.
        var settings = new EvaluationSettings(SearchFixture.LawsPath, SearchFixture.QueriesPath, null, 0, LawScope.National,
            RetrievalOptions.Default with { Ranker = RankerKind.Bm25 });
        var report = StatuteEvaluation.Run(settings);
        Assert.Equal(2.5 / 3, report.System.Recall1, 10);
        Assert.Equal(2.5 / 3, report.System.Recall100, 10);
        Assert.Equal(1, report.System.Mrr10, 10);
        Assert.NotNull(report.Baseline);
        Assert.Equal(2.5 / 3, report.Baseline.Recall1, 10);
        Assert.Equal((3, 4, 3), (report.Coverage.Queries, report.Coverage.References, report.Coverage.Found));
        Assert.Equal(["中华人民共和国民法典第九千九百九十九条"], report.Coverage.NotFound);
        Assert.Equal("Bm25", report.Config["ranker"]);
        Assert.True(report.Timings.ContainsKey("indexBuildSeconds"));
    }

    [Fact]
    public void Run_TwoFolds_LearnsOnlyFromTheOtherFold()
    {
        var settings = new EvaluationSettings(SearchFixture.LawsPath, SearchFixture.QueriesPath, null, 2, LawScope.National,
            RetrievalOptions.Default with { Ranker = RankerKind.Linear }, RunBaseline: false);
        var report = StatuteEvaluation.Run(settings);
        Assert.Equal(2, report.Folds.Count);
        Assert.Null(report.Baseline);
        Assert.InRange(report.System.Recall100, 0.5, 1);
    }

    [Fact]
    public void Parse_StardFormat_ReadsIdQuestionAndNames()
    {
        using var stream = new MemoryStream("""[{"query_id": 7, "问题": "谁可以成为个体工商户？", "相关法规": {"x": "y"}, "match_id": [1], "match_name": ["中华人民共和国民法典第五十四条"]}]"""u8.ToArray());
        var q = Assert.Single(StardFile.Parse(stream));
        Assert.Equal(("7", "谁可以成为个体工商户？"), (q.Id, q.Text));
        Assert.Equal(["中华人民共和国民法典第五十四条"], q.References);
    }

    [Fact]
    public void Parse_NotAnArray_ThrowsFormatException()
    {
        using var stream = new MemoryStream("""{"问题": "x"}"""u8.ToArray());
        Assert.Throws<FormatException>(() => StardFile.Parse(stream));
    }

    [Theory]
    [InlineData("中华人民共和国民法典第五十四条", "中华人民共和国民法典", 54, 0)]
    [InlineData("劳动合同法第三十九条", "劳动合同法", 39, 0)]
    [InlineData("中华人民共和国刑法第一百七十五条之一", "中华人民共和国刑法", 175, 1)]
    [InlineData("最高人民法院关于适用《民法典》有关担保制度的解释第二条", "最高人民法院关于适用《民法典》有关担保制度的解释", 2, 0)]
    public void TrySplit_StardName_SeparatesLawAndArticle(string name, string law, int number, int suffix)
    {
        Assert.True(ReferenceResolver.TrySplit(name, out var lawName, out var n));
        Assert.Equal(law, lawName);
        Assert.Equal(new ArticleNumber(number, suffix), n);
    }

    [Fact]
    public void Resolve_NamesWithAndWithoutStatePrefix_FindTheSameArticle()
    {
        var corpus = LawCorpus.Load(SearchFixture.LawsPath, LawScope.National);
        var names = Farun.Law.Citations.LawNameIndex.FromLaws(corpus.Laws);
        var resolver = new ReferenceResolver(names, id => id is "劳动合同法#30" or "民法典#1079");
        Assert.Equal("劳动合同法#30", resolver.Resolve("中华人民共和国劳动合同法第三十条"));
        Assert.Equal("劳动合同法#30", resolver.Resolve("劳动合同法第30条"));
        Assert.Equal("民法典#1079", resolver.Resolve("中华人民共和国民法典第一千零七十九条"));
        Assert.Null(resolver.Resolve("劳动合同法第三十一条"));
        Assert.Null(resolver.Resolve("不存在的法第一条"));
    }
}
