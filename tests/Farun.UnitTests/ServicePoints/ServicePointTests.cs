using Farun.Features.ServicePoints;

namespace Farun.UnitTests.ServicePoints;

public sealed class ServicePointTests
{
    [Fact]
    public void Constructor_ValidHierarchy_LinksParent()
    {
        var centre = new ServicePoint("D", "区中心", ServicePointKind.DistrictCentre, null);
        var street = new ServicePoint("S", "街道站", ServicePointKind.StreetWorkstation, centre);
        var home = new ServicePoint("C", "法律之家", ServicePointKind.CommunityLegalHome, street);
        Assert.Equal(centre.Id, street.ParentId);
        Assert.Equal(street.Id, home.ParentId);
    }

    [Fact]
    public void Constructor_CentreWithParent_Throws()
    {
        var centre = new ServicePoint("D", "区中心", ServicePointKind.DistrictCentre, null);
        Assert.Throws<ArgumentException>(() => new ServicePoint("D2", "另一中心", ServicePointKind.DistrictCentre, centre));
    }

    [Fact]
    public void Constructor_HomeUnderHome_Throws()
    {
        var centre = new ServicePoint("D", "区中心", ServicePointKind.DistrictCentre, null);
        var street = new ServicePoint("S", "街道站", ServicePointKind.StreetWorkstation, centre);
        var home = new ServicePoint("C", "法律之家", ServicePointKind.CommunityLegalHome, street);
        Assert.Throws<ArgumentException>(() => new ServicePoint("C2", "下级", ServicePointKind.CommunityLegalHome, home));
        Assert.Throws<ArgumentException>(() => new ServicePoint("S2", "无上级站", ServicePointKind.StreetWorkstation, null));
    }
}
