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

    /// <summary>Cases per service point, type and state, kept in step by <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</summary>
    public DbSet<CaseCount> CaseCounts => Set<CaseCount>();

    public DbSet<AssignmentCursor> AssignmentCursors => Set<AssignmentCursor>();

    public DbSet<ConsultationDetails> ConsultationDetails => Set<ConsultationDetails>();

    public DbSet<ConsultationCitation> ConsultationCitations => Set<ConsultationCitation>();

    public DbSet<LegalAidDetails> LegalAidDetails => Set<LegalAidDetails>();

    public DbSet<LawFirm> LawFirms => Set<LawFirm>();

    public DbSet<Lawyer> Lawyers => Set<Lawyer>();

    public DbSet<Farun.Features.Citizens.CitizenAccount> CitizenAccounts => Set<Farun.Features.Citizens.CitizenAccount>();

    public DbSet<Farun.Features.Citizens.OtpChallenge> OtpChallenges => Set<Farun.Features.Citizens.OtpChallenge>();

    public DbSet<Farun.Features.Attachments.Attachment> Attachments => Set<Farun.Features.Attachments.Attachment>();

    // Mediation, notarization, complaints, follow-up and satisfaction.
    public DbSet<Farun.Features.Mediation.MediationCommittee> MediationCommittees => Set<Farun.Features.Mediation.MediationCommittee>();

    public DbSet<Farun.Features.Mediation.Mediator> Mediators => Set<Farun.Features.Mediation.Mediator>();

    public DbSet<Farun.Features.Mediation.MediationDetails> MediationDetails => Set<Farun.Features.Mediation.MediationDetails>();

    public DbSet<Farun.Features.Mediation.MediationSession> MediationSessions => Set<Farun.Features.Mediation.MediationSession>();

    public DbSet<Farun.Features.Mediation.MediationReminder> MediationReminders => Set<Farun.Features.Mediation.MediationReminder>();

    public DbSet<Farun.Features.Notarization.NotarizationDetails> NotarizationDetails => Set<Farun.Features.Notarization.NotarizationDetails>();

    public DbSet<Farun.Features.Notarization.NotarySlot> NotarySlots => Set<Farun.Features.Notarization.NotarySlot>();

    public DbSet<Farun.Features.Notarization.NotaryBooking> NotaryBookings => Set<Farun.Features.Notarization.NotaryBooking>();

    public DbSet<Farun.Features.Complaints.ComplaintDetails> ComplaintDetails => Set<Farun.Features.Complaints.ComplaintDetails>();

    public DbSet<Farun.Features.FollowUps.FollowUp> FollowUps => Set<Farun.Features.FollowUps.FollowUp>();

    public DbSet<Farun.Features.FollowUps.Rectification> Rectifications => Set<Farun.Features.FollowUps.Rectification>();

    public DbSet<Farun.Features.FollowUps.QualityReview> QualityReviews => Set<Farun.Features.FollowUps.QualityReview>();

    /// <summary>
    /// Saves changes. In the same transaction it also appends the new audit entries to the hash chain and adds the
    /// changes of case counts (<see cref="CaseCounts"/>) of every case added, deleted or moved to another state or service
    /// point, so an audited change, its entry and the counts commit together or not at all.
    /// The chain is appended last: the changes are written first, then the chain's lock is taken (an advisory lock on
    /// PostgreSQL; on SQLite the transaction's write lock already serialises writers), the last entry read, the new ones
    /// sealed and written, the counts updated and the transaction committed, so the lock is held only for the append.
    /// If that second step fails, the transaction rolls back but the tracked entities stay marked as saved: discard the
    /// context (or call <see cref="ResetUnitOfWork"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        if (autoDetect)
            ChangeTracker.DetectChanges();

        // Changes are detected once, above: the base saves below would scan every tracked entity again each time.
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var counts = CaseCountDeltas.From(ChangeTracker);
        var pending = _pendingAudit.OrderBy(e => e.LocalSequence).ToList();
        if (pending.Count == 0 && counts.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownsTransaction = Database.CurrentTransaction is null;
        var transaction = ownsTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Accepted at once when entries follow: the second save must not write these rows again.
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess || pending.Count > 0, cancellationToken);
            if (!Database.IsSqlite())
            {
                // Several app nodes share one PostgreSQL: a transaction-scoped advisory lock serialises appends. Taken for
                // count changes too, so every writer locks the chain before the summary rows (no lock-order deadlock).
                await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(48151623)", cancellationToken);
            }

            if (pending.Count > 0)
            {
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

                saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            await CaseCountDeltas.ApplyAsync(this, counts, cancellationToken);
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

    /// <summary>Forgets every tracked change and queued audit entry (to retry a unit of work after a failed save).</summary>
    public void ResetUnitOfWork()
    {
        ChangeTracker.Clear();
        _pendingAudit.Clear();
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
