using Farun.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Farun.Data;

// Tables of the platform plumbing. The lock and rate-limit tables are written by hand-written, provider-neutral SQL
// (INSERT ... ON CONFLICT ... RETURNING), so their table and column names are fixed here.

internal sealed class DistributedLockConfiguration : IEntityTypeConfiguration<DistributedLockRecord>
{
    public void Configure(EntityTypeBuilder<DistributedLockRecord> b)
    {
        b.ToTable("DistributedLocks");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Owner).HasMaxLength(200);
    }
}

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> b)
    {
        b.ToTable("RateLimitCounters");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => x.WindowEndsAt);
    }
}

internal sealed class PeriodicJobStateConfiguration : IEntityTypeConfiguration<PeriodicJobState>
{
    public void Configure(EntityTypeBuilder<PeriodicJobState> b)
    {
        b.ToTable("PeriodicJobs");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.LastOutcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.LastNode).HasMaxLength(200);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<Farun.Features.Tokens.ApiToken>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Tokens.ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(x => x.Label).HasMaxLength(Farun.Features.Tokens.ApiToken.MaxLabelLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.Hint).HasMaxLength(16);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.RevokedBy).HasMaxLength(100);
        b.HasOne<Farun.Features.Identity.StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class CitizenAccountConfiguration : IEntityTypeConfiguration<Farun.Features.Citizens.CitizenAccount>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Citizens.CitizenAccount> b)
    {
        b.ToTable("CitizenAccounts");
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneHash).HasMaxLength(64);
        b.HasIndex(x => x.PhoneHash).IsUnique();
    }
}

internal sealed class OtpChallengeConfiguration : IEntityTypeConfiguration<Farun.Features.Citizens.OtpChallenge>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Citizens.OtpChallenge> b)
    {
        b.ToTable("OtpChallenges");
        b.Property(x => x.PhoneHash).HasMaxLength(64);
        b.Property(x => x.CodeHash).HasMaxLength(64);
        b.HasIndex(x => new { x.PhoneHash, x.CreatedAt });
        b.HasIndex(x => x.ExpiresAt);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Farun.Features.Attachments.Attachment>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Attachments.Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(x => x.OwnerType).HasMaxLength(64);
        b.Property(x => x.OwnerId).HasMaxLength(64);
        b.Property(x => x.OriginalName).HasMaxLength(Farun.Features.Attachments.AttachmentFileName.MaxLength);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.StorageKey).HasMaxLength(100);
        b.Property(x => x.UploadedByKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.UploadedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.OwnerType, x.OwnerId });
        b.HasIndex(x => x.Sha256);
    }
}
