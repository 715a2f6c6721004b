using Farun.Common.Validation;

namespace Farun.UnitTests.Common.Validation;

public sealed class UnifiedSocialCreditCodeTests
{
    [Fact]
    public void TryParse_StandardExample_ExposesParts()
    {
        // The example code of GB 32100-2015.
        Assert.True(UnifiedSocialCreditCode.TryParse("91350100M000100Y43", out var code, out var error));
        Assert.Equal(string.Empty, error);
        Assert.Equal('9', code.AuthorityCode);
        Assert.Equal("企业", code.OrganisationTypeName);
        Assert.Equal("350100", code.RegionCode);
        Assert.Equal("M000100Y4", code.OrganisationCode);
    }

    [Fact]
    public void TryParse_JusticeAdministrationCode_NamesLawFirm()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse("31110000E00017891P", out var code, out _));
        Assert.Equal("司法行政", code.AuthorityName);
        Assert.Equal("律师执业机构", code.OrganisationTypeName);
    }

    [Theory]
    [InlineData("91350100m000100y43")]
    [InlineData(" 9135 0100 M000 100Y 43 ")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３")]
    public void TryParse_LowerCaseSpacedOrFullWidth_Normalises(string input)
    {
        Assert.True(UnifiedSocialCreditCode.TryParse(input, out var code, out _));
        Assert.Equal("91350100M000100Y43", code.Code);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验码不符")]
    [InlineData("91350100M000100Y4", "位数不对")]
    [InlineData("91350100M000100I43", "无效字符")]
    [InlineData("91350100O000100Y43", "无效字符")]
    [InlineData("91350100M000100Z43", "无效字符")]
    [InlineData("B1510104MA00000009", "登记管理部门代码")]
    [InlineData("9135A100M000100Y43", "行政区划代码")]
    [InlineData("", "请填写")]
    public void TryParse_Invalid_SaysWhatIsWrong(string input, string fragment)
    {
        Assert.False(UnifiedSocialCreditCode.TryParse(input, out var code, out var error));
        Assert.Null(code);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91510104MA0000026", '0')]
    [InlineData("12100000400000000", 'W')]
    public void ComputeCheckCharacter_KnownBodies_GivesMod31Check(string first17, char expected) =>
        Assert.Equal(expected, UnifiedSocialCreditCode.ComputeCheckCharacter(first17));

    [Fact]
    public void ComputeCheckCharacter_ForbiddenCharacter_Throws() =>
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter("9135O100M000100Y4"));
}
