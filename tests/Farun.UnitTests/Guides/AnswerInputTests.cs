using Farun.Web.Features.Guides.Engine;

namespace Farun.UnitTests.Guides;

public sealed class AnswerInputTests
{
    private static Question Q(QuestionType type, bool optional = false, int maxLength = 10, string? unit = null) =>
        new("q", type, new Template("问题", [new TextPart("问题")], default), null,
            type == QuestionType.Choice ? [new QuestionOption("a", "甲", null, default), new QuestionOption("b", "乙", null, default)] : [],
            null, null, unit, maxLength, optional, false, [], default);

    [Theory]
    [InlineData("yes", true)]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("false", false)]
    public void Parse_YesNo_AcceptsWordsAndCodes(string raw, bool expected) =>
        Assert.Equal(expected, AnswerInput.Parse(Q(QuestionType.YesNo), raw).Value);

    [Theory]
    [InlineData("3000", 3000)]
    [InlineData("3,000元", 3000)]
    [InlineData("￥3000.50", 3000.5)]
    [InlineData("３０００", 3000)]
    [InlineData(" 12.5 ", 12.5)]
    public void Parse_Money_AcceptsCommonForms(string raw, double expected) =>
        Assert.Equal((decimal)expected, AnswerInput.Parse(Q(QuestionType.Money), raw).Value);

    [Theory]
    [InlineData("三千", "请填写金额")]
    [InlineData("12.345", "精确到分")]
    [InlineData("", "请填写金额")]
    public void Parse_BadMoney_ExplainsInChinese(string raw, string expected) =>
        Assert.Contains(expected, AnswerInput.Parse(Q(QuestionType.Money), raw).Error);

    [Theory]
    [InlineData("2025-03-01")]
    [InlineData("2025/3/1")]
    [InlineData("2025年3月1日")]
    [InlineData("2025.03.01")]
    public void Parse_Date_AcceptsCommonForms(string raw) =>
        Assert.Equal(new DateOnly(2025, 3, 1), AnswerInput.Parse(Q(QuestionType.Date), raw).Value);

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("去年三月")]
    [InlineData("1800-01-01")]
    public void Parse_BadDate_IsRejected(string raw) => Assert.NotNull(AnswerInput.Parse(Q(QuestionType.Date), raw).Error);

    [Fact]
    public void Parse_Choice_AcceptsValueOrLabelOnly()
    {
        Assert.Equal("b", AnswerInput.Parse(Q(QuestionType.Choice), "b").Value);
        Assert.Equal("a", AnswerInput.Parse(Q(QuestionType.Choice), "甲").Value);
        Assert.Equal("请从给出的选项中选择一项。", AnswerInput.Parse(Q(QuestionType.Choice), "c").Error);
    }

    [Fact]
    public void Parse_Number_AcceptsUnit() => Assert.Equal(3m, AnswerInput.Parse(Q(QuestionType.Number, unit: "人"), "3人").Value);

    [Fact]
    public void Parse_Text_ChecksLengthAndControlCharacters()
    {
        Assert.Equal("最多填写10个字，现在是11个字。", AnswerInput.Parse(Q(QuestionType.Text), "一二三四五六七八九十一").Error);
        Assert.NotNull(AnswerInput.Parse(Q(QuestionType.Text), "a\u0007b").Error);
        Assert.Equal("请填写此项。", AnswerInput.Parse(Q(QuestionType.Text), "  ").Error);
        Assert.Equal("", AnswerInput.Parse(Q(QuestionType.Text, optional: true), "").Value);
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(3000.5, "3000.5")]
    public void Format_StoredAnswer_RoundTrips(object value, string expected) =>
        Assert.Equal(expected, AnswerInput.Format(value is double d ? (decimal)d : value));
}
