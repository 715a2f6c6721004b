using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.LegalAid;
using Farun.Features.Persons;

namespace Farun.Web.Features.Cases;

public sealed record RefDto(Guid Id, string Name);

/// <summary>The running clock: due date, calendar or working days, legal basis, and where it stands now.</summary>
public sealed record DeadlineDto(
    DateOnly Due, DateTimeOffset EndsAt, DeadlineKind Kind, int Days, DateOnly Start, bool Overdue, bool DueSoon, int WorkingDaysLeft,
    string LegalBasis, ClockPurpose Purpose, string PurposeName, bool Provisional);

public sealed record PartyDto(Guid Id, PartyRole Role, string RoleName, string Name, Guid? PersonId, Guid? OrganisationId, string? IdNumberMasked, string? PhoneMasked, string? GroupNames);

public sealed record EventDto(Guid Id, DateTimeOffset At, CaseEventKind Kind, string? Action, string? ActionName, CaseState? FromState, CaseState? ToState, string ActorName, string? Text);

public sealed record LinkDto(Guid CaseId, string Number, CaseType Type, string TypeName, CaseState State, string StateName, string Kind, string Direction);

public sealed record ReferralDto(ReferralDirection Direction, ExternalBody Body, string BodyName, string Organisation, string? Reference, string? Reason, DateTimeOffset At, string ByName);

public sealed record CitationDto(string Cited, Guid? LawId, string? LawTitle, string? ArticleDisplay, string? Url, string? Problem);

public sealed record ConsultationDto(
    string Question, LegalDomain Domain, string DomainName, string? AnswerSummary, IReadOnlyList<CitationDto> Citations, int? DurationMinutes,
    DateTimeOffset? AnsweredAt, string? AnsweredBy, string? CloseReason, Guid? ConvertedToCaseId);

public sealed record LegalAidDto(
    LegalAidMatter Matter, string MatterName, string MatterBasis, string Description, DateOnly ReceivedOn,
    MeansTest MeansTest, string MeansTestName, string MeansTestBasis, bool HardshipCommitment, bool NoFixedIncome,
    bool GreenChannel, string? GreenChannelSource, DateOnly? LimitationDate, bool Urgent,
    string? NoticeAuthorityName, string? NoticeNumber, DateOnly? NoticeReceivedOn, NoticeReason? NoticeReason,
    string? MaterialsRequested, bool PriorAid, string? PriorAidReason,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionNote, string? RefusalReasons,
    DateOnly? ObjectionReceivedOn, string? ObjectionText, bool? ObjectionUpheld, string? ObjectionDecisionReasons,
    Guid? LawyerId, string? LawyerName, string? LawFirmName, DateTimeOffset? LawyerAssignedAt, string? ConflictOverrideReason,
    ClosureOutcome? Outcome, string? OutcomeName, LegalAidStage? Stage, string? StageName, string? ClosureSummary,
    int? QualityScore, string? QualityBreakdown, decimal? Subsidy, string? SubsidySource, int? ReviewScore = null, int? FinalQualityScore = null);

/// <summary>A case with everything the caller may see and do: state, deadline, allowed actions, typed data, timeline.</summary>
public sealed record CaseDto(
    Guid Id, string Number, CaseType Type, string TypeName, CaseState State, string StateName, bool IsOpen,
    CaseChannel Channel, string ChannelName, RefDto ServicePoint, CasePriority Priority, RefDto? Assignee,
    string? ApplicantName, string Summary, DeadlineDto? Deadline, IReadOnlyList<string> AllowedActions,
    IReadOnlyList<PartyDto> Parties, ConsultationDto? Consultation, LegalAidDto? LegalAid,
    IReadOnlyList<LinkDto> Links, IReadOnlyList<ReferralDto> Referrals, IReadOnlyList<EventDto> Timeline,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, DateTimeOffset? ClosedAt, int Version,
    Farun.Web.Features.Mediation.MediationDto? Mediation = null, Farun.Web.Features.Notarization.NotarizationDto? Notarization = null,
    Farun.Web.Features.Complaints.ComplaintDto? Complaint = null);

/// <summary>A row of a case list.</summary>
public sealed record CaseListItem(
    Guid Id, string Number, CaseType Type, string TypeName, CaseState State, string StateName, CaseChannel Channel, string ChannelName,
    Guid ServicePointId, string ServicePointName, CasePriority Priority, Guid? AssigneeId, string? AssigneeName, string? ApplicantName,
    string Summary, DateOnly? Due, bool Overdue, bool DueSoon, DateTimeOffset CreatedAt);

