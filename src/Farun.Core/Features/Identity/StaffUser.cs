using Microsoft.AspNetCore.Identity;

namespace Farun.Features.Identity;

/// <summary>A staff account. Every staff member belongs to one service point.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    public Guid? ServicePointId { get; set; }

    /// <summary>Created by the Development seeder; never exists in other environments.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>An Identity role; the names are fixed in <see cref="Roles"/>.</summary>
public sealed class StaffRole : IdentityRole<Guid>
{
    public StaffRole()
    {
    }

    public StaffRole(string name)
        : base(name)
    {
        Id = Guid.NewGuid();
        NormalizedName = name.ToUpperInvariant();
    }
}
