using Farun.Features.Consultations;
using Farun.Features.ServicePoints;
using Farun.Web.Features.Assistant;

namespace Farun.UnitTests.Assistant;

public sealed class NextStepTests
{
    private static readonly DefaultNextStepProvider.ServicePointInfo Centre = Point("区公共法律服务中心", ServicePointKind.DistrictCentre);
    private static readonly DefaultNextStepProvider.ServicePointInfo Dongcheng = Point("东城街道公共法律服务工作站", ServicePointKind.StreetWorkstation);
    private static readonly DefaultNextStepProvider.ServicePointInfo Home = Point("东城第1社区法律之家", ServicePointKind.CommunityLegalHome);

    private static DefaultNextStepProvider.ServicePointInfo Point(string name, ServicePointKind kind) =>
        new(Guid.NewGuid(), name, kind, null, "人民路1号", "010-12345678", "工作日 9:00-17:00", DefaultNextStepProvider.PlaceOf(name));

    [Theory]
    [InlineData("东城街道公共法律服务工作站", "东城")]
    [InlineData("东城第1社区法律之家", "东城")]
    [InlineData("西河镇公共法律服务工作站（演示）", "西河")]
    public void PlaceOf_Name_PlaceWithoutTierSuffix(string name, string place) => Assert.Equal(place, DefaultNextStepProvider.PlaceOf(name));

    [Fact]
    public void Choose_ChosenServicePoint_Wins()
    {
        var (point, why) = DefaultNextStepProvider.Choose([Centre, Dongcheng, Home], new NextStepQuery(LegalDomain.Labour, "东城的老板欠薪", Home.Id));
        Assert.Equal(Home, point);
        Assert.Contains("您选择", why);
    }

    [Fact]
    public void Choose_PlaceNamedInQuestion_StreetWorkstation()
    {
        var (point, why) = DefaultNextStepProvider.Choose([Centre, Dongcheng, Home], new NextStepQuery(LegalDomain.Labour, "我在东城打工，老板欠薪", null));
        Assert.Equal(Dongcheng, point);
        Assert.Contains("东城", why);
    }

    [Fact]
    public void Choose_NothingKnown_DistrictCentreSaysSo()
    {
        var (point, why) = DefaultNextStepProvider.Choose([Centre, Dongcheng, Home], new NextStepQuery(LegalDomain.Labour, "老板欠薪", null));
        Assert.Equal(Centre, point);
        Assert.Contains("不知道您住在哪里", why);
    }
}
