using Farun.Features.Consultations;
using Farun.Web.Features.Guides;

namespace Farun.UnitTests.Guides;

public sealed class AssistantGuideFinderTests
{
    [Theory]
    [InlineData(LegalDomain.Labour, "老板三个月没发工资怎么办", "wage-arrears")]
    [InlineData(LegalDomain.Labour, "公司把我辞退了不给补偿", "labour-arbitration")]
    [InlineData(LegalDomain.Labour, "我没钱请律师，能申请法律援助吗", "legal-aid")]
    [InlineData(LegalDomain.MarriageFamily, "想和老公离婚，孩子怎么办", "divorce")]
    [InlineData(LegalDomain.MarriageFamily, "婆婆和我们吵架不让进门", "mediation")]
    [InlineData(LegalDomain.TrafficAccident, "被电动车撞了对方不赔", "traffic-accident")]
    [InlineData(LegalDomain.Inheritance, "父亲去世后房子想办继承公证", "notarization")]
    [InlineData(LegalDomain.Inheritance, "兄弟几个为遗产吵起来了", "mediation")]
    [InlineData(LegalDomain.RealEstate, "楼上邻居漏水不管", "mediation")]
    public void Match_PlainQuestion_PicksTheGuide(LegalDomain domain, string question, string expected) =>
        Assert.Equal(expected, AssistantGuideFinder.Match(domain, question));

    [Theory]
    [InlineData(LegalDomain.Criminal, "被人打了报警没用")]
    [InlineData(LegalDomain.LoanContract, "朋友借钱不还")]
    public void Match_NoGuideForTheMatter_Null(LegalDomain domain, string question) =>
        Assert.Null(AssistantGuideFinder.Match(domain, question));
}
