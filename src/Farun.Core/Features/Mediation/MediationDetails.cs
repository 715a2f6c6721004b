namespace Farun.Features.Mediation;

/// <summary>A police-station referral (公调对接): the station, the officer, the incident number, and the lawyer stationed there.</summary>
/// <param name="Station">The police station, e.g. 南湖派出所.</param>
/// <param name="OfficerName">The officer who referred the dispute.</param>
/// <param name="IncidentNumber">The station's incident (警情) number.</param>
/// <param name="StationedLawyer">The mediator-registry entry of the lawyer stationed at the station, if one takes it.</param>
public sealed record PoliceReferral(string Station, string OfficerName, string IncidentNumber, Mediator? StationedLawyer);

/// <summary>What is recorded when a dispute is registered for mediation.</summary>
/// <param name="Source">Application, referral or the committee's own initiative.</param>
/// <param name="DisputeType">The dispute type.</param>
/// <param name="Description">The dispute in brief.</param>
/// <param name="AmountInvolved">The amount in dispute, in yuan, if any.</param>
/// <param name="Committee">The committee that mediates.</param>
/// <param name="Police">For 公调对接: the referral.</param>
/// <param name="ReferringBody">For court and petition referrals: the referring organisation and its reference.</param>
/// <param name="ReferenceNumber">For court and petition referrals: the referring body's number.</param>
public sealed record MediationIntake(
    MediationSource Source, DisputeType DisputeType, string Description, decimal? AmountInvolved, MediationCommittee Committee,
    PoliceReferral? Police, string? ReferringBody, string? ReferenceNumber);

/// <summary>
/// The contents of a written agreement (调解协议书, 《人民调解法》第二十九条第一款): the parties' particulars come from the case;
/// the main facts, the matters in dispute and each party's responsibility; the agreed terms; how and by when they are performed.
/// It takes effect on the day the parties sign and the mediator signs with the committee's seal (第二十九条第二款).
/// </summary>
public sealed record WrittenAgreement(string Facts, string Terms, string PerformanceMethod, DateOnly? PerformanceDueOn, DateOnly SignedOn);

/// <summary>One mediation session (调解工作记录, 《人民调解法》第二十七条).</summary>
public sealed record SessionRecord(DateTimeOffset HeldAt, SessionMode Mode, string? Place, string Attendees, string Minutes);

/// <summary>A people's-mediation case's own data (人民调解), one row per mediation case.</summary>
public sealed class MediationDetails
{
    public const int MaxTextLength = 4000;

    private MediationDetails()
    {
    }

    internal MediationDetails(Guid caseId, MediationIntake i)
    {
        CaseId = caseId;
        Source = i.Source;
        DisputeType = i.DisputeType;
        Description = i.Description.Trim();
        AmountInvolved = i.AmountInvolved;
        CommitteeId = i.Committee.Id;
        CommitteeName = i.Committee.Name;
        if (i.Police is { } p)
        {
            PoliceStation = p.Station.Trim();
            OfficerName = p.OfficerName.Trim();
            IncidentNumber = p.IncidentNumber.Trim();
            StationedLawyerId = p.StationedLawyer?.Id;
            StationedLawyerName = p.StationedLawyer?.Name;
        }

        ReferringBody = string.IsNullOrWhiteSpace(i.ReferringBody) ? null : i.ReferringBody.Trim();
        ReferenceNumber = string.IsNullOrWhiteSpace(i.ReferenceNumber) ? null : i.ReferenceNumber.Trim();
    }

    public Guid CaseId { get; private set; }

    public MediationSource Source { get; private set; }

