namespace Farun.Features.ServicePoints;

/// <summary>The three tiers of the district's public legal service network.</summary>
public enum ServicePointKind
{
    /// <summary>区公共法律服务中心.</summary>
    DistrictCentre = 1,

    /// <summary>街道（镇）公共法律服务工作站.</summary>
    StreetWorkstation = 2,

    /// <summary>社区（村）法律之家 / 公共法律服务室.</summary>
    CommunityLegalHome = 3,
}

/// <summary>A service point: a node of the district's network to which staff and cases belong.</summary>
public sealed class ServicePoint
{
    private ServicePoint()
    {
    }

    public ServicePoint(string code, string name, ServicePointKind kind, ServicePoint? parent, bool isDemo = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (kind == ServicePointKind.DistrictCentre && parent is not null)
            throw new ArgumentException("A district centre has no parent.", nameof(parent));
        if (kind != ServicePointKind.DistrictCentre && parent is null)
            throw new ArgumentException("Only a district centre may have no parent.", nameof(parent));
        if (parent is not null && parent.Kind >= kind)
            throw new ArgumentException("A service point must sit below its parent's tier.", nameof(parent));

        Id = Guid.NewGuid();
        Code = code;
        Name = name;
        Kind = kind;
        ParentId = parent?.Id;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }

    /// <summary>Short stable code, e.g. "D01-S03".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public ServicePointKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? OpeningHours { get; set; }

    /// <summary>Seeded demonstration data, never real.</summary>
    public bool IsDemo { get; private set; }

    public static string KindDisplay(ServicePointKind kind) => kind switch
    {
        ServicePointKind.DistrictCentre => "公共法律服务中心",
        ServicePointKind.StreetWorkstation => "公共法律服务工作站",
        ServicePointKind.CommunityLegalHome => "法律之家",
        _ => kind.ToString(),
    };
}
