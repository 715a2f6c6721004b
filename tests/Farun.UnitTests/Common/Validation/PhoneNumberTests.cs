using Farun.Common.Validation;

namespace Farun.UnitTests.Common.Validation;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-13812345678")]
    [InlineData("(+86)13812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("8613812345678")]
    [InlineData("013812345678")]
    [InlineData("１３８１２３４５６７８")]
    public void TryNormalize_MobileWritings_CanonicalElevenDigits(string input)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var phone, out var error), error);
        Assert.Equal(PhoneNumberKind.Mobile, phone.Kind);
        Assert.Equal("13812345678", phone.Canonical);
        Assert.Null(phone.AreaCode);
    }

    [Theory]
    [InlineData("028-87654321", "028-87654321", "028", null)]
    [InlineData("02887654321", "028-87654321", "028", null)]
    [InlineData("(028)87654321", "028-87654321", "028", null)]
    [InlineData("010 8888 6666", "010-88886666", "010", null)]
    [InlineData("0571-8765432", "0571-8765432", "0571", null)]
    [InlineData("+86 28 8765 4321", "028-87654321", "028", null)]
    [InlineData("0086-755-87654321", "0755-87654321", "0755", null)]
    [InlineData("028-87654321转801", "028-87654321-801", "028", "801")]
    [InlineData("028-87654321-801", "028-87654321-801", "028", "801")]
    [InlineData("(028)87654321-801", "028-87654321-801", "028", "801")]
    [InlineData("028-87654321 ext. 801", "028-87654321-801", "028", "801")]
    [InlineData("028-87654321#8", "028-87654321-8", "028", "8")]
    public void TryNormalize_Landline_AreaCodeAndExtension(string input, string canonical, string area, string? extension)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var phone, out var error), error);
        Assert.Equal(PhoneNumberKind.Landline, phone.Kind);
        Assert.Equal(canonical, phone.Canonical);
        Assert.Equal(area, phone.AreaCode);
        Assert.Equal(extension, phone.Extension);
    }

    [Theory]
    [InlineData("12348", "公共法律服务热线")]
    [InlineData("12345", "政务服务便民热线")]
    [InlineData("110", "报警电话")]
    [InlineData("120", "急救电话")]
    [InlineData("12338", "妇女维权公益服务热线")]
    public void TryNormalize_ServiceNumber_MarkedAsService(string input, string name)
    {
        Assert.True(PhoneNumber.TryNormalize(input, out var phone, out _));
        Assert.Equal(PhoneNumberKind.ServiceNumber, phone.Kind);
        Assert.Equal(input, phone.Canonical);
        Assert.Equal(name, phone.ServiceName);
        Assert.True(PhoneNumber.IsServiceNumber(input));
    }

    [Theory]
    [InlineData("12812345678", "第二位应为3至9")]
    [InlineData("1381234567", "位数不对")]
    [InlineData("138123456789", "位数不对")]
    [InlineData("88886666", "请加区号")]
    [InlineData("01112345678", "区号无效")]
    [InlineData("028-123456", "7或8位")]
    [InlineData("028-012345678", "7或8位")]
    [InlineData("028-12345678", "不以0或1开头")]
    [InlineData("+852 9123 4567", "仅支持中国大陆")]
    [InlineData("00852 91234567", "仅支持中国大陆")]
    [InlineData("13812345678转1", "分机")]
    [InlineData("138abc45678", "无效字符")]
    [InlineData("---", "没有数字")]
    [InlineData(null, "请填写")]
    [InlineData(" ", "请填写")]
    public void TryNormalize_Invalid_SaysWhy(string? input, string fragment)
    {
        Assert.False(PhoneNumber.TryNormalize(input, out var phone, out var error));
        Assert.Null(phone);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsServiceNumber_PersonalMobile_False() => Assert.False(PhoneNumber.IsServiceNumber("13812345678"));
}
