using Farun.Law.Citations;
using Farun.Law.Corpus;

namespace Farun.UnitTests.Law;

public class LawNameIndexTests
{
    internal static LawNameIndex SampleIndex { get; } = LawNameIndex.Create(
    [
        new LawNameEntry("劳动合同法", ["中华人民共和国劳动合同法", "劳动合同法"]),
        new LawNameEntry("劳动合同法实施条例", ["中华人民共和国劳动合同法实施条例", "劳动合同法实施条例"]),
        new LawNameEntry("劳动法", ["中华人民共和国劳动法", "劳动法"]),
        new LawNameEntry("民法典", ["中华人民共和国民法典", "民法典"]),
        new LawNameEntry("刑法", ["中华人民共和国刑法", "刑法"]),
        new LawNameEntry("民事诉讼法", ["中华人民共和国民事诉讼法", "民事诉讼法", "民诉法"]),
        new LawNameEntry("刑事诉讼法", ["中华人民共和国刑事诉讼法", "刑事诉讼法", "刑诉法"]),
        new LawNameEntry("香港特别行政区基本法", ["中华人民共和国香港特别行政区基本法"]),
        new LawNameEntry("最高人民法院关于适用《民事诉讼法》的解释", ["最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "民诉法解释"]),
        new LawNameEntry("最高人民法院最高人民检察院关于办理测试案件的解释", ["最高人民法院、最高人民检察院关于办理测试案件的解释"]),
    ]);

    [Theory]
    [InlineData("中华人民共和国劳动合同法", "劳动合同法")]
    [InlineData("《中华人民共和国劳动合同法》", "劳动合同法")]
    [InlineData("劳动合同法", "劳动合同法")]
    [InlineData("〈劳动合同法〉", "劳动合同法")]
    [InlineData("劳动 合同法", "劳动合同法")]
    [InlineData("民诉法", "民事诉讼法")]
    [InlineData("最高人民法院关于适用〈民事诉讼法〉的解释", "最高人民法院关于适用《民事诉讼法》的解释")]
    [InlineData("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "最高人民法院关于适用《民事诉讼法》的解释")]
    [InlineData("最高人民法院 最高人民检察院关于办理测试案件的解释", "最高人民法院最高人民检察院关于办理测试案件的解释")]
    [InlineData("香港特别行政区基本法", "香港特别行政区基本法")]
    public void TryResolve_KnownName_ReturnsKey(string name, string key)
    {
        Assert.True(SampleIndex.TryResolve(name, out var resolved));
        Assert.Equal(key, resolved);
    }

    [Theory]
    [InlineData("合同法")]
    [InlineData("劳动合同")]
    [InlineData("")]
    public void TryResolve_UnknownName_ReturnsFalse(string name)
    {
        Assert.False(SampleIndex.TryResolve(name, out _));
    }

    [Theory]
    [InlineData("依照劳动合同法第八十二条", "劳动合同法", "劳动合同法")]
    [InlineData("依照中华人民共和国劳动合同法第八十二条", "中华人民共和国劳动合同法", "劳动合同法")]
    [InlineData("违反劳动合同法实施条例第十条", "劳动合同法实施条例", "劳动合同法实施条例")]
    [InlineData("根据民诉法第一百二十二条", "民诉法", "民事诉讼法")]
    [InlineData("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释第九十条", "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "最高人民法院关于适用《民事诉讼法》的解释")]
    [InlineData("最高人民法院、最高人民检察院关于办理测试案件的解释第一条", "最高人民法院、最高人民检察院关于办理测试案件的解释", "最高人民法院最高人民检察院关于办理测试案件的解释")]
    public void TryMatchEndingAt_NameBeforeArticle_FindsLongestName(string text, string name, string key)
    {
        var end = text.LastIndexOf('第');

        Assert.True(SampleIndex.TryMatchEndingAt(text, end, out var match));
        Assert.Equal(name, text.Substring(match.Start, match.Length));
        Assert.Equal(key, match.Key);
    }

    [Fact]
    public void TryMatchEndingAt_NoNameBeforePosition_ReturnsFalse()
    {
        Assert.False(SampleIndex.TryMatchEndingAt("我想问一下第八十二条", 5, out _));
        Assert.False(SampleIndex.TryMatchEndingAt("民法典、", 4, out _));
        Assert.False(SampleIndex.TryMatchEndingAt("民法典", 0, out _));
    }

    [Fact]
    public void FromLaws_FixtureCorpus_IndexesTitlesShortTitlesAndAliases()
    {
        var corpus = LawCorpus.Load(TestPaths.FixtureCorpus, LawScope.All);

        var index = LawNameIndex.FromLaws(corpus.Laws);

        Assert.True(index.TryResolve("中华人民共和国刑法", out var criminal));
        Assert.Equal("刑法", criminal);
        Assert.True(index.TryResolve("劳动合同法", out var labour));
        Assert.Equal("劳动合同法", labour);
        Assert.True(index.TryResolve("北京市测试条例", out var local));
        Assert.Equal("北京市测试条例", local);
        Assert.False(index.TryResolve("民诉法", out _)); // its law is not in the fixture corpus
    }

    [Fact]
    public void Create_DuplicateName_FirstTitleWinsOverLaterAlias()
    {
        var index = LawNameIndex.Create(
        [
            new LawNameEntry("甲", ["甲法", "简称"]),
            new LawNameEntry("乙", ["乙法", "甲法"]),
            new LawNameEntry("丙", ["简称"]),
        ]);

        Assert.True(index.TryResolve("甲法", out var a));
        Assert.Equal("甲", a);
        Assert.True(index.TryResolve("简称", out var b));
        Assert.Equal("丙", b);
        Assert.Equal(3, index.Count);
    }
}
