using Farun.Common.Privacy;
using Farun.Common.Validation;

namespace Farun.UnitTests.Common.Privacy;

public sealed class MaskTests
{
    [Theory]
    [InlineData("510104199001011230", "5101**********1230")]
    [InlineData("51010419900101102x", "5101**********102X")]
    [InlineData(" 5101 0419 9001 0110 2x", "5101**********102X")]
    [InlineData("E12345678", "E1*****78")]
    [InlineData("12345678", "12****78")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void IdNumber_KeepsEndsAndLength(string? input, string expected) => Assert.Equal(expected, Mask.IdNumber(input));

    [Fact]
    public void Document_TaiwanPermitWithSuffix_MaskedAfterNormalising() =>
        Assert.Equal("123*******(B)", Mask.Document(IdDocumentType.TaiwanTravelPermit, "1234567890b"));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138-1234-5678", "138****5678")]
    [InlineData("028-87654321", "028-******21")]
    [InlineData("0571-8765432", "0571-*****32")]
    [InlineData("028-87654321转801", "028-******21-801")]
    [InlineData("12348", "12348")]
    [InlineData("abcdefgh", "******GH")]
    [InlineData("abc", "***")]
    [InlineData(null, "")]
    public void Phone_ByKind(string? input, string expected) => Assert.Equal(expected, Mask.Phone(input));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小三", "张*三")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("张", "*")]
    [InlineData(" 张小三 ", "张*三")]
    [InlineData("𠮷小明", "𠮷*明")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Name_KeepsFirstAndLast(string? input, string expected) => Assert.Equal(expected, Mask.Name(input));

    [Theory]
    [InlineData("四川省成都市锦江区春熙路街道某某小区3栋2单元501", "四川省成都市锦江区…")]
    [InlineData("成都市锦江区", "成都市锦江区")]
    [InlineData("广西壮族自治区南宁市青秀区民族大道100号", "广西壮族自治区南宁市青秀区…")]
    [InlineData("香港特别行政区湾仔区告士打道5号", "香港特别行政区湾仔区…")]
    [InlineData("某某县城关镇东街12号", "某某县…")]
    [InlineData("春熙路街道办事处3楼", "春熙路街道…")]
    [InlineData("青龙镇幸福村3组15号", "青龙镇…")]
    [InlineData("阳光小区5栋3单元801室", "阳光小…")]
    [InlineData("北京市东城区东长安街1号", "北京市东城区…")]
    [InlineData("区", "…")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Address_KeepsUpToFirstDistrictOrStreet(string? input, string expected) => Assert.Equal(expected, Mask.Address(input));

    [Theory]
    [InlineData("91350100M000100Y43", "91************0Y43")]
    [InlineData("91350100m000100y43", "91************0Y43")]
    [InlineData("9135", "****")]
    [InlineData(null, "")]
    public void CreditCode_KeepsFirstTwoLastFour(string? input, string expected) => Assert.Equal(expected, Mask.CreditCode(input));

    [Theory]
    [InlineData("\uD800")]
    [InlineData("\uDC00x")]
    [InlineData("-")]
    [InlineData("  \t ")]
    [InlineData("+")]
    [InlineData("0")]
    [InlineData("转")]
    [InlineData("a\u0301\u0301\u0301")]
    public void AllMethods_OddInput_NeverThrow(string input)
    {
        var results = new[]
        {
            Mask.IdNumber(input), Mask.Phone(input), Mask.Name(input), Mask.Address(input), Mask.CreditCode(input),
            Mask.Document(IdDocumentType.Other, input), Mask.KeepEnds(input, 9, 9), Mask.KeepEnds(input, -1, -1),
        };
        Assert.All(results, Assert.NotNull);
    }

    [Fact]
    public void AllMethods_LongInput_KeepLengthWhereDocumented()
    {
        var input = new string('9', 500);
        Assert.Equal(500, Mask.IdNumber(input).Length);
        Assert.Equal(500, Mask.CreditCode(input).Length);
        Assert.Equal(500, Mask.Name(input).Length);
    }
}
