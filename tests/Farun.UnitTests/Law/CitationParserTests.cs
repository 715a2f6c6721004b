using Farun.Law.Citations;
using Farun.Law.Corpus;

namespace Farun.UnitTests.Law;

public class CitationParserTests
{
    private readonly CitationParser _parser = new(LawNameIndexTests.SampleIndex);

    /// <summary>Formats citations compactly: law key | article key | paragraph | item.</summary>
    private static string[] Describe(CitationParseResult result) =>
        result.Citations.Select(c => $"{c.LawKey}|{c.ArticleNumber.Key}|{c.Paragraph}|{c.Item}").ToArray();

    [Theory]
    [InlineData("《中华人民共和国劳动合同法》第八十二条", "劳动合同法|82||")]
    [InlineData("劳动合同法第82条", "劳动合同法|82||")]
    [InlineData("民法典1079条", "民法典|1079||")]
    [InlineData("民法典第一千零七十九条", "民法典|1079||")]
    [InlineData("民法典第一千零七十九条第二款", "民法典|1079|2|")]
    [InlineData("刑法第二百八十七条之二", "刑法|287-2||")]
    [InlineData("刑法第287条之2", "刑法|287-2||")]
    [InlineData("劳动合同法第三十九条第一款第（二）项", "劳动合同法|39|1|2")]
    [InlineData("劳动合同法第三十九条第一款第二项", "劳动合同法|39|1|2")]
    [InlineData("劳动合同法第三十八条第(五)项", "劳动合同法|38||5")]
    [InlineData("民诉法第一百二十二条", "民事诉讼法|122||")]
    [InlineData("刑诉法第十二条", "刑事诉讼法|12||")]
    [InlineData("民法典第１０７９条", "民法典|1079||")]
    [InlineData("〈劳动合同法〉第八十二条", "劳动合同法|82||")]
    [InlineData("民法典 第 1079 条", "民法典|1079||")]
    [InlineData("《劳动合同法》 第八十二条", "劳动合同法|82||")]
    [InlineData("中华人民共和国民法典第五十四条", "民法典|54||")]
    [InlineData("劳动合同法实施条例第十条", "劳动合同法实施条例|10||")]
    [InlineData("《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条", "最高人民法院关于适用《民事诉讼法》的解释|90||")]
    [InlineData("民诉法解释第九十条", "最高人民法院关于适用《民事诉讼法》的解释|90||")]
    [InlineData("我想问一下劳动合同法第82条怎么理解", "劳动合同法|82||")]
    [InlineData("香港特别行政区基本法第十八条", "香港特别行政区基本法|18||")]
    [InlineData("刑事诉讼法第一百二十八 条", "刑事诉讼法|128||")]
    public void ParseOne_SingleCitationForms_ReturnsCitation(string text, string expected)
    {
        var result = _parser.ParseOne(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        var c = result.Citation;
        Assert.Equal(expected, $"{c.LawKey}|{c.ArticleNumber.Key}|{c.Paragraph}|{c.Item}");
    }

    [Fact]
    public void Parse_ExplicitLaw_SpanAndLawTextCoverTheNameAsWritten()
    {
        const string text = "依据《中华人民共和国劳动合同法》第八十二条第一款，应当支付二倍工资。";

        var c = Assert.Single(_parser.Parse(text).Citations);

        Assert.Equal("中华人民共和国劳动合同法", c.LawText);
        Assert.Equal("《中华人民共和国劳动合同法》第八十二条第一款", text.Substring(c.Span.Start, c.Span.Length));
    }

    [Fact]
    public void Parse_ListAfterLaw_LaterReferencesInheritTheLaw()
    {
        const string text = "民法典第1079条、第1080条和第1081条";

        var result = _parser.Parse(text);

        Assert.Equal(["民法典|1079||", "民法典|1080||", "民法典|1081||"], Describe(result));
        Assert.Equal("民法典", result.Citations[0].LawText);
        Assert.Null(result.Citations[1].LawText);
        Assert.Equal("第1080条", text.Substring(result.Citations[1].Span.Start, result.Citations[1].Span.Length));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_Range_ExpandsEveryArticle()
    {
        var result = _parser.Parse("劳动合同法第十条至第十二条");

        Assert.Equal(["劳动合同法|10||", "劳动合同法|11||", "劳动合同法|12||"], Describe(result));
    }

    [Fact]
    public void Parse_RangeWithoutSecondDi_ExpandsEveryArticle()
    {
        var result = _parser.Parse("劳动合同法第十条至十二条");

        Assert.Equal(["劳动合同法|10||", "劳动合同法|11||", "劳动合同法|12||"], Describe(result));
    }

    [Fact]
    public void Parse_RangeOfSuffixedArticles_ExpandsSuffixes()
    {
        var result = _parser.Parse("刑法第一百二十条之一至第一百二十条之三");

        Assert.Equal(["刑法|120-1||", "刑法|120-2||", "刑法|120-3||"], Describe(result));
    }

    [Theory]
    [InlineData("民法典第1079、1080条", "民法典|1079||,民法典|1080||")]
    [InlineData("劳动合同法第十至十二条", "劳动合同法|10||,劳动合同法|11||,劳动合同法|12||")]
    [InlineData("劳动合同法第三十九条第一、二款", "劳动合同法|39|1|,劳动合同法|39|2|")]
    [InlineData("民法典1079、1080条", "民法典|1079||,民法典|1080||")]
    public void Parse_NumbersSharingOneUnit_YieldOneCitationEach(string text, string expected)
    {
        Assert.Equal(expected.Split(','), Describe(_parser.Parse(text)));
    }

    [Fact]
    public void Parse_ParagraphList_InheritsArticle()
    {
        var result = _parser.Parse("劳动合同法第三十九条第一款、第二款");

        Assert.Equal(["劳动合同法|39|1|", "劳动合同法|39|2|"], Describe(result));
    }

    [Fact]
    public void Parse_ParagraphRange_ExpandsParagraphs()
    {
        var result = _parser.Parse("民法典第一千零七十九条第一款至第三款");

        Assert.Equal(["民法典|1079|1|", "民法典|1079|2|", "民法典|1079|3|"], Describe(result));
    }

    [Fact]
    public void Parse_TwoLawsInOneSentence_EachCitationGetsItsLaw()
    {
        var result = _parser.Parse("违反劳动法第十条和劳动合同法第八十二条的规定");

        Assert.Equal(["劳动法|10||", "劳动合同法|82||"], Describe(result));
    }

    [Fact]
    public void Parse_LaterSentenceWithoutLaw_InheritsPreviousLaw()
    {
        var result = _parser.Parse("依照民法典第1079条处理。另外，第1080条也有规定。");

        Assert.Equal(["民法典|1079||", "民法典|1080||"], Describe(result));
    }

    [Fact]
    public void Parse_NoLawNamed_UsesDefaultLaw()
    {
        var result = _parser.Parse("第三十九条第一款第（二）项", defaultLawKey: "劳动合同法");

        Assert.Equal(["劳动合同法|39|1|2"], Describe(result));
        Assert.Null(result.Citations[0].LawText);
    }

    [Fact]
    public void Parse_SelfReference_UsesDefaultLaw()
    {
        var result = _parser.Parse("违反本法第八十二条规定的", defaultLawKey: "劳动合同法");

        var c = Assert.Single(result.Citations);
        Assert.Equal("本法", c.LawText);
        Assert.Equal("劳动合同法", c.LawKey);
    }

    [Fact]
    public void Parse_NoLawAndNoDefault_LawKeyIsNull()
    {
        var c = Assert.Single(_parser.Parse("第八十二条").Citations);

        Assert.Null(c.LawKey);
        Assert.Equal(new ArticleNumber(82), c.ArticleNumber);
    }

    [Fact]
    public void Parse_LoneParagraphInProse_IsNotACitation()
    {
        var result = _parser.Parse("本条第二款规定的情形，依照前款第一项处理。");

        Assert.Empty(result.Citations);
        Assert.Equal(CitationErrorKind.NoCitation, Assert.Single(result.Errors).Kind);
    }

    [Theory]
    [InlineData("第三人主张权利的，人民法院不予支持。")]
    [InlineData("第一次会议通过，共三条建议。")]
    [InlineData("今天天气很好")]
    [InlineData("")]
    public void Parse_TextWithoutCitation_ReportsNoCitation(string text)
    {
        var result = _parser.Parse(text);

        Assert.Empty(result.Citations);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CitationErrorKind.NoCitation, error.Kind);
        Assert.Equal("未找到法条引用", error.Reason);
    }

    [Theory]
    [InlineData("合同法第五十二条", "合同法")]
    [InlineData("《不存在的法》第一条", "不存在的法")]
    [InlineData("依照某某管理条例第三条", "某某管理条例")]
    public void Parse_UnknownLaw_ReportsChineseReasonAndKeepsCitationWithoutKey(string text, string name)
    {
        var result = _parser.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CitationErrorKind.UnknownLaw, error.Kind);
        Assert.Equal($"未找到名为“{name}”的法律法规", error.Reason);
        var c = Assert.Single(result.Citations);
        Assert.Null(c.LawKey);
        Assert.Equal(name, c.LawText);
    }

