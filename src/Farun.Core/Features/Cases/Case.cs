using Farun.Common.Calendar;
using Farun.Features.Consultations;
using Farun.Features.LegalAid;
using Farun.Features.Persons;

namespace Farun.Features.Cases;

/// <summary>
/// The case spine: one record per service matter whatever its type or channel, with parties, handler, state, clock,
/// timeline, links and referrals. Type-specific data sits in its own table (<see cref="Consultation"/>,
/// <see cref="LegalAid"/>); type-specific transitions are in the partial files <c>Case.{Type}.cs</c>. Every transition
/// checks the type's <see cref="CaseWorkflow"/> and fails with the allowed actions (<see cref="CaseRuleException"/>).
/// </summary>
public sealed partial class Case
{
    private Case()
    {
    }

    private Case(CaseType type, string number, CaseChannel channel, Guid servicePointId, CaseContext ctx, CaseState initial)
    {
        if (!CaseWorkflow.IsSupported(type))
            throw new NotSupportedException($"{type.DisplayName()}尚未开放。");
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        Id = Guid.CreateVersion7(ctx.Now);
        Type = type;
        Number = number;
        Year = ctx.Today.Year;
        Channel = channel;
        ServicePointId = servicePointId;
        State = initial;
        IsOpen = Workflow.Info(initial).IsOpen;
        CreatedAt = ctx.Now;
        UpdatedAt = ctx.Now;
        CreatedById = ctx.Actor.UserId;
        CreatedByName = ctx.Actor.Name;
        if (ctx.Actor.IsCitizen)
            CitizenAccountId = ctx.Actor.UserId;
        DueSort = NoDeadline;
        AddEvent(ctx, CaseEventKind.Created, null, null, initial, $"{channel.DisplayName()}登记{type.DisplayName()}");
    }

    /// <summary>Sort key of a case without a running clock: after every real deadline.</summary>
    public const long NoDeadline = long.MaxValue;

    public Guid Id { get; private set; }

    /// <summary>ZX-2026-000001: type prefix, year, sequence per type and year.</summary>
    public string Number { get; private set; } = "";

    public CaseType Type { get; private set; }

    public int Year { get; private set; }

    public CaseChannel Channel { get; private set; }

    /// <summary>The service point that owns the case; an unassigned case sits in this service point's queue.</summary>
    public Guid ServicePointId { get; private set; }

    public CaseState State { get; private set; }

    /// <summary>Work is pending (<see cref="StateInfo.IsOpen"/>), copied from the state for indexed queue queries.</summary>
    public bool IsOpen { get; private set; }

    public CasePriority Priority { get; private set; }

