using Farun.Law;

namespace Farun.UnitTests.Law;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData(0, "零")]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(82, "八十二")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(287, "二百八十七")]
    [InlineData(1010, "一千零一十")]
    [InlineData(1079, "一千零七十九")]
    [InlineData(1260, "一千二百六十")]
    [InlineData(9999, "九千九百九十九")]
    [InlineData(10000, "一万")]
    [InlineData(100010, "十万零一十")]
    [InlineData(20501, "二万零五百零一")]
    [InlineData(100000000, "一亿")]
    public void ToChinese_Value_FormatsLikeStatutes(int value, string expected)
    {
        Assert.Equal(expected, ChineseNumerals.ToChinese(value));
    }

    [Fact]
    public void ToChinese_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.ToChinese(-1));
    }

    [Theory]
    [InlineData("零", 0)]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("一十二", 12)]
    [InlineData("两百", 200)]
    [InlineData("二百八十七", 287)]
    [InlineData("一千零七十九", 1079)]
    [InlineData("一千零十", 1010)]
    [InlineData("一百五", 150)]
    [InlineData("一〇七九", 1079)]
    [InlineData("十万零一十", 100010)]
    [InlineData("一万二千三百四十五", 12345)]
    [InlineData(" 八十二 ", 82)]
    public void TryParse_ValidNumeral_ReturnsValue(string text, int expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("百")]
    [InlineData("十十")]
    [InlineData("一二百")]
    [InlineData("三人")]
    [InlineData("82")]
    [InlineData("万")]
    public void TryParse_InvalidNumeral_ReturnsFalse(string text)
    {
        Assert.False(ChineseNumerals.TryParse(text, out _));
    }

    [Fact]
    public void ToChineseThenParse_EveryValueUpTo12000_RoundTrips()
    {
        for (var i = 0; i <= 12_000; i++)
        {
            Assert.True(ChineseNumerals.TryParse(ChineseNumerals.ToChinese(i), out var back), $"{i}");
            Assert.Equal(i, back);
        }
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => ChineseNumerals.Parse("第三人"));
    }
}
