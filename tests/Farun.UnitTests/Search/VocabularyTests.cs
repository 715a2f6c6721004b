using System.Text.Json;
using Farun.Law.Search;

namespace Farun.UnitTests.Search;

public sealed class VocabularyTests
{
    [Fact]
    public void Default_EveryEntry_HasLayWordsLegalTermsAndNote()
    {
        var vocabulary = LayVocabulary.Default;
        Assert.Matches(@"^\d{4}\.\d+\.\d+$", vocabulary.Version);
        Assert.True(vocabulary.Entries.Count >= 100);
        Assert.All(vocabulary.Entries, e =>
        {
            Assert.NotEmpty(e.Lay);
            Assert.NotEmpty(e.Legal);
            Assert.False(string.IsNullOrWhiteSpace(e.Note));
        });
    }

    [Theory]
    [InlineData("老板三个月没发工资怎么办", "用人单位")]
    [InlineData("老板三个月没发工资怎么办", "劳动报酬")]
    [InlineData("朋友欠钱不还", "借款")]
    [InlineData("撞车了对方跑了", "交通事故")]
    [InlineData("他打人了", "故意伤害")]
    [InlineData("离婚时彩礼要退吗", "婚约财产")]
    [InlineData("物业费不交会怎样", "物业服务")]
    public void Expand_EverydayWord_AddsLegalTerm(string query, string legal)
    {
        var expansions = LayVocabulary.Default.Expand(query);
        Assert.Contains(expansions, e => e.LegalTerms.Contains(legal));
    }

    [Fact]
    public void Expand_LegalTermAlreadyInQuery_IsNotAddedAgain()
    {
        var expansions = LayVocabulary.Default.Expand("用人单位的老板");
        Assert.DoesNotContain(expansions, e => e.LegalTerms.Contains("用人单位"));
    }

    [Fact]
    public void Expand_SeveralWordsOfOneEntry_ReportsTheLongestOnce()
    {
        var expansions = LayVocabulary.Default.Expand("公司拖欠工资");
        var wage = Assert.Single(expansions, e => e.LegalTerms.Contains("支付令"));
        Assert.Equal("拖欠工资", wage.LayWord);
        Assert.False(string.IsNullOrWhiteSpace(wage.Note));
    }

    [Fact]
    public void Expand_NoEverydayWords_ReturnsNothing()
    {
        Assert.Empty(LayVocabulary.Default.Expand("宪法序言"));
    }

    [Fact]
    public void Parse_EntryWithoutNote_Throws()
    {
        const string json = """{"version":"1","entries":[{"lay":["老板"],"legal":["用人单位"],"note":""}]}""";
        Assert.Throws<JsonException>(() => LayVocabulary.Parse(json));
    }
}
