using Farun.Features.Audit;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Guides;
using Farun.Features.Identity;
using Farun.Features.Laws;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
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

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();

    public DbSet<LawDocument> Laws => Set<LawDocument>();

    public DbSet<LawVersion> LawVersions => Set<LawVersion>();

    public DbSet<LawArticle> LawArticles => Set<LawArticle>();

    public DbSet<GuideVersion> GuideVersions => Set<GuideVersion>();

    public DbSet<GuideSession> GuideSessions => Set<GuideSession>();

    public DbSet<Farun.Features.Platform.DistributedLockRecord> DistributedLocks => Set<Farun.Features.Platform.DistributedLockRecord>();

    public DbSet<Farun.Features.Platform.RateLimitCounter> RateLimitCounters => Set<Farun.Features.Platform.RateLimitCounter>();

    public DbSet<Farun.Features.Platform.PeriodicJobState> PeriodicJobs => Set<Farun.Features.Platform.PeriodicJobState>();

    public DbSet<Farun.Features.Tokens.ApiToken> ApiTokens => Set<Farun.Features.Tokens.ApiToken>();

    // Cases (the case spine, consultation, legal aid) and their registries.
    public DbSet<Person> Persons => Set<Person>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseParty> CaseParties => Set<CaseParty>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseClock> CaseClocks => Set<CaseClock>();

    public DbSet<CaseLink> CaseLinks => Set<CaseLink>();

    public DbSet<CaseReferral> CaseReferrals => Set<CaseReferral>();

    public DbSet<CaseAlert> CaseAlerts => Set<CaseAlert>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    public DbSet<AssignmentCursor> AssignmentCursors => Set<AssignmentCursor>();

    public DbSet<ConsultationDetails> ConsultationDetails => Set<ConsultationDetails>();

    public DbSet<ConsultationCitation> ConsultationCitations => Set<ConsultationCitation>();

    public DbSet<LegalAidDetails> LegalAidDetails => Set<LegalAidDetails>();

    public DbSet<LawFirm> LawFirms => Set<LawFirm>();

    public DbSet<Lawyer> Lawyers => Set<Lawyer>();

    public DbSet<Farun.Features.Citizens.CitizenAccount> CitizenAccounts => Set<Farun.Features.Citizens.CitizenAccount>();

    public DbSet<Farun.Features.Citizens.OtpChallenge> OtpChallenges => Set<Farun.Features.Citizens.OtpChallenge>();

    public DbSet<Farun.Features.Attachments.Attachment> Attachments => Set<Farun.Features.Attachments.Attachment>();

    /// <summary>Saves changes; new audit entries are chained (id and hash) under a lock in the same transaction,
    /// so an audited change and its entry commit together or not at all.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = _pendingAudit.OrderBy(e => e.LocalSequence).ToList();
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownsTransaction = Database.CurrentTransaction is null;
        // On SQLite this is BEGIN IMMEDIATE: the file's single write lock makes read-last-then-append atomic.
        var transaction = ownsTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (!Database.IsSqlite())
            {
                // Several app nodes share one PostgreSQL: a transaction-scoped advisory lock serialises appends.
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(48151623)", cancellationToken);
            }

            var last = await AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(cancellationToken);
            var id = last?.Id ?? 0;
            var hash = last?.Hash ?? AuditEntry.GenesisHash;
            foreach (var entry in pending)
            {
                entry.Seal(++id, hash);
                hash = entry.Hash;
                AuditEntries.Add(entry);
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            _pendingAudit.Clear();
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private readonly List<AuditEntry> _pendingAudit = [];

    /// <summary>Queues an audit entry; it is chained and written by the next SaveChanges, in the same transaction.</summary>
    public void AppendAudit(AuditEntry entry) => _pendingAudit.Add(entry);

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