    /// <summary>The handling staff member; null while the case waits in its service point's queue. Kept when the case
    /// ends, so follow-up and ratings know who handled it.</summary>
    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>The staff account of the lawyer working the case (the assigned legal-aid lawyer; next, a stationed
    /// mediation lawyer), who sees it without belonging to its service point.</summary>
    public Guid? LawyerUserId { get; private set; }

    /// <summary>The citizen account that filed the case online, if any.</summary>
    public Guid? CitizenAccountId { get; private set; }

    /// <summary>The applicant's name, copied for lists.</summary>
    public string? ApplicantName { get; private set; }

    /// <summary>A one-line summary for lists (the question's start, the legal-aid matter …).</summary>
    public string Summary { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Sequence of the latest clock started on this case (0 = none yet).</summary>
    public int ClockSeq { get; private set; }

    /// <summary>Due date of the running clock.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>Unix seconds at which the running clock ends, or <see cref="NoDeadline"/>: one indexable sort key on both databases.</summary>
    public long DueSort { get; private set; }

    /// <summary>Optimistic concurrency: two agents acting on the same case at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsDemo { get; private set; }

    public List<CaseParty> Parties { get; private set; } = [];

    public List<CaseEvent> Events { get; private set; } = [];

    public List<CaseClock> Clocks { get; private set; } = [];

    public List<CaseReferral> Referrals { get; private set; } = [];

    public ConsultationDetails? Consultation { get; private set; }

    public LegalAidDetails? LegalAid { get; private set; }

    public CaseWorkflow Workflow => CaseWorkflow.For(Type);

    public StateInfo StateInfo => Workflow.Info(State);

    /// <summary>Whether the applicant may add supporting documents now (see <see cref="CaseWorkflow.ApplicantDocumentStates"/>).</summary>
    public bool AcceptsApplicantDocuments => Workflow.AcceptsApplicantDocuments(State);

    /// <summary>The running clock, when it was loaded.</summary>
    public CaseClock? RunningClock => Clocks.Where(c => c.IsRunning).MaxBy(c => c.Seq);

    public bool IsOverdueAt(DateTimeOffset instant) => DueSort != NoDeadline && instant.ToUnixTimeSeconds() >= DueSort;

    /// <summary>Marks generated benchmark or demo data.</summary>
    public void MarkDemo() => IsDemo = true;

    // ---- Actions and guards ----

    /// <summary>The actions the state machine and the case's data allow now, before the caller's permissions.</summary>
    public IReadOnlyList<string> AvailableActions() => [.. Workflow.ActionsIn(State).Where(Guard)];

    private bool Guard(string action) => action switch
    {
        CaseActions.Assign or CaseActions.Claim => AssigneeId is null,
        CaseActions.Reassign => AssigneeId is not null,
        CaseActions.RequestMaterials => LegalAid is { MaterialsRequestedAt: null },
        CaseActions.RaiseObjection => LegalAid is { ObjectionReceivedOn: null },
        _ => ServiceGuard(action),
    };

    /// <summary>Data guards of the mediation, notarization and complaint actions (Case.Services.cs).</summary>
    private partial bool ServiceGuard(string action);

    /// <summary>Throws <see cref="CaseRuleException"/> naming the allowed actions unless <paramref name="action"/> is allowed now.</summary>
    public void Ensure(string action)
    {
        if (!AvailableActions().Contains(action))
        {
            var allowed = AvailableActions();
            throw new CaseRuleException(
                $"案件{Number}当前状态为“{State.DisplayName()}”，不能{CaseActions.DisplayName(action)}。可执行的操作：{(allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(CaseActions.DisplayName)))}。",
                allowed);
        }
    }

    /// <summary>Performs the state change of <paramref name="action"/> (already checked with <see cref="Ensure"/> before any
    /// data changed): stops the running clock when the state changes and records the event.</summary>
    private void MoveTo(string action, CaseContext ctx, string? text)
    {
        var transition = Workflow.Find(action, State)
            ?? throw new InvalidOperationException($"{action} is not a transition from {State}.");
        var from = State;
        var to = transition.To ?? State;
        if (to != from)
        {
            StopClock(ctx);
            State = to;
            var info = Workflow.Info(to);
            IsOpen = info.IsOpen;
            ClosedAt = info.IsTerminal ? ctx.Now : null;
        }

        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Transition, action, from, to, text);
    }

    private void Touch(CaseContext ctx)
    {
        UpdatedAt = ctx.Now;
        Version++;
    }

    internal CaseEvent AddEvent(CaseContext ctx, CaseEventKind kind, string? action, CaseState? from, CaseState? to, string? text)
    {
        var e = new CaseEvent(Id, ctx.Now, kind, action, from, to, ctx.Actor, text);
        Events.Add(e);
        return e;
    }

    // ---- Clocks ----

    /// <summary>Starts a clock (stopping the running one) and makes it the case's current deadline.</summary>
    public CaseClock StartClock(CaseContext ctx, ClockPurpose purpose, Deadline deadline)
    {
        StopClock(ctx);
        ClockSeq++;
        var clock = new CaseClock(Id, ClockSeq, purpose, deadline, ctx.Now);
        Clocks.Add(clock);
        DueOn = deadline.Due;
        DueSort = deadline.EndsAt.ToUnixTimeSeconds();
        AddEvent(ctx, CaseEventKind.Clock, null, null, null,
            $"{purpose.DisplayName()}：{deadline.Due:yyyy年M月d日}前（{deadline.Amount}{(deadline.Kind == DeadlineKind.WorkingDays ? "个工作日" : "日")}，{deadline.LegalBasis}）");
        return clock;
    }

    private void StopClock(CaseContext ctx)
    {
        RunningClock?.Stop(ctx.Now);
        DueOn = null;
        DueSort = NoDeadline;
    }

    // ---- Parties ----

    public CaseParty AddParty(PartyRole role, Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Parties.Any(p => p.PersonId == person.Id && p.Role == role))
            throw new CaseFieldException("parties", $"{person.Name}已是本案{role.DisplayName()}。");
        var party = new CaseParty(Id, role, person.Id, null, person.Name);
        Parties.Add(party);
        if (role == PartyRole.Applicant && ApplicantName is null)
            ApplicantName = person.Name;
        return party;
    }