    public DisputeType DisputeType { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>涉及金额 (yuan).</summary>
    public decimal? AmountInvolved { get; private set; }

    public Guid CommitteeId { get; private set; }

    public string CommitteeName { get; private set; } = "";

    public string? PoliceStation { get; private set; }

    public string? OfficerName { get; private set; }

    public string? IncidentNumber { get; private set; }

    public Guid? StationedLawyerId { get; private set; }

    public string? StationedLawyerName { get; private set; }

    /// <summary>The referring court or petition office.</summary>
    public string? ReferringBody { get; private set; }

    public string? ReferenceNumber { get; private set; }

    public Guid? MediatorId { get; internal set; }

    public string? MediatorName { get; internal set; }

    public DateTimeOffset? MediatorAssignedAt { get; internal set; }

    public int SessionCount { get; internal set; }

    public MediationOutcome? Outcome { get; internal set; }

    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>纠纷的主要事实、争议事项以及各方当事人的责任 (第二十九条第一款第二项).</summary>
    public string? AgreementFacts { get; internal set; }

    /// <summary>达成调解协议的内容 (written, 第二十九条第一款第三项) or the oral agreement as recorded (第二十八条).</summary>
    public string? AgreementTerms { get; internal set; }

    /// <summary>履行的方式 (第二十九条第一款第三项).</summary>
    public string? PerformanceMethod { get; internal set; }

    /// <summary>履行的期限.</summary>
    public DateOnly? PerformanceDueOn { get; internal set; }

    /// <summary>The day the agreement took effect: signing (第二十九条第二款) or, orally, agreement (第三十条).</summary>
    public DateOnly? AgreementEffectiveOn { get; internal set; }

    /// <summary>Who refused (第十七条), or why mediation failed (第二十六条).</summary>
    public string? EndReason { get; internal set; }

    /// <summary>告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利 (第二十六条).</summary>
    public string? Guidance { get; internal set; }

    public DateOnly? ConfirmationAppliedOn { get; internal set; }

    public string? ConfirmationCourt { get; internal set; }

    public string? ConfirmationReference { get; internal set; }

    public ConfirmationResult? ConfirmationResult { get; internal set; }

    public PerformanceStatus Performance { get; internal set; }

    public DateTimeOffset? PerformanceCheckedAt { get; internal set; }

    public string? PerformanceNote { get; internal set; }

    public List<MediationSession> Sessions { get; private set; } = [];
}

/// <summary>A mediation session as recorded by the mediator (调解工作记录, 第二十七条).</summary>
public sealed class MediationSession
{
    public const int MaxMinutesLength = 8000;

    private MediationSession()
    {
    }

    internal MediationSession(Guid caseId, int seq, SessionRecord r, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7(recordedAt);
        CaseId = caseId;
        Seq = seq;
        // Stored in UTC (PostgreSQL's timestamptz takes no other offset): the staff page posts China time (+08:00).
        HeldAt = r.HeldAt.ToUniversalTime();
        Mode = r.Mode;
        Place = string.IsNullOrWhiteSpace(r.Place) ? null : r.Place.Trim();
        Attendees = r.Attendees.Trim();
        Minutes = r.Minutes.Trim();
        RecordedByName = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public int Seq { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    public SessionMode Mode { get; private set; }

    public string? Place { get; private set; }

    public string Attendees { get; private set; } = "";

    public string Minutes { get; private set; } = "";

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A reminder that the judicial-confirmation window is closing: raised once per case clock (primary key), however many nodes run the job.</summary>
public sealed class MediationReminder
{
    private MediationReminder()
    {
    }

    public MediationReminder(Guid caseId, int clockSeq, DateTimeOffset raisedAt, DateOnly windowEndsOn)
    {
        CaseId = caseId;
        ClockSeq = clockSeq;
        RaisedAt = raisedAt;
        WindowEndsOn = windowEndsOn;
    }

    public Guid CaseId { get; private set; }

    public int ClockSeq { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public DateOnly WindowEndsOn { get; private set; }
}

/// <summary>Timeline entries written by the reminder job.</summary>
public static class MediationEvents
{
    public static Cases.CaseEvent Reminder(Guid caseId, DateTimeOffset at, DateOnly windowEndsOn) =>
        new(caseId, at, Cases.CaseEventKind.Alert, null, null, null, Cases.CaseActor.System,
            $"提醒：申请司法确认的期限将于{windowEndsOn:yyyy年M月d日}届满。双方当事人认为有必要的，可在期限内共同向人民法院申请司法确认（《人民调解法》第三十三条第一款）；请告知当事人。");
}
