using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Identity;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using Farun.Features.ServicePoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Farun.Data;

// Enums are stored as text: readable in the database, and new members (next issue's states) need no renumbering.
// Ids are made by the application (Guid v7, time-ordered), never by the database.

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameKey).HasMaxLength(100);
        b.Property(x => x.DocumentType).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.IdNumberCipher).HasMaxLength(200);
        b.Property(x => x.IdNumberIndex).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(60);
        b.Property(x => x.PhoneCipher).HasMaxLength(200);
        b.Property(x => x.PhoneIndex).HasMaxLength(64);
        b.Property(x => x.PhoneMasked).HasMaxLength(40);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(8);
        // One person per identity document; NULLs (no document) are distinct on both databases.
        b.HasIndex(x => x.IdNumberIndex).IsUnique();
        b.HasIndex(x => x.PhoneIndex);
        b.HasIndex(x => x.NameKey);
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(x => x.ServicePointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.NameKey).HasMaxLength(200);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.Address).HasMaxLength(200);
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => x.NameKey);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.AssigneeName).HasMaxLength(100);
        b.Property(x => x.ApplicantName).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(200);
        b.Property(x => x.CreatedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(x => x.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);

        // "My queue": my open cases, then my service point's unassigned open cases, by priority and deadline.
        b.HasIndex(x => new { x.AssigneeId, x.IsOpen, x.Priority, x.DueSort });
        b.HasIndex(x => new { x.ServicePointId, x.IsOpen, x.AssigneeId, x.Priority, x.DueSort });
        // Counts by service point, type and state (a covering index: one service point is a range, the district a scan).
        b.HasIndex(x => new { x.ServicePointId, x.Type, x.State });
        // Counts of the cases assigned to a staff member at other service points: a covering range of their own cases.
        b.HasIndex(x => new { x.AssigneeId, x.ServicePointId, x.Type, x.State });
        // Overdue scan of the alert job and "overdue" filters.
        b.HasIndex(x => new { x.IsOpen, x.DueSort });
        b.HasIndex(x => x.LawyerUserId);
        b.HasIndex(x => x.CitizenAccountId);

        b.HasMany(x => x.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Clocks).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Referrals).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.LinksFrom).WithOne().HasForeignKey(e => e.FromCaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Consultation).WithOne().HasForeignKey<ConsultationDetails>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.LegalAid).WithOne().HasForeignKey<LegalAidDetails>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Workflow);
        b.Ignore(x => x.StateInfo);
        b.Ignore(x => x.RunningClock);
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.Role });
        b.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Action).HasMaxLength(32);
        b.Property(x => x.FromState).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ToState).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(10000);
        b.HasIndex(x => new { x.CaseId, x.At });
    }
}

internal sealed class CaseClockConfiguration : IEntityTypeConfiguration<CaseClock>
{
    public void Configure(EntityTypeBuilder<CaseClock> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LegalBasis).HasMaxLength(400);
        b.HasIndex(x => new { x.CaseId, x.Seq }).IsUnique();
        b.Ignore(x => x.IsRunning);
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(32);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.ToCaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ToCaseId);
    }
}

internal sealed class CaseReferralConfiguration : IEntityTypeConfiguration<CaseReferral>
{
    public void Configure(EntityTypeBuilder<CaseReferral> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Body).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Organisation).HasMaxLength(100);
        b.Property(x => x.Reference).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.ByName).HasMaxLength(100);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class CaseAlertConfiguration : IEntityTypeConfiguration<CaseAlert>
{
    public void Configure(EntityTypeBuilder<CaseAlert> b)
    {
        // The key is the guarantee that an alert is raised once per clock, however many nodes run the job.
        b.HasKey(x => new { x.CaseId, x.ClockSeq });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.AssigneeId);
        b.HasIndex(x => new { x.ServicePointId, x.RaisedAt });
    }
}

