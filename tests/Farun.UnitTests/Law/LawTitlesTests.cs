using Farun.Law.Corpus;

namespace Farun.UnitTests.Law;

public class LawTitlesTests
{
    [Theory]
    [InlineData("中华人民共和国劳动合同法", "劳动合同法")]
    [InlineData("《中华人民共和国劳动合同法》", "劳动合同法")]
    [InlineData("〈劳动合同法〉", "劳动合同法")]
    [InlineData("劳动 合同法", "劳动合同法")]
    [InlineData("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "最高人民法院关于适用《民事诉讼法》的解释")]
    [InlineData("最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释", "最高人民法院关于适用《民事诉讼法》的解释")]
    [InlineData("最高人民法院 最高人民检察院关于办理案件的解释", "最高人民法院最高人民检察院关于办理案件的解释")]
    [InlineData("最高人民法院、最高人民检察院关于办理案件的解释", "最高人民法院最高人民检察院关于办理案件的解释")]
    [InlineData("刑法修正案（十一）", "刑法修正案(十一)")]
    [InlineData("《最高人民法院关于适用〈民法典〉的解释》", "最高人民法院关于适用《民法典》的解释")]
    public void Normalize_Name_FollowsStardRule(string name, string expected)
    {
        Assert.Equal(expected, LawTitles.Normalize(name));
    }

    [Theory]
    [InlineData("中华人民共和国劳动合同法", "劳动合同法")]
    [InlineData("工伤保险条例", "工伤保险条例")]
    [InlineData("中华人民共和国", "中华人民共和国")]
    public void ShortTitle_Title_DropsStatePrefix(string title, string expected)
    {
        Assert.Equal(expected, LawTitles.ShortTitle(title));
    }
}
