using Farun.Law.Search.Analysis;

namespace Farun.UnitTests.Search;

public sealed class AnalyzerTests
{
    private static List<string> Terms(AnalyzerKind kind, string text)
    {
        using var analyzer = ChineseAnalyzers.Create(kind);
        return ChineseAnalyzers.Terms(analyzer, "text", text);
    }

    [Fact]
    public void Bigram_ChineseWord_ProducesOverlappingBigrams()
    {
        Assert.Equal(["劳动", "动报", "报酬"], Terms(AnalyzerKind.Bigram, "劳动报酬"));
    }

    [Fact]
    public void Bigram_QuestionPhrasing_DropsStopwordBigrams()
    {
        var terms = Terms(AnalyzerKind.Bigram, "工资怎么办");
        Assert.Contains("工资", terms);
        Assert.DoesNotContain("怎么", terms);
    }

    [Fact]
    public void Jieba_LegalDictionary_KeepsLegalTermsWhole()
    {
        var terms = Terms(AnalyzerKind.Jieba, "公司拖欠劳动报酬还不给经济补偿金");
        Assert.Contains("劳动报酬", terms);
        Assert.Contains("经济补偿金", terms);
    }

    [Fact]
    public void Jieba_SearchMode_EmitsWordsInsideLongWords()
    {
        var terms = Terms(AnalyzerKind.Jieba, "中华人民共和国");
        Assert.Contains("中华人民共和国", terms);
        Assert.Contains("共和国", terms);
        Assert.Contains("人民", terms);
    }

    [Fact]
    public void Jieba_Punctuation_IsDropped()
    {
        var terms = Terms(AnalyzerKind.Jieba, "借钱，不还？！");
        Assert.DoesNotContain(terms, t => t.Any(char.IsPunctuation));
        Assert.Contains("借钱", terms);
    }

    [Fact]
    public void SmartCn_LawText_SegmentsWords()
    {
        var terms = Terms(AnalyzerKind.SmartCn, "人民法院申请支付令");
        Assert.Equal(["人民", "法院", "申请", "支付", "令"], terms);
    }

    [Fact]
    public void LegalWords_EmbeddedDictionary_IsLoaded()
    {
        Assert.Contains("劳动报酬", ChineseAnalyzers.LegalWords);
        Assert.True(ChineseAnalyzers.LegalWords.Count > 100);
    }
}