    [Theory]
    [InlineData("民法典第0条", "条文序号不能为零")]
    [InlineData("民法典第零条", "条文序号不能为零")]
    [InlineData("民法典第10000条", "条文序号超出合理范围")]
    [InlineData("民法典第99999999999条", "条文序号超出合理范围")]
    [InlineData("民法典第一千零七十九条第零款", "款序号不能为零")]
    [InlineData("劳动合同法第三十九条第二百款", "款序号超出合理范围")]
    public void ParseOne_AbsurdNumber_FailsWithChineseReason(string text, string reasonPart)
    {
        var result = _parser.ParseOne(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(CitationErrorKind.InvalidArticleNumber, result.Error!.Kind);
        Assert.Contains(reasonPart, result.Error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("民法典第条")]
    [InlineData("民法典第几条")]
    [InlineData("《劳动合同法》")]
    [InlineData("民法典")]
    [InlineData("请问劳动合同法。")]
    public void ParseOne_MissingArticleNumber_FailsWithChineseReason(string text)
    {
        var result = _parser.ParseOne(text);

        Assert.False(result.IsSuccess);
        Assert.Equal(CitationErrorKind.MissingArticleNumber, result.Error!.Kind);
        Assert.Contains("缺少条文序号", result.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOne_UnknownLawWithoutArticle_ReportsUnknownLaw()
    {
        var result = _parser.ParseOne("《不存在的法》");

        Assert.Equal(CitationErrorKind.UnknownLaw, result.Error!.Kind);
        Assert.Equal("未找到名为“不存在的法”的法律法规", result.Error.Reason);
    }

    [Fact]
    public void ParseOne_SeveralCitations_Fails()
    {
        var result = _parser.ParseOne("民法典第1079条、第1080条");

        Assert.False(result.IsSuccess);
        Assert.Equal(CitationErrorKind.MultipleCitations, result.Error!.Kind);
        Assert.Equal("应只包含一条法条引用，实际找到2条", result.Error.Reason);
    }

    [Fact]
    public void ParseOne_NoCitation_Fails()
    {
        var result = _parser.ParseOne("你好");

        Assert.False(result.IsSuccess);
        Assert.Equal(CitationErrorKind.NoCitation, result.Error!.Kind);
    }

    [Fact]
    public void Parse_BackwardRange_ReportsInvalidRange()
    {
        var result = _parser.Parse("劳动合同法第十二条至第十条");

        var error = Assert.Single(result.Errors);
        Assert.Equal(CitationErrorKind.InvalidRange, error.Kind);
        Assert.Contains("起始序号不小于结束序号", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeRange_ReportsInvalidRange()
    {
        var result = _parser.Parse("民法典第1条至第1000条");

        Assert.Contains(result.Errors, e => e.Kind == CitationErrorKind.InvalidRange && e.Reason.Contains("过大", StringComparison.Ordinal));
        Assert.Equal(2, result.Citations.Count);
    }

    [Fact]
    public void Parse_ArticleInsideBookTitle_IsPartOfTheTitle()
    {
        var result = new CitationParser().Parse("《关于修改〈测试法〉第十条的决定》第二条");

        var c = Assert.Single(result.Citations);
        Assert.Equal("关于修改〈测试法〉第十条的决定", c.LawText);
        Assert.Equal(new ArticleNumber(2), c.ArticleNumber);
    }

    [Theory]
    [InlineData("《中华人民共和国劳动合同法》第八十二条", "中华人民共和国劳动合同法", "82")]
    [InlineData("劳动合同法第82条", "劳动合同法", "82")]
    [InlineData("依照劳动合同法第三十九条", "劳动合同法", "39")]
    [InlineData("根据民法典第1079条", "民法典", "1079")]
    [InlineData("刑法第二百八十七条之二", "刑法", "287-2")]
    [InlineData("婚姻家庭编解释（一）第五条", "婚姻家庭编解释（一）", "5")]
    [InlineData("香港特别行政区基本法第十八条", "香港特别行政区基本法", "18")]
    public void Parse_WithoutIndex_TakesNameFromBookMarksOrGenericPattern(string text, string lawText, string article)
    {
        var result = new CitationParser().Parse(text);

        var c = Assert.Single(result.Citations);
        Assert.Equal(lawText, c.LawText);
        Assert.Null(c.LawKey);
        Assert.Equal(article, c.ArticleNumber.Key);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("下列财产属于婚姻法第十七条规定的夫妻共同财产", "婚姻法")]
    [InlineData("当事人仅以物权法第一百零六条为由主张的", "物权法")]
    [InlineData("（一）符合合同法第五十二条规定的", "合同法")]
    [InlineData("债权人未按担保法第二十六条的规定", "担保法")]
    public void Parse_UnknownLawAfterVerb_NameStartsAfterTheVerb(string text, string name)
    {
        var result = _parser.Parse(text);

        Assert.Equal($"未找到名为“{name}”的法律法规", Assert.Single(result.Errors).Reason);
        Assert.Equal(name, Assert.Single(result.Citations).LawText);
    }

    [Theory]
    [InlineData("违反本实施条例第五条规定的", "本实施条例")]
    [InlineData("依照本规定第三条", "本规定")]
    public void Parse_SelfReferenceInsideLongerRun_UsesDefaultLaw(string text, string lawText)
    {
        var c = Assert.Single(_parser.Parse(text, defaultLawKey: "劳动合同法实施条例").Citations);

        Assert.Equal(lawText, c.LawText);
        Assert.Equal("劳动合同法实施条例", c.LawKey);
    }

    [Theory]
    [InlineData("单位犯刑法第三条规定之罪的", "刑法")]
    [InlineData("同时构成刑法第二百六十四条规定的犯罪", "刑法")]
    [InlineData("依照对外贸易法第七条", "对外贸易法")]
    [InlineData("违反劳动合同法实施条例第十条", "劳动合同法实施条例")]
    public void Parse_WithoutIndexAfterVerbs_KeepsTheNameCore(string text, string lawText)
    {
        Assert.Equal(lawText, Assert.Single(new CitationParser().Parse(text).Citations).LawText);
    }

    [Fact]
    public void Parse_WithoutIndexAndTwoGenericNames_SplitsAtPreviousCitation()
    {
        var result = new CitationParser().Parse("劳动法第十条和劳动合同法第八十二条");

        Assert.Equal(["劳动法", "劳动合同法"], result.Citations.Select(c => c.LawText));
    }

    [Fact]
    public void Parse_WordsEndingInFaThatAreNotLaws_DoNotBecomeLawNames()
    {
        var result = new CitationParser().Parse("依法第三条", defaultLawKey: "默认");

        Assert.Equal("默认", Assert.Single(result.Citations).LawKey);
    }
}
