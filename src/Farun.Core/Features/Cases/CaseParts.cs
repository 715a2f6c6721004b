using Farun.Common.Calendar;
using Farun.Features.Audit;

namespace Farun.Features.Cases;

/// <summary>A person or organisation in a case, with their role. The name is copied so lists need no join.</summary>
public sealed class CaseParty
{
    private CaseParty()
    {
    }

    internal CaseParty(Guid caseId, PartyRole role, Guid? personId, Guid? organisationId, string name)
    {
        if ((personId is null) == (organisationId is null))
            throw new ArgumentException("A party is either a person or an organisation.");
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Role = role;
        PersonId = personId;
        OrganisationId = organisationId;
        Name = name;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public PartyRole Role { get; private set; }

    public Guid? PersonId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public bool IsOrganisation => OrganisationId is not null;
}

/// <summary>One entry of a case's timeline: a transition, an assignment, a note, a transfer … with who and when.</summary>
public sealed class CaseEvent
{
    private CaseEvent()
    {
    }

    public static CaseEvent Alert(Guid caseId, DateTimeOffset at, DateOnly due) =>
        new(caseId, at, CaseEventKind.Alert, null, null, null, CaseActor.System, $"已超过{due:yyyy年M月d日}的办理期限（超期提醒）");

    internal CaseEvent(Guid caseId, DateTimeOffset at, CaseEventKind kind, string? action, CaseState? fromState, CaseState? toState, CaseActor actor, string? text)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        At = at;
        Kind = kind;
        Action = action;
        FromState = fromState;
        ToState = toState;
        ActorKind = actor.Kind;
        ActorId = actor.UserId;
        ActorName = actor.Name;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public string? Action { get; private set; }

    public CaseState? FromState { get; private set; }

    public CaseState? ToState { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>What happened in words: the note, the reason, the decision.</summary>
    public string? Text { get; private set; }
}

/// <summary>
/// A period running against a case (review, assignment, objection …), kept after it stops so on-time rates can be
/// reported. The case carries the current clock's due instant for queue ordering and overdue filters.
/// </summary>
public sealed class CaseClock
{
    private CaseClock()
    {
    }

    internal CaseClock(Guid caseId, int seq, ClockPurpose purpose, Deadline deadline, DateTimeOffset startedAt)
    {
        Id = Guid.CreateVersion7(startedAt);
        CaseId = caseId;
        Seq = seq;
        Purpose = purpose;
        Kind = deadline.Kind;
        Amount = deadline.Amount;
        Start = deadline.Start;
        Due = deadline.Due;
        EndsAt = deadline.EndsAt.ToUniversalTime();
        LegalBasis = deadline.LegalBasis;
        IsProvisional = deadline.IsProvisional;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>1, 2, 3 … per case; an overdue alert is raised once per (case, seq).</summary>
    public int Seq { get; private set; }

    public ClockPurpose Purpose { get; private set; }

    public DeadlineKind Kind { get; private set; }

    public int Amount { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly Due { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string LegalBasis { get; private set; } = "";

    public bool IsProvisional { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>Whether the work was done in time; null while running.</summary>
    public bool? MetOnTime { get; private set; }

    public bool IsRunning => StoppedAt is null;

    public Deadline ToDeadline() => Deadline.Restore(Kind, Amount, Start, Due, LegalBasis, IsProvisional);

    internal void Stop(DateTimeOffset at)
    {
        if (StoppedAt is not null)
            return;
        StoppedAt = at;
        MetOnTime = at < EndsAt;
    }
}

/// <summary>A link between two cases, e.g. the consultation that became a legal-aid case. Stored once, read from both ends.</summary>
public sealed class CaseLink
{
    public const string ConvertedInto = "ConvertedInto";

    private CaseLink()
    {
    }

    internal CaseLink(Guid fromCaseId, Guid toCaseId, string kind, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        FromCaseId = fromCaseId;
        ToCaseId = toCaseId;
        Kind = kind;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid FromCaseId { get; private set; }

    public Guid ToCaseId { get; private set; }

    public string Kind { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A referral in from another body (with its reference number) or out to one (with the receiver's reference number).</summary>
public sealed class CaseReferral
{
    private CaseReferral()
    {
    }

    internal CaseReferral(Guid caseId, ReferralDirection direction, ExternalBody body, string organisation, string? reference, string? reason, CaseActor actor, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7(at);
        CaseId = caseId;
        Direction = direction;
        Body = body;
        Organisation = organisation;
        Reference = reference;
        Reason = reason;
        At = at;
        ById = actor.UserId;
        ByName = actor.Name;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ReferralDirection Direction { get; private set; }

    public ExternalBody Body { get; private set; }

    /// <summary>The referring or receiving organisation, e.g. 南湖派出所.</summary>
    public string Organisation { get; private set; } = "";

    /// <summary>The other body's reference number (incident number, court case number, 12345 ticket …).</summary>
    public string? Reference { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? ById { get; private set; }

    public string ByName { get; private set; } = "";
}

/// <summary>An overdue alert: raised once per case clock (primary key case + clock sequence), whichever node gets there first.</summary>
public sealed class CaseAlert
{
    private CaseAlert()
    {
    }

    public CaseAlert(Guid caseId, int clockSeq, DateTimeOffset raisedAt, DateOnly due, Guid servicePointId, Guid? assigneeId)
    {
        CaseId = caseId;
        ClockSeq = clockSeq;
        RaisedAt = raisedAt;
        Due = due;
        ServicePointId = servicePointId;
        AssigneeId = assigneeId;
    }

    public Guid CaseId { get; private set; }

    public int ClockSeq { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public DateOnly Due { get; private set; }

    public Guid ServicePointId { get; private set; }

    public Guid? AssigneeId { get; private set; }
}

/// <summary>The last number issued per case type and year; numbers are taken with one atomic upsert.</summary>
public sealed class CaseNumberCounter
{
    private CaseNumberCounter()
    {
    }

    public CaseNumberCounter(CaseType type, int year, long last)
    {
        Type = type;
        Year = year;
        Last = last;
    }

    public CaseType Type { get; private set; }

    public int Year { get; private set; }

    public long Last { get; private set; }
}

/// <summary>Case numbers: type prefix, year, sequence, e.g. ZX-2026-000001.</summary>
public static class CaseNumbers
{
    public static string Format(CaseType type, int year, long sequence) => $"{type.NumberPrefix()}-{year:0000}-{sequence:000000}";
}
