using Farun.Features.Cases;
using Farun.Features.Mediation;

namespace Farun.Web.Features.Mediation;

public sealed record SessionDto(int Seq, DateTimeOffset HeldAt, SessionMode Mode, string ModeName, string? Place, string Attendees, string Minutes, string RecordedBy);

/// <summary>The judicial-confirmation window while it runs (《人民调解法》第三十三条).</summary>
public sealed record ConfirmationWindowDto(DateOnly EffectiveOn, DateOnly Due, int Days, string LegalBasis, bool Running);

public sealed record MediationDto(
    MediationSource Source, string SourceName, DisputeType DisputeType, string DisputeTypeName, string Description, decimal? AmountInvolved,
    Guid CommitteeId, string CommitteeName, string? PoliceStation, string? OfficerName, string? IncidentNumber, Guid? StationedLawyerId, string? StationedLawyerName,
    string? ReferringBody, string? ReferenceNumber, Guid? MediatorId, string? MediatorName, IReadOnlyList<SessionDto> Sessions,
    MediationOutcome? Outcome, string? OutcomeName, string? AgreementFacts, string? AgreementTerms, string? PerformanceMethod, DateOnly? PerformanceDueOn,
    DateOnly? AgreementEffectiveOn, ConfirmationWindowDto? ConfirmationWindow, string? EndReason, string? Guidance,
    DateOnly? ConfirmationAppliedOn, string? ConfirmationCourt, string? ConfirmationReference, ConfirmationResult? ConfirmationResult,
    PerformanceStatus Performance, string PerformanceName, string? PerformanceNote);

public static class MediationMapping
{
    public static MediationDto ToDto(MediationDetails d, CaseClock? running)
    {
        ConfirmationWindowDto? window = null;
        if (d is { Outcome: MediationOutcome.WrittenAgreement, AgreementEffectiveOn: { } effective })
        {
            var w = MediationRules.ConfirmationWindow(Farun.Common.Calendar.WorkingDayCalendar.China, effective);
            window = new ConfirmationWindowDto(effective, w.Due, w.Amount, w.LegalBasis, running?.Purpose == ClockPurpose.JudicialConfirmationWindow);
        }

        return new MediationDto(
            d.Source, d.Source.DisplayName(), d.DisputeType, d.DisputeType.DisplayName(), d.Description, d.AmountInvolved,
            d.CommitteeId, d.CommitteeName, d.PoliceStation, d.OfficerName, d.IncidentNumber, d.StationedLawyerId, d.StationedLawyerName,
            d.ReferringBody, d.ReferenceNumber, d.MediatorId, d.MediatorName,
            [.. d.Sessions.OrderBy(s => s.Seq).Select(s => new SessionDto(s.Seq, s.HeldAt, s.Mode, s.Mode.DisplayName(), s.Place, s.Attendees, s.Minutes, s.RecordedByName))],
            d.Outcome, d.Outcome?.DisplayName(), d.AgreementFacts, d.AgreementTerms, d.PerformanceMethod, d.PerformanceDueOn,
            d.AgreementEffectiveOn, window, d.EndReason, d.Guidance,
            d.ConfirmationAppliedOn, d.ConfirmationCourt, d.ConfirmationReference, d.ConfirmationResult,
            d.Performance, d.Performance.DisplayName(), d.PerformanceNote);
    }
}
