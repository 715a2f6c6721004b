using Farun.Features.Assistant;
using Farun.UnitTests.Search;

namespace Farun.UnitTests.Assistant;

public sealed class CitationVerifierTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly HashSet<string> Retrieved = ["劳动合同法#30", "劳动合同法#82"];

    private VerifiedReply Verify(string reply) => CitationVerifier.Verify(reply, fixture.Names, fixture.Index.HasCurrentArticle, Retrieved);

    [Fact]
    public void Verify_RetrievedCitations_Kept()
    {
        var v = Verify("根据《中华人民共和国劳动合同法》第三十条，用人单位应当按时足额支付劳动报酬。没有书面合同的，依照劳动合同法第八十二条可以要求二倍工资。");
        Assert.Empty(v.Removed);
        Assert.Equal(["劳动合同法#30", "劳动合同法#82"], v.Kept);
        Assert.DoesNotContain(CitationVerifier.RemovedMark, v.Text);
    }

    [Fact]
    public void Verify_FabricatedArticle_RemovedAndFlagged()
    {
        var v = Verify("依照《中华人民共和国劳动合同法》第三百零一条，老板要赔十倍工资。");
        var removed = Assert.Single(v.Removed);
        Assert.Contains("第三百零一条", removed.Cited);
        Assert.Contains("编造", removed.Reason);
        Assert.DoesNotContain("第三百零一条", v.Text);
        Assert.Contains(CitationVerifier.RemovedMark, v.Text);
        Assert.Empty(v.Kept);
    }

    [Fact]
    public void Verify_RealButUnretrievedArticle_Removed()
    {
        var v = Verify("另见《中华人民共和国劳动合同法》第三十八条。");
        var removed = Assert.Single(v.Removed);
        Assert.Contains("不在本次检索", removed.Reason);
        Assert.DoesNotContain("第三十八条", v.Text);
    }

    [Fact]
    public void Verify_UnknownLaw_Removed()
    {
        var v = Verify("按照《中华人民共和国讨薪保护法》第五条，可以直接去法院。");
        Assert.NotEmpty(v.Removed);
        Assert.DoesNotContain("讨薪保护法", v.Text);
    }

    [Fact]
    public void Verify_NoCitations_TextUnchanged()
    {
        const string reply = "先和单位协商，协商不成可以申请劳动仲裁。";
        var v = Verify(reply);
        Assert.Equal(reply, v.Text);
        Assert.Empty(v.Removed);
    }
}
