using Farun.Features.Assistant;
using Farun.Features.Consultations;
using Farun.Law.Search;
using Farun.UnitTests.Search;

namespace Farun.UnitTests.Assistant;

public sealed class ComposerTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly AssistantPipeline Pipeline = new(new AnswerComposer(), a => $"/laws/{a.LawKey}#a{a.ArticleKey}");

    private PipelineResult Ask(string question, string? previous = null, IReadOnlyCollection<string>? asked = null)
    {
        using var engine = fixture.Engine();
        return Pipeline.Run(engine, new PipelineQuestion(question, previous, asked));
    }

    [Fact]
    public void Compose_UnpaidWages_LabourDomainArticlesWithKeySentenceAndClarifyingQuestion()
    {
        var a = Ask("老板三个月没发工资怎么办？").Answer;
        Assert.Equal(LegalDomain.Labour, a.Domain.Domain);
        Assert.Equal(AnswerKind.Clarify, a.Kind);
        Assert.Equal("是否签订了书面劳动合同？", a.ClarifyingQuestion);
        Assert.InRange(a.Articles.Count, 1, AnswerComposer.MaxArticles);
        var wage = Assert.Single(a.Articles, x => x.Article.ArticleId == "劳动合同法#30");
        Assert.Contains(wage.Segments, s => s.Key && s.Text.Contains("劳动报酬"));
        Assert.Equal(wage.Article.Text, string.Concat(wage.Segments.Select(s => s.Text)));
        Assert.StartsWith("这是劳动方面的问题", a.Explanation);
        Assert.Contains("《", a.Explanation);
        Assert.NotEmpty(a.Advice);
        Assert.Equal(AnswerComposer.Disclaimer, a.Disclaimer);
        Assert.Null(a.Danger);
    }

    [Fact]
    public void Compose_AnswerToClarifyingQuestion_NotAskedAgain()
    {
        var a = Ask("没有签", "老板三个月没发工资怎么办？", ["是否签订了书面劳动合同？"]).Answer;
        Assert.NotEqual("是否签订了书面劳动合同？", a.ClarifyingQuestion);
        Assert.Equal(LegalDomain.Labour, a.Domain.Domain);
        Assert.NotEmpty(a.Articles);
    }

    [Fact]
    public void Compose_ExactCitation_HighConfidenceAnswerWithCitedArticleFirst()
    {
        var a = Ask("劳动合同法第八十二条").Answer;
        Assert.Equal(ConfidenceLevel.High, a.Level);
        Assert.Equal("劳动合同法#82", a.Articles[0].Article.ArticleId);
        Assert.True(a.Articles[0].Article.Cited);
        Assert.Equal("/laws/劳动合同法#a82", a.Articles[0].Article.Url);
    }

    [Fact]
    public void Compose_Unrelated_NotSureWithHandOffOffer()
    {
        var a = Ask("今天天气怎么样").Answer;
        Assert.Equal(AnswerKind.NotSure, a.Kind);
        Assert.Equal(ConfidenceLevel.Low, a.Level);
        Assert.Contains("不太确定", a.Explanation);
        Assert.Contains("找人工", a.Explanation);
        Assert.Contains("12348", a.Explanation);
        Assert.Null(a.ClarifyingQuestion);
    }

    [Fact]
    public void Compose_DangerSignal_EmergencyNumbersFirstWithoutClarifying()
    {
        var a = Ask("老公打我，我想离婚").Answer;
        Assert.Equal(AnswerKind.Danger, a.Kind);
        Assert.NotNull(a.Danger);
        Assert.StartsWith("您的人身安全最要紧", a.Explanation);
        Assert.Contains("110", a.Explanation);
        Assert.Contains("12338", a.Explanation);
        Assert.Contains("人身安全保护令", a.Explanation);
        Assert.Null(a.ClarifyingQuestion);
        Assert.Equal(AnswerComposer.Disclaimer, a.Disclaimer);
    }

    [Fact]
    public void Run_QuestionWithPersonalData_SearchesAndKeepsOnlyRedactedText()
    {
        var r = Ask("我叫李四，电话13912345678，老板拖欠工资三个月");
        Assert.DoesNotContain("李四", r.SearchText);
        Assert.DoesNotContain("13912345678", r.SearchText);
        Assert.Equal(r.Redaction.Text, r.SearchText);
        Assert.Contains(RedactionKind.Phone, r.Redaction.Found);
        Assert.Equal(LegalDomain.Labour, r.Answer.Domain.Domain);
    }

    [Fact]
    public void KeySentences_MarksSentencesWithMostTerms()
    {
        var segments = AnswerComposer.KeySentences("第一句无关。用人单位应当支付劳动报酬；第三句也无关。", ["劳动报酬", "用人单位"]);
        Assert.Equal(3, segments.Count);
        Assert.Equal([false, true, false], segments.Select(s => s.Key).ToList());
    }

    [Fact]
    public void Coverage_IgnoresFillerWords()
    {
        Assert.Equal(1.0, AnswerComposer.Coverage("工资怎么办", ["工资"]));
        Assert.Equal(0.0, AnswerComposer.Coverage("怎么办", ["工资"]));
    }

    [Fact]
    public void Retrieve_ConfirmedQuestion_ConfirmedArticleFirst()
    {
        var confirmed = new LabelledQuestion(AssistantPipeline.ConfirmedPrefix + "t1", "房东不退押金怎么办", ["劳动合同法#82"]);
        using var model = SearchModel.FromQuestions([confirmed], RetrievalOptions.Default.Analyzers, "test");
        using var engine = fixture.Engine(model);
        var hits = Pipeline.Retrieve(engine, "房东不退押金怎么办？");
        Assert.Equal("劳动合同法#82", hits[0].ArticleId);
        Assert.True(hits[0].Confirmed);
        Assert.Equal("房东不退押金怎么办", hits[0].SimilarQuestion);
    }

    [Fact]
    public void Train_OnlyOneConfirmedQuestion_ModelWithoutRankerStillPutsItsArticleFirst()
    {
        var confirmed = new LabelledQuestion(AssistantPipeline.ConfirmedPrefix + "t1", "房东不退押金怎么办", ["劳动合同法#82"]);
        using var model = SearchModelTrainer.Train(fixture.Index, fixture.Names, LayVocabulary.Default, [confirmed], RetrievalOptions.Default);
        Assert.Null(model.Ranker);
        Assert.NotNull(model.Memory);
        using var engine = fixture.Engine(model);
        Assert.Equal("劳动合同法#82", Pipeline.Retrieve(engine, "房东不退押金怎么办？")[0].ArticleId);
    }
}