public static class CaseMapping
{
    public static DeadlineDto? Deadline(CaseClock? clock, DateTimeOffset now, CaseRules rules, WorkingDayCalendar calendar)
    {
        if (clock is null)
            return null;
        var d = clock.ToDeadline();
        var status = Status(d, now, rules, calendar);
        int left;
        try
        {
            left = d.WorkingDaysLeft(ChinaTime.DateOf(now), calendar);
        }
        catch (CalendarCoverageException)
        {
            left = d.Due.DayNumber - ChinaTime.DateOf(now).DayNumber;
        }

        return new DeadlineDto(d.Due, d.EndsAt, d.Kind, d.Amount, d.Start, status == DeadlineStatus.Overdue, status == DeadlineStatus.DueSoon, left,
            d.LegalBasis, clock.Purpose, clock.Purpose.DisplayName(), d.IsProvisional);
    }

    /// <summary>Status of a due date for lists (where only the due date is loaded).</summary>
    public static DeadlineStatus Status(DateOnly due, DateTimeOffset now, CaseRules rules, WorkingDayCalendar calendar) =>
        Status(Farun.Common.Calendar.Deadline.Restore(DeadlineKind.CalendarDays, 0, due, due, "-", false), now, rules, calendar);

    private static DeadlineStatus Status(Deadline d, DateTimeOffset now, CaseRules rules, WorkingDayCalendar calendar)
    {
        try
        {
            return d.StatusAt(now, calendar, rules.DueSoonWorkingDays);
        }
        catch (CalendarCoverageException)
        {
            // Beyond the holiday data: judge by calendar days rather than fail the page.
            if (now >= d.EndsAt)
                return DeadlineStatus.Overdue;
            return d.Due.DayNumber - ChinaTime.DateOf(now).DayNumber <= rules.DueSoonWorkingDays ? DeadlineStatus.DueSoon : DeadlineStatus.OnTime;
        }
    }

    public static EventDto ToDto(CaseEvent e) =>
        new(e.Id, e.At, e.Kind, e.Action, e.Action is null ? null : CaseActions.DisplayName(e.Action), e.FromState, e.ToState, e.ActorName, e.Text);

    public static ReferralDto ToDto(CaseReferral r) =>
        new(r.Direction, r.Body, r.Body.DisplayName(), r.Organisation, r.Reference, r.Reason, r.At, r.ByName);

    public static ConsultationDto ToDto(ConsultationDetails d) =>
        new(d.Question, d.Domain, d.Domain.DisplayName(), d.AnswerSummary,
            [.. d.Citations.OrderBy(c => c.Ordinal).Select(c => new CitationDto(c.Cited, c.LawId, c.LawTitle, c.ArticleDisplay, c.Url, c.Problem))],
            d.DurationMinutes, d.AnsweredAt, d.AnsweredByName, d.CloseReason, d.ConvertedToCaseId);

    public static LegalAidDto ToDto(LegalAidDetails d, DateOnly today) =>
        new(d.Matter, d.Matter.DisplayName(), d.Matter.LegalBasis(), d.Description, d.ReceivedOn,
            d.MeansTest, d.MeansTest.DisplayName(), d.MeansTestBasis, d.HardshipCommitment, d.NoFixedIncome,
            d.GreenChannel, d.GreenChannelSource, d.LimitationDate, LegalAidRules.IsUrgent(d.LimitationDate, today),
            d.NoticeAuthorityName, d.NoticeNumber, d.NoticeReceivedOn, d.NoticeReason,
            d.MaterialsRequested, d.PriorAid, d.PriorAidReason,
            d.DecidedAt, d.DecidedByName, d.DecisionNote, d.RefusalReasons,
            d.ObjectionReceivedOn, d.ObjectionText, d.ObjectionUpheld, d.ObjectionDecisionReasons,
            d.LawyerId, d.LawyerName, d.LawFirmName, d.LawyerAssignedAt, d.ConflictOverrideReason,
            d.Outcome, d.Outcome?.DisplayName(), d.Stage, d.Stage?.DisplayName(), d.ClosureSummary,
            d.QualityScore, d.QualityBreakdown, d.Subsidy, d.SubsidySource, d.ReviewScore, d.FinalQualityScore);

    public static string GroupNames(SpecialGroups g) => g == SpecialGroups.None ? "" : g.DisplayName();
}
