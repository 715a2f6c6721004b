using Farun.Features.Guides;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Farun.Data;

internal sealed class GuideVersionConfiguration : IEntityTypeConfiguration<GuideVersion>
{
    public void Configure(EntityTypeBuilder<GuideVersion> b)
    {
        b.Property(x => x.GuideId).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedBy).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.GuideId, x.Version }).IsUnique();
        b.HasIndex(x => new { x.IsActive, x.GuideId });
    }
}

internal sealed class GuideSessionConfiguration : IEntityTypeConfiguration<GuideSession>
{
    public void Configure(EntityTypeBuilder<GuideSession> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(GuideSession.CodeLength);
        b.Property(x => x.GuideId).HasMaxLength(50);
        b.Property(x => x.ApplicationReference).HasMaxLength(50);
        b.Property(x => x.ApplicationUrl).HasMaxLength(300);
        b.HasIndex(x => x.ExpiresAt);
    }
}
