using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Features.Lawyers;
using Farun.Features.Mediation;
using Farun.Features.ServicePoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Farun.Data;

// Mediation, notarization, complaints and follow-up. Enums as text, ids made by the application (as in CaseConfigurations).

internal sealed class MediationCommitteeConfiguration : IEntityTypeConfiguration<MediationCommittee>
{
    public void Configure(EntityTypeBuilder<MediationCommittee> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(x => x.ServicePointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediatorConfiguration : IEntityTypeConfiguration<Mediator>
{
    public void Configure(EntityTypeBuilder<Mediator> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.PoliceStation).HasMaxLength(100);
        b.Property(x => x.Specialties).HasMaxLength(300);
        b.HasOne<MediationCommittee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Lawyer>().WithMany().HasForeignKey(x => x.LawyerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.CommitteeId);
        b.HasIndex(x => x.UserId);
        b.Ignore(x => x.SpecialtyList);
    }
}

internal sealed class MediationDetailsConfiguration : IEntityTypeConfiguration<MediationDetails>
{
    public void Configure(EntityTypeBuilder<MediationDetails> b)
    {
        b.HasKey(x => x.CaseId);
        b.HasOne<Case>().WithOne(c => c.Mediation).HasForeignKey<MediationDetails>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.DisputeType).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Description).HasMaxLength(MediationDetails.MaxTextLength);
        b.Property(x => x.AmountInvolved).HasPrecision(14, 2);
        b.Property(x => x.CommitteeName).HasMaxLength(100);
        b.Property(x => x.PoliceStation).HasMaxLength(100);
        b.Property(x => x.OfficerName).HasMaxLength(50);
        b.Property(x => x.IncidentNumber).HasMaxLength(64);
        b.Property(x => x.StationedLawyerName).HasMaxLength(100);
        b.Property(x => x.ReferringBody).HasMaxLength(100);
        b.Property(x => x.ReferenceNumber).HasMaxLength(64);
        b.Property(x => x.MediatorName).HasMaxLength(100);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.AgreementFacts).HasMaxLength(MediationDetails.MaxTextLength);
        b.Property(x => x.AgreementTerms).HasMaxLength(MediationDetails.MaxTextLength);
        b.Property(x => x.PerformanceMethod).HasMaxLength(1000);
        b.Property(x => x.EndReason).HasMaxLength(MediationDetails.MaxTextLength);
        b.Property(x => x.Guidance).HasMaxLength(MediationDetails.MaxTextLength);
        b.Property(x => x.ConfirmationCourt).HasMaxLength(100);
        b.Property(x => x.ConfirmationReference).HasMaxLength(64);
        b.Property(x => x.ConfirmationResult).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Performance).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.PerformanceNote).HasMaxLength(MediationDetails.MaxTextLength);
        b.HasOne<MediationCommittee>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Mediator>().WithMany().HasForeignKey(x => x.MediatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sessions).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        // District figures by committee, police station and dispute type.
        b.HasIndex(x => x.CommitteeId);
        b.HasIndex(x => x.PoliceStation);
        b.HasIndex(x => x.DisputeType);
        b.HasIndex(x => x.MediatorId);
    }
}

internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Attendees).HasMaxLength(1000);
        b.Property(x => x.Minutes).HasMaxLength(MediationSession.MaxMinutesLength);
        b.Property(x => x.RecordedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.CaseId, x.Seq }).IsUnique();
    }
}

internal sealed class MediationReminderConfiguration : IEntityTypeConfiguration<MediationReminder>
{
    public void Configure(EntityTypeBuilder<MediationReminder> b)
    {
        // The key is the guarantee that a window's reminder is raised once, however many nodes run the job.
        b.HasKey(x => new { x.CaseId, x.ClockSeq });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotarizationDetailsConfiguration : IEntityTypeConfiguration<Farun.Features.Notarization.NotarizationDetails>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Notarization.NotarizationDetails> b)
    {
        b.HasKey(x => x.CaseId);
        b.HasOne<Case>().WithOne(c => c.Notarization).HasForeignKey<Farun.Features.Notarization.NotarizationDetails>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.MatterCode).HasMaxLength(32);
        b.Property(x => x.MatterName).HasMaxLength(32);
        b.Property(x => x.Purpose).HasMaxLength(200);
        b.Property(x => x.MaterialsSubmitted).HasMaxLength(Farun.Features.Notarization.NotarizationDetails.MaxTextLength);
        b.Property(x => x.PreReviewNote).HasMaxLength(Farun.Features.Notarization.NotarizationDetails.MaxTextLength);
        b.Property(x => x.MaterialsRequested).HasMaxLength(Farun.Features.Notarization.NotarizationDetails.MaxTextLength);
        b.Property(x => x.SuspensionReason).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.SuspensionNote).HasMaxLength(Farun.Features.Notarization.NotarizationDetails.MaxTextLength);
        b.Property(x => x.CertificateNumber).HasMaxLength(64);
        b.Property(x => x.Fee).HasPrecision(12, 2);
        b.Property(x => x.FeeBasis).HasMaxLength(500);
        b.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RefusalGround).HasMaxLength(200);
        b.HasIndex(x => x.MatterCode);
        b.HasIndex(x => x.CertificateNumber).IsUnique();
    }
}

