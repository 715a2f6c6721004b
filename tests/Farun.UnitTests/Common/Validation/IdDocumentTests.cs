using Farun.Common.Validation;

namespace Farun.UnitTests.Common.Validation;

public sealed class IdDocumentTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void Validate_ResidentIdCard_ReturnsNormalisedNumberBirthDateAndGender()
    {
        var result = IdDocument.Validate(IdDocumentType.ResidentIdCard, "11010519491231002x", Today);
        Assert.True(result.IsValid);
        Assert.Null(result.Error);
        Assert.Equal("11010519491231002X", result.Number);
        Assert.Equal(new DateOnly(1949, 12, 31), result.BirthDate);
        Assert.Equal(Gender.Female, result.Gender);
    }

    [Theory]
    [InlineData(IdDocumentType.HongKongMacaoResidencePermit, "810000198001010014", Gender.Male)]
    [InlineData(IdDocumentType.HongKongMacaoResidencePermit, "820000198001010024", Gender.Female)]
    [InlineData(IdDocumentType.TaiwanResidencePermit, "830000198001010034", Gender.Male)]
    public void Validate_ResidencePermit_AcceptsFixedCodeAndChecksum(IdDocumentType type, string number, Gender gender)
    {
        var result = IdDocument.Validate(type, number, Today);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new DateOnly(1980, 1, 1), result.BirthDate);
        Assert.Equal(gender, result.Gender);
    }

    [Theory]
    [InlineData(IdDocumentType.HongKongMacaoResidencePermit, "830000198001010034", "810000或820000")]
    [InlineData(IdDocumentType.TaiwanResidencePermit, "810000198001010014", "830000")]
    [InlineData(IdDocumentType.TaiwanResidencePermit, "11010519491231002X", "830000")]
    [InlineData(IdDocumentType.HongKongMacaoResidencePermit, "810000198001010015", "校验码不符")]
    [InlineData(IdDocumentType.TaiwanResidencePermit, "83000019800101003", "位数不对")]
    public void Validate_ResidencePermitWrong_SaysWhy(IdDocumentType type, string number, string fragment)
    {
        var result = IdDocument.Validate(type, number, Today);
        Assert.False(result.IsValid);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdDocumentType.ChinesePassport, "E12345678", "E12345678")]
    [InlineData(IdDocumentType.ChinesePassport, "ea1234567", "EA1234567")]
    [InlineData(IdDocumentType.ChinesePassport, "G 1234 5678", "G12345678")]
    [InlineData(IdDocumentType.ForeignPassport, "x1234567", "X1234567")]
    [InlineData(IdDocumentType.ForeignPassport, "12345", "12345")]
    [InlineData(IdDocumentType.HongKongMacaoTravelPermit, "H12345678", "H12345678")]
    [InlineData(IdDocumentType.HongKongMacaoTravelPermit, "m1234567890", "M1234567890")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "12345678", "12345678")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "1234567890(B)", "1234567890(B)")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "1234567890b", "1234567890(B)")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "１２３４５６７８９０（Ｂ）", "1234567890(B)")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "1234567890", "1234567890")]
    [InlineData(IdDocumentType.Other, "南字第123456号", "南字第123456号")]
    public void Validate_WellFormedNumber_ValidAndNormalised(IdDocumentType type, string input, string expected)
    {
        var result = IdDocument.Validate(type, input, Today);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Number);
        Assert.Null(result.BirthDate);
    }

    [Theory]
    [InlineData(IdDocumentType.ChinesePassport, "E1234567")]
    [InlineData(IdDocumentType.ChinesePassport, "P12345678")]
    [InlineData(IdDocumentType.ChinesePassport, "E123456789")]
    [InlineData(IdDocumentType.ForeignPassport, "AB12")]
    [InlineData(IdDocumentType.ForeignPassport, "AB-12345")]
    [InlineData(IdDocumentType.ForeignPassport, "A12345678901234567890")]
    [InlineData(IdDocumentType.HongKongMacaoTravelPermit, "H1234567")]
    [InlineData(IdDocumentType.HongKongMacaoTravelPermit, "A12345678")]
    [InlineData(IdDocumentType.HongKongMacaoTravelPermit, "H123456789")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "1234567")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "123456789")]
    [InlineData(IdDocumentType.TaiwanTravelPermit, "T12345678")]
    [InlineData(IdDocumentType.Other, "A")]
    [InlineData(IdDocumentType.Other, "A#1")]
    public void Validate_MalformedNumber_InvalidWithChineseMessage(IdDocumentType type, string input)
    {
        var result = IdDocument.Validate(type, input, Today);
        Assert.False(result.IsValid);
        Assert.Contains("格式不对", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Blank_AsksForTheDocumentByName()
    {
        var result = IdDocument.Validate(IdDocumentType.TaiwanTravelPermit, "  ", Today);
        Assert.False(result.IsValid);
        Assert.Equal("请填写台湾居民来往大陆通行证号码", result.Error);
    }

    [Fact]
    public void DisplayName_EveryType_HasDistinctChineseName()
    {
        var names = Enum.GetValues<IdDocumentType>().Select(t => t.DisplayName()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain("未知证件", names);
    }
}
