using Farun.Features.Assistant;

namespace Farun.UnitTests.Assistant;

public sealed class RedactorTests
{
    [Fact]
    public void Redact_IdNumberPhoneAndName_ReplacedByPlaceholders()
    {
        var r = PersonalDataRedactor.Redact("我叫张三，身份证号110101199003074514，电话13812345678，老板拖欠我工资。");
        Assert.DoesNotContain("张三", r.Text);
        Assert.DoesNotContain("110101199003074514", r.Text);
        Assert.DoesNotContain("13812345678", r.Text);
        Assert.Contains("【姓名】", r.Text);
        Assert.Contains("【身份证号】", r.Text);
        Assert.Contains("【电话】", r.Text);
        Assert.Contains("老板拖欠我工资", r.Text);
        Assert.Equal([RedactionKind.Name, RedactionKind.IdNumber, RedactionKind.Phone], r.Found.OrderBy(k => k).ToList());
    }

    [Fact]
    public void Redact_IdNumberWithWrongCheckDigit_StillRemoved()
    {
        var r = PersonalDataRedactor.Redact("我的身份证是110101199003074515");
        Assert.DoesNotContain("110101199003074515", r.Text);
        Assert.Contains(RedactionKind.IdNumber, r.Found);
    }

    [Fact]
    public void Redact_FullWidthPhone_Removed()
    {
        var r = PersonalDataRedactor.Redact("请打我电话１３９１２３４５６７８");
        Assert.Contains("【电话】", r.Text);
        Assert.DoesNotContain("5678", r.Text);
    }

    [Fact]
    public void Redact_Address_Removed()
    {
        var r = PersonalDataRedactor.Redact("我住在人民路88号3栋201室，房东不退押金。");
        Assert.DoesNotContain("人民路88号", r.Text);
        Assert.Contains(RedactionKind.Address, r.Found);
        Assert.Contains("房东不退押金", r.Text);
    }

    [Fact]
    public void Redact_NameAfterRelationWord_Removed()
    {
        var r = PersonalDataRedactor.Redact("房东王建国不退押金怎么办");
        Assert.DoesNotContain("王建国", r.Text);
        Assert.Contains(RedactionKind.Name, r.Found);
    }

    [Theory]
    [InlineData("打12348能咨询吗？")]
    [InlineData("被打了要不要打110")]
    [InlineData("老板三个月没发工资怎么办？")]
    [InlineData("劳动合同法第八十二条怎么规定的")]
    public void Redact_NoPersonalData_TextUnchanged(string question)
    {
        var r = PersonalDataRedactor.Redact(question);
        Assert.Equal(question, r.Text);
        Assert.Empty(r.Found);
        Assert.False(PersonalDataRedactor.ContainsPersonalData(question));
    }

    [Fact]
    public void Redact_Email_Removed()
    {
        var r = PersonalDataRedactor.Redact("发到 zhang.san@example.com 就行");
        Assert.Contains("【邮箱】", r.Text);
        Assert.DoesNotContain("example.com", r.Text);
    }
}