internal sealed class NotarySlotConfiguration : IEntityTypeConfiguration<Farun.Features.Notarization.NotarySlot>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Notarization.NotarySlot> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<ServicePoint>().WithMany().HasForeignKey(x => x.ServicePointId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ServicePointId, x.StartsAt });
    }
}

internal sealed class NotaryBookingConfiguration : IEntityTypeConfiguration<Farun.Features.Notarization.NotaryBooking>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Notarization.NotaryBooking> b)
    {
        // One booking per slot: the primary key refuses a second one, on both databases.
        b.HasKey(x => x.SlotId);
        b.HasOne<Farun.Features.Notarization.NotarySlot>().WithOne().HasForeignKey<Farun.Features.Notarization.NotaryBooking>(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class ComplaintDetailsConfiguration : IEntityTypeConfiguration<Farun.Features.Complaints.ComplaintDetails>
{
    public void Configure(EntityTypeBuilder<Farun.Features.Complaints.ComplaintDetails> b)
    {
        b.HasKey(x => x.CaseId);
        b.HasOne<Case>().WithOne(c => c.Complaint).HasForeignKey<Farun.Features.Complaints.ComplaintDetails>(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SubjectName).HasMaxLength(100);
        b.Property(x => x.Content).HasMaxLength(Farun.Features.Complaints.ComplaintDetails.MaxTextLength);
        b.Property(x => x.Demand).HasMaxLength(Farun.Features.Complaints.ComplaintDetails.MaxTextLength);
        b.Property(x => x.InvestigationNote).HasMaxLength(Farun.Features.Complaints.ComplaintDetails.MaxTextLength);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Reply).HasMaxLength(Farun.Features.Complaints.ComplaintDetails.MaxTextLength);
        b.Property(x => x.Measures).HasMaxLength(Farun.Features.Complaints.ComplaintDetails.MaxTextLength);
        b.Property(x => x.RepliedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.SubjectKind, x.SubjectRegistryId });
        b.HasIndex(x => x.SubjectUserId);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<Farun.Features.FollowUps.FollowUp>
{
    public void Configure(EntityTypeBuilder<Farun.Features.FollowUps.FollowUp> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.Property(x => x.CaseType).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.HandlerName).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(500);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.RatedByName).HasMaxLength(100);
        b.Property(x => x.LinkTokenHash).HasMaxLength(64);
        // One follow-up per case and round, whatever the concurrency.
        b.HasIndex(x => new { x.CaseId, x.Round }).IsUnique();
        b.HasIndex(x => new { x.ServicePointId, x.Status, x.DueOn });
        b.HasIndex(x => x.LinkTokenHash).IsUnique();
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Farun.Features.FollowUps.Rectification>
{
    public void Configure(EntityTypeBuilder<Farun.Features.FollowUps.Rectification> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Farun.Features.FollowUps.FollowUp>().WithOne().HasForeignKey<Farun.Features.FollowUps.Rectification>(x => x.FollowUpId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.Property(x => x.ResponsibleName).HasMaxLength(100);
        b.Property(x => x.Problem).HasMaxLength(2100);
        b.Property(x => x.Basis).HasMaxLength(500);
        b.Property(x => x.Measures).HasMaxLength(2000);
        b.Property(x => x.CompletedByName).HasMaxLength(100);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.ServicePointId, x.CompletedAt });
        b.HasIndex(x => x.ResponsibleId);
    }
}

internal sealed class QualityReviewConfiguration : IEntityTypeConfiguration<Farun.Features.FollowUps.QualityReview>
{
    public void Configure(EntityTypeBuilder<Farun.Features.FollowUps.QualityReview> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CaseNumber).HasMaxLength(32);
        b.Property(x => x.CaseType).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.HandlerName).HasMaxLength(100);
        b.Property(x => x.Batch).HasMaxLength(16);
        b.Property(x => x.SampledByName).HasMaxLength(100);
        b.Property(x => x.Breakdown).HasMaxLength(500);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.ReviewerName).HasMaxLength(100);
        // A case is sampled once.
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.Batch, x.ServicePointId });
    }
}
