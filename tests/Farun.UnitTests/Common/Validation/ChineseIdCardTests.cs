using Farun.Common.Validation;

namespace Farun.UnitTests.Common.Validation;

public sealed class ChineseIdCardTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void TryParse_StandardExample_ExposesRegionBirthDateAndGender()
    {
        // The example number printed in GB 11643-1999 (a woman born 1949-12-31 in Chaoyang District, Beijing).
        Assert.True(ChineseIdCard.TryParse("11010519491231002X", Today, out var card, out var error));
        Assert.Equal(string.Empty, error);
        Assert.Equal("11010519491231002X", card.Number);
        Assert.Equal("110105", card.RegionCode);
        Assert.Equal("北京市", card.ProvinceName);
        Assert.Equal(new DateOnly(1949, 12, 31), card.BirthDate);
        Assert.Equal(Gender.Female, card.Gender);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002X ")]
    [InlineData("110105 19491231 002x")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    [InlineData("\u3000110105\u300019491231002X")]
    public void TryParse_LowerCaseFullWidthOrSpaced_NormalisesToCanonicalNumber(string input)
    {
        Assert.True(ChineseIdCard.TryParse(input, Today, out var card, out _));
        Assert.Equal("11010519491231002X", card.Number);
    }

    [Theory]
    [InlineData("510104199003070015", Gender.Male)]
    [InlineData("510104199003070023", Gender.Female)]
    [InlineData("510105198512120051", Gender.Male)]
    [InlineData("310115201010100026", Gender.Female)]
    public void TryParse_SequenceParity_GivesGender(string number, Gender expected)
    {
        Assert.True(ChineseIdCard.TryParse(number, Today, out var card, out _));
        Assert.Equal(expected, card.Gender);
    }

    [Fact]
    public void TryParse_LeapDayBirth_Accepted()
    {
        Assert.True(ChineseIdCard.TryParse("110101200002290018", Today, out var card, out _));
        Assert.Equal(new DateOnly(2000, 2, 29), card.BirthDate);
    }

    [Theory]
    [InlineData("110105194912310021", "校验码不符")]
    [InlineData("510104199001011234", "校验码不符")]
    [InlineData("1101051949123100", "位数不对")]
    [InlineData("11010519491231002XX", "位数不对")]
    [InlineData("11010519491231002Y", "无效字符")]
    [InlineData("1101051949X231002X", "无效字符")]
    [InlineData("110105199002300010", "出生日期无效")]
    [InlineData("110105199013010010", "出生日期无效")]
    [InlineData("440524188001010014", "早于1900年")]
    [InlineData("991234199001011230", "行政区划代码无效")]
    [InlineData("001234199001011230", "行政区划代码无效")]
    [InlineData("810000198001010014", "居住证")]
    [InlineData("", "请填写身份证号码")]
    [InlineData("   ", "请填写身份证号码")]
    public void TryParse_InvalidNumber_SaysWhatIsWrong(string input, string expectedFragment)
    {
        Assert.False(ChineseIdCard.TryParse(input, Today, out var card, out var error));
        Assert.Null(card);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_AsksForNumber()
    {
        Assert.False(ChineseIdCard.TryParse(null, Today, out _, out var error));
        Assert.Equal("请填写身份证号码", error);
    }

    [Fact]
    public void TryParse_BirthDateAfterToday_Rejected()
    {
        Assert.False(ChineseIdCard.TryParse("510104202601010017", new DateOnly(2025, 12, 31), out _, out var error));
        Assert.Contains("晚于今天", error, StringComparison.Ordinal);
        Assert.True(ChineseIdCard.TryParse("510104202601010017", new DateOnly(2026, 1, 1), out var card, out _));
        Assert.Equal(new DateOnly(2026, 1, 1), card.BirthDate);
    }

    [Fact]
    public void TryParse_FirstDayOf1900_Accepted()
    {
        Assert.True(ChineseIdCard.TryParse("110101190001010014", Today, out var card, out _));
        Assert.Equal(new DateOnly(1900, 1, 1), card.BirthDate);
    }

    [Fact]
    public void TryParse_Legacy15Digits_RejectedWithReason()
    {
        Assert.False(ChineseIdCard.TryParse("110105491231002", Today, out _, out var error));
        Assert.Contains("15位", error, StringComparison.Ordinal);
        Assert.Contains("2013年1月1日", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryConvertLegacy_15Digits_Gives18WithCenturyAndCheck()
    {
        Assert.True(ChineseIdCard.TryConvertLegacy("110105491231002", out var number));
        Assert.Equal("11010519491231002X", number);
        Assert.True(ChineseIdCard.TryParse(number, Today, out _, out _));
    }

    [Theory]
    [InlineData("11010549123100")]
    [InlineData("11010549123100A")]
    [InlineData(null)]
    public void TryConvertLegacy_NotFifteenDigits_ReturnsFalse(string? input)
    {
        Assert.False(ChineseIdCard.TryConvertLegacy(input, out var number));
        Assert.Null(number);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithChineseReason()
    {
        var ex = Assert.Throws<FormatException>(() => ChineseIdCard.Parse("110105194912310021"));
        Assert.Contains("校验码不符", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("51010419900101123", '0')]
    public void ComputeCheckCharacter_KnownBodies_GivesIso7064Check(string first17, char expected) =>
        Assert.Equal(expected, ChineseIdCard.ComputeCheckCharacter(first17));

    [Fact]
    public void Equals_SameNumberDifferentInput_Equal()
    {
        var a = ChineseIdCard.Parse("11010519491231002x");
        var b = ChineseIdCard.Parse("１１０１０５１９４９１２３１００２Ｘ");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("11010519491231002X", a.ToString());
    }
}
