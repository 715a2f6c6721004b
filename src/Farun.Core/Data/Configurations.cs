using Farun.Features.Identity;
using Farun.Features.Laws;
using Farun.Features.ServicePoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Farun.Data;

internal sealed class ServicePointConfiguration : IEntityTypeConfiguration<ServicePoint>
{
    public void Configure(EntityTypeBuilder<ServicePoint> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.OpeningHours).HasMaxLength(200);
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ParentId);
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(50);
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(x => x.ServicePointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LawConfiguration : IEntityTypeConfiguration<LawDocument>
{
    public void Configure(EntityTypeBuilder<LawDocument> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.ShortTitle).HasMaxLength(300);
        b.Property(x => x.Aliases).HasMaxLength(1000);
        b.Property(x => x.SearchNames).HasMaxLength(2000);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.Level).HasMaxLength(40);
        b.Property(x => x.Region).HasMaxLength(50);
        b.HasIndex(x => new { x.Level, x.Category });
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.LawId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LawVersionConfiguration : IEntityTypeConfiguration<LawVersion>
{
    public void Configure(EntityTypeBuilder<LawVersion> b)
    {
        b.Property(x => x.SourceHash).HasMaxLength(64);
        b.HasIndex(x => new { x.LawId, x.SourceHash }).IsUnique();
        b.HasMany(x => x.Articles).WithOne().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LawArticleConfiguration : IEntityTypeConfiguration<LawArticle>
{
    public void Configure(EntityTypeBuilder<LawArticle> b)
    {
        b.Property(x => x.Path).HasMaxLength(500);
        b.HasIndex(x => new { x.VersionId, x.Number, x.Suffix });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Farun.Features.Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Audit.AuditEntry> b)
    {
        // Ids are assigned under the append lock, in chain order, not by the database.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ActorName).HasMaxLength(Farun.Features.Audit.AuditEntry.MaxActorNameLength);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.ActorId);
    }
}
