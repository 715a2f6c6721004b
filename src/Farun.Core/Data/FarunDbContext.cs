using Farun.Features.Identity;
using Farun.Features.Laws;
using Farun.Features.ServicePoints;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Farun.Data;

/// <summary>The application's database. One context for both providers; each provider has its own migrations assembly.</summary>
public sealed class FarunDbContext(DbContextOptions<FarunDbContext> options)
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();

    public DbSet<Law> Laws => Set<Law>();

    public DbSet<LawVersion> LawVersions => Set<LawVersion>();

    public DbSet<LawArticle> LawArticles => Set<LawArticle>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FarunDbContext).Assembly);
    }
}