    public CaseParty AddParty(PartyRole role, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (Parties.Any(p => p.OrganisationId == organisation.Id && p.Role == role))
            throw new CaseFieldException("parties", $"{organisation.Name}已是本案{role.DisplayName()}。");
        var party = new CaseParty(Id, role, null, organisation.Id, organisation.Name);
        Parties.Add(party);
        if (role == PartyRole.Applicant && ApplicantName is null)
            ApplicantName = organisation.Name;
        return party;
    }

    /// <summary>Copies the parties of another case (conversion carries the person over).</summary>
    private void CopyPartiesFrom(Case source)
    {
        foreach (var p in source.Parties.Where(p => !Parties.Any(q => q.Role == p.Role && q.PersonId == p.PersonId && q.OrganisationId == p.OrganisationId)))
        {
            Parties.Add(new CaseParty(Id, p.Role, p.PersonId, p.OrganisationId, p.Name));
            if (p.Role == PartyRole.Applicant && ApplicantName is null)
                ApplicantName = p.Name;
        }
    }

    // ---- Shared actions: assignment, transfer, referral, notes ----

    /// <summary>Assigns the unassigned case to a staff member; <paramref name="how"/> says how they were chosen.</summary>
    public void Assign(CaseContext ctx, Guid userId, string userName, string how)
    {
        Ensure(CaseActions.Assign);
        SetAssignee(ctx, userId, userName);
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Assignment, CaseActions.Assign, null, null, $"分派给{userName}（{how}）");
    }

    /// <summary>The staff member who takes a case at intake (the agent answering the call), before any other action.</summary>
    private void AssignAtIntake(CaseContext ctx, CaseHandler handler)
    {
        SetAssignee(ctx, handler.UserId, handler.Name);
        AddEvent(ctx, CaseEventKind.Assignment, CaseActions.Assign, null, null, $"分派给{handler.Name}（{handler.How}）");
    }

    /// <summary>The acting staff member takes the case from the queue.</summary>
    public void Claim(CaseContext ctx)
    {
        Ensure(CaseActions.Claim);
        if (ctx.Actor.UserId is not { } me)
            throw new CaseFieldException("", "只有工作人员可以领取案件。");
        SetAssignee(ctx, me, ctx.Actor.Name);
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Assignment, CaseActions.Claim, null, null, $"{ctx.Actor.Name}领取");
    }

    /// <summary>Hands the case to someone else, or back to the queue when <paramref name="userId"/> is null; a reason is required.</summary>
    public void Reassign(CaseContext ctx, Guid? userId, string? userName, string reason)
    {
        Ensure(CaseActions.Reassign);
        RequireText("reason", reason, "请填写改派原因。");
        if (userId == AssigneeId)
            throw new CaseFieldException("assigneeId", "改派对象与当前承办人相同。");
        var previous = AssigneeName;
        if (userId is { } id)
            SetAssignee(ctx, id, userName ?? "");
        else
            ClearAssignee();
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Assignment, CaseActions.Reassign, null, null,
            $"由{previous}改派{(userId is null ? "回服务点待办队列" : "给" + userName)}，原因：{reason.Trim()}");
    }

    /// <summary>Moves the case to another service point's queue.</summary>
    public void Transfer(CaseContext ctx, Guid servicePointId, string servicePointName, string reason)
    {
        Ensure(CaseActions.Transfer);
        RequireText("reason", reason, "请填写移交原因。");
        if (servicePointId == ServicePointId)
            throw new CaseFieldException("servicePointId", "案件已在该服务点。");
        ServicePointId = servicePointId;
        ClearAssignee();
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Transfer, CaseActions.Transfer, null, null, $"移交{servicePointName}，原因：{reason.Trim()}");
    }

    /// <summary>Hands the case to a body outside the network (12345, police, court, petition office …).</summary>
    public CaseReferral ReferOut(CaseContext ctx, ExternalBody body, string organisation, string reference, string reason)
    {
        Ensure(CaseActions.ReferOut);
        RequireText("organisation", organisation, "请填写接收单位。");
        RequireText("reference", reference, "请填写接收单位的受理编号。");
        RequireText("reason", reason, "请填写转出原因。");
        var referral = new CaseReferral(Id, ReferralDirection.Out, body, organisation.Trim(), reference.Trim(), reason.Trim(), ctx.Actor, ctx.Now);
        Referrals.Add(referral);
        MoveTo(CaseActions.ReferOut, ctx, $"转{body.DisplayName()}（{organisation.Trim()}，编号{reference.Trim()}），原因：{reason.Trim()}");
        return referral;
    }

    /// <summary>Records where an incoming case came from; done at intake.</summary>
    public CaseReferral RecordReferralIn(CaseContext ctx, ExternalBody body, string organisation, string? reference)
    {
        RequireText("referral.organisation", organisation, "请填写移送单位。");
        var referral = new CaseReferral(Id, ReferralDirection.In, body, organisation.Trim(), string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(), null, ctx.Actor, ctx.Now);
        Referrals.Add(referral);
        AddEvent(ctx, CaseEventKind.Referral, null, null, null, $"{organisation.Trim()}移送{(referral.Reference is null ? "" : "，编号" + referral.Reference)}");
        return referral;
    }

    /// <summary>Records a supporting document added to an open case (the file itself is in the attachment store).</summary>
    public CaseEvent RecordAttachment(CaseContext ctx, string fileName)
    {
        RequireText("file", fileName, "请选择要上传的文件。");
        if (!IsOpen)
            throw new CaseRuleException($"案件{Number}当前状态为“{State.DisplayName()}”，已不能再提交材料。", AvailableActions());
        Touch(ctx);
        return AddEvent(ctx, CaseEventKind.Attachment, null, null, null, $"{ctx.Actor.Name}提交材料：{fileName.Trim()}");
    }

    public CaseEvent AddNote(CaseContext ctx, string text)
    {
        Ensure(CaseActions.Note);
        RequireText("text", text, "请填写备注内容。");
        Touch(ctx);
        return AddEvent(ctx, CaseEventKind.Note, CaseActions.Note, null, null, text.Trim());
    }

    /// <summary>Puts an open case first in the queue and records why (e.g. a danger signal seen by the legal assistant).</summary>
    public CaseEvent MarkUrgent(CaseContext ctx, string reason)
    {
        RequireText("reason", reason, "请填写紧急原因。");
        Priority = CasePriority.High;
        Touch(ctx);
        return AddEvent(ctx, CaseEventKind.Note, null, null, null, "紧急：" + reason.Trim());
    }

    private void SetAssignee(CaseContext ctx, Guid userId, string userName)
    {
        AssigneeId = userId;
        AssigneeName = userName;
        AssignedAt = ctx.Now;
    }

    private void ClearAssignee()
    {
        AssigneeId = null;
        AssigneeName = null;
        AssignedAt = null;
    }

    internal static void RequireText(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new CaseFieldException(field, message);
    }

    private static string Shorten(string text, int length)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= length ? oneLine : oneLine[..length] + "…";
    }
}