internal sealed class CaseCountConfiguration : IEntityTypeConfiguration<CaseCount>
{
    public void Configure(EntityTypeBuilder<CaseCount> b)
    {
        b.HasKey(x => new { x.ServicePointId, x.Type, x.State });
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.HasKey(x => new { x.Type, x.Year });
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class AssignmentCursorConfiguration : IEntityTypeConfiguration<AssignmentCursor>
{
    public void Configure(EntityTypeBuilder<AssignmentCursor> b)
    {
        b.HasKey(x => new { x.ServicePointId, x.Type });
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(24);
    }
}

internal sealed class ConsultationDetailsConfiguration : IEntityTypeConfiguration<ConsultationDetails>
{
    public void Configure(EntityTypeBuilder<ConsultationDetails> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Question).HasMaxLength(ConsultationDetails.MaxQuestionLength);
        b.Property(x => x.Domain).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.AnswerSummary).HasMaxLength(ConsultationDetails.MaxAnswerLength);
        b.Property(x => x.AnsweredByName).HasMaxLength(100);
        b.Property(x => x.CloseReason).HasMaxLength(1000);
        b.HasMany(x => x.Citations).WithOne().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Domain);
    }
}

internal sealed class ConsultationCitationConfiguration : IEntityTypeConfiguration<ConsultationCitation>
{
    public void Configure(EntityTypeBuilder<ConsultationCitation> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Cited).HasMaxLength(300);
        b.Property(x => x.LawTitle).HasMaxLength(300);
        b.Property(x => x.ArticleKey).HasMaxLength(16);
        b.Property(x => x.ArticleDisplay).HasMaxLength(40);
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.Problem).HasMaxLength(500);
        b.HasIndex(x => new { x.CaseId, x.Ordinal }).IsUnique();
        b.Ignore(x => x.IsResolved);
    }
}

internal sealed class LegalAidDetailsConfiguration : IEntityTypeConfiguration<LegalAidDetails>
{
    public void Configure(EntityTypeBuilder<LegalAidDetails> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Matter).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Description).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.MeansTest).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.MeansTestBasis).HasMaxLength(300);
        b.Property(x => x.GreenChannelSource).HasMaxLength(500);
        b.Property(x => x.NoticeAuthority).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.NoticeAuthorityName).HasMaxLength(100);
        b.Property(x => x.NoticeNumber).HasMaxLength(64);
        b.Property(x => x.NoticeReason).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.MaterialsRequested).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.PriorAidReason).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.DecidedByName).HasMaxLength(100);
        b.Property(x => x.DecisionNote).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.RefusalReasons).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.ObjectionText).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.ObjectionDecisionReasons).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.LawyerName).HasMaxLength(100);
        b.Property(x => x.LawFirmName).HasMaxLength(200);
        b.Property(x => x.ConflictOverrideReason).HasMaxLength(1000);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ClosureSummary).HasMaxLength(LegalAidDetails.MaxTextLength);
        b.Property(x => x.QualityBreakdown).HasMaxLength(500);
        b.Property(x => x.Subsidy).HasPrecision(12, 2);
        b.Property(x => x.SubsidySource).HasMaxLength(500);
        b.HasOne<Lawyer>().WithMany().HasForeignKey(x => x.LawyerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LawFirm>().WithMany().HasForeignKey(x => x.LawFirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.LawyerId);
        b.HasIndex(x => x.LawFirmId);
    }
}

internal sealed class LawFirmConfiguration : IEntityTypeConfiguration<LawFirm>
{
    public void Configure(EntityTypeBuilder<LawFirm> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.NameKey).HasMaxLength(200);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.Address).HasMaxLength(200);
        b.HasIndex(x => x.CreditCode).IsUnique();
    }
}

internal sealed class LawyerConfiguration : IEntityTypeConfiguration<Lawyer>
{
    public void Configure(EntityTypeBuilder<Lawyer> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameKey).HasMaxLength(100);
        b.Property(x => x.LicenceNumber).HasMaxLength(17);
        b.Property(x => x.Specialties).HasMaxLength(300);
        b.HasIndex(x => x.LicenceNumber).IsUnique();
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasOne<LawFirm>().WithMany().HasForeignKey(x => x.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.SpecialtyList);
    }
}
