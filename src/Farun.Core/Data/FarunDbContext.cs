using Farun.Features.Identity;
using Farun.Features.Laws;
using Farun.Features.ServicePoints;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Farun.Data;

/// <summary>The application's database. One context for both providers; each provider has its own migrations assembly.</summary>
public sealed class FarunDbContext(DbContextOptions<FarunDbContext> options)
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();

    public DbSet<LawDocument> Laws => Set<LawDocument>();

    public DbSet<LawVersion> LawVersions => Set<LawVersion>();

    public DbSet<LawArticle> LawArticles => Set<LawArticle>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type and cannot order or compare the text EF would store;
        // a sortable 64-bit form keeps queries on timestamps translatable on both providers.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FarunDbContext).Assembly);
    }
}
