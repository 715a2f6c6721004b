using Farun.Common.Calendar;
using Farun.Features.Identity;
using Farun.Features.Mediation;
using Farun.Features.Services;

namespace Farun.Features.Cases;

/// <summary>
/// 人民调解 (《中华人民共和国人民调解法》):
/// MediationRegistered —assign-mediator→ Mediating (第十九条); a police referral taken by the stationed lawyer starts in Mediating;
/// Mediating —record-session→ Mediating (第二十七条 records); —reassign-mediator→ Mediating;
/// MediationRegistered/Mediating —party-refuses→ MediationEnded (第十七条; 第二十三条第二项);
/// Mediating —record-agreement→ AgreementReached (第二十八条、第二十九条; the 30-day judicial-confirmation window of 第三十三条 starts);
/// Mediating —record-oral-agreement→ AgreementReached (第二十八条、第三十条); Mediating —mediation-fails→ MediationEnded (第二十六条, with guidance);
/// AgreementReached —apply-confirmation→ ConfirmationPending (第三十三条; 《民事诉讼法》第二百零五条) —court-confirms→ AgreementReached
/// | —court-rejects→ Mediating (第三十三条第三款); AgreementReached —check-performance→ AgreementReached (第三十一条第二款)
/// —complete-performance→ Closed | —close→ Closed (e.g. a party sued, 第三十二条); MediationRegistered —refer-out→ ReferredOut.
/// The applicant may upload evidence online until the mediation ends or an agreement is reached (MediationRegistered, Mediating).
/// </summary>
public sealed class MediationWorkflow : CaseWorkflow
{
    public static readonly MediationWorkflow Instance = new();

    private MediationWorkflow()
        : base(
            CaseType.Mediation,
            CaseState.MediationRegistered,
            [
                new(CaseState.MediationRegistered, IsOpen: true, IsTerminal: false),
                new(CaseState.Mediating, IsOpen: true, IsTerminal: false),
                new(CaseState.AgreementReached, IsOpen: true, IsTerminal: false),
                new(CaseState.ConfirmationPending, IsOpen: true, IsTerminal: false),
                new(CaseState.MediationEnded, IsOpen: false, IsTerminal: true),
                new(CaseState.Closed, IsOpen: false, IsTerminal: true),
                new(CaseState.ReferredOut, IsOpen: false, IsTerminal: true),
            ],
            [
                new(ServiceActions.AssignMediator, From(CaseState.MediationRegistered), CaseState.Mediating),
                new(ServiceActions.ReassignMediator, From(CaseState.Mediating), CaseState.Mediating),
                new(ServiceActions.RecordSession, From(CaseState.Mediating), CaseState.Mediating),
                new(ServiceActions.PartyRefuses, From(CaseState.MediationRegistered, CaseState.Mediating), CaseState.MediationEnded),
                new(ServiceActions.RecordAgreement, From(CaseState.Mediating), CaseState.AgreementReached),
                new(ServiceActions.RecordOralAgreement, From(CaseState.Mediating), CaseState.AgreementReached),
                new(ServiceActions.MediationFails, From(CaseState.Mediating), CaseState.MediationEnded),
                new(ServiceActions.ApplyConfirmation, From(CaseState.AgreementReached), CaseState.ConfirmationPending),
                new(ServiceActions.CourtConfirms, From(CaseState.ConfirmationPending), CaseState.AgreementReached),
                new(ServiceActions.CourtRejects, From(CaseState.ConfirmationPending), CaseState.Mediating),
                new(ServiceActions.CheckPerformance, From(CaseState.AgreementReached), CaseState.AgreementReached),
                new(ServiceActions.CompletePerformance, From(CaseState.AgreementReached), CaseState.Closed),
                new(CaseActions.Close, From(CaseState.AgreementReached), CaseState.Closed),
                new(CaseActions.ReferOut, From(CaseState.MediationRegistered), CaseState.ReferredOut),
            ],
            [Roles.Mediator],
            [CaseState.MediationRegistered, CaseState.Mediating])
    {
    }
}

/// <summary>People's mediation (人民调解) transitions; see <see cref="MediationWorkflow"/> and <see cref="MediationRules"/>.</summary>
public sealed partial class Case
{
    public MediationDetails? Mediation { get; private set; }

    /// <summary>
    /// Registers a dispute for mediation: from a party's application or the committee's initiative (第十七条), or referred by
    /// a police station, court or petition office (第十八条). The referral is recorded on the case; a police referral taken by
    /// the stationed lawyer goes straight to them. The configured mediation period starts.
    /// </summary>
    public static Case OpenMediation(CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, MediationIntake intake, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(rules);
        var i = intake;
        RequireText("mediation.description", i.Description, "请填写纠纷简要情况。");
        if (i.AmountInvolved is < 0)
            throw new CaseFieldException("mediation.amountInvolved", "涉及金额不能为负数。");
        if (!i.Committee.IsActive)
            throw new CaseFieldException("mediation.committeeId", $"{i.Committee.Name}已停用。");
        var expected = i.Source switch
        {
            MediationSource.PoliceReferral => CaseChannel.PoliceReferral,
            MediationSource.CourtReferral => CaseChannel.CourtReferral,
            MediationSource.PetitionReferral => CaseChannel.PetitionReferral,
            _ => (CaseChannel?)null,
        };
        if (expected is { } e && channel != e)
            throw new CaseFieldException("channel", $"{i.Source.DisplayName()}的来源渠道应为“{e.DisplayName()}”。");
        if (expected is null && channel is CaseChannel.PoliceReferral or CaseChannel.CourtReferral or CaseChannel.PetitionReferral)
            throw new CaseFieldException("mediation.source", $"来源渠道为“{channel.DisplayName()}”时，调解来源应为相应的移送。");
        if (i.Source == MediationSource.PoliceReferral)
        {
            if (i.Police is not { } p)
                throw new CaseFieldException("mediation.police", "公调对接须填写派出所、民警和警情编号。");
            RequireText("mediation.police.station", p.Station, "请填写移送的派出所。");
            RequireText("mediation.police.officerName", p.OfficerName, "请填写移送民警姓名。");
            RequireText("mediation.police.incidentNumber", p.IncidentNumber, "请填写警情编号。");
            if (p.StationedLawyer is { } lawyer && (!lawyer.IsStationedLawyer || !lawyer.IsActive))
                throw new CaseFieldException("mediation.police.stationedLawyerId", $"{lawyer.Name}不是在岗的派出所驻所律师。");
        }
        else if (i.Police is not null)
        {
            throw new CaseFieldException("mediation.police", "只有公调对接（派出所移送）填写派出所信息。");
        }

        if (i.Source is MediationSource.CourtReferral or MediationSource.PetitionReferral)
            RequireText("mediation.referringBody", i.ReferringBody, i.Source == MediationSource.CourtReferral ? "请填写委派调解的人民法院。" : "请填写移送的信访部门。");

        var c = new Case(CaseType.Mediation, number, channel, servicePointId, ctx, CaseState.MediationRegistered);
        c.Mediation = new MediationDetails(c.Id, i);
        c.Summary = $"{i.DisputeType.DisplayName()}纠纷：{Shorten(i.Description, 50)}";
        switch (i.Source)
        {
            case MediationSource.PoliceReferral:
                c.RecordReferralIn(ctx, ExternalBody.Police, i.Police!.Station, i.Police.IncidentNumber);
                break;
            case MediationSource.CourtReferral:
                c.RecordReferralIn(ctx, ExternalBody.Court, i.ReferringBody!, i.ReferenceNumber);
                break;
            case MediationSource.PetitionReferral:
                c.RecordReferralIn(ctx, ExternalBody.PetitionOffice, i.ReferringBody!, i.ReferenceNumber);
                break;
        }

        var period = rules.MediationPeriod;
        c.StartClock(ctx, ClockPurpose.MediationPeriod, Deadline.Compute(ctx.Calendar, period.Kind, period.Days, ctx.Today, period.Source));
        if (i.Police?.StationedLawyer is { } stationed)
            c.AssignMediator(ctx, stationed, i.Committee.Id, "公调对接，由驻所律师调解");
        return c;
    }

    /// <summary>Assigns a mediator of the case's committee from the registry (第十九条); their account becomes the handler.</summary>
    public void AssignMediator(CaseContext ctx, Mediator mediator, Guid committeeId, string? note)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        Ensure(ServiceActions.AssignMediator);
        var d = RequireMediation();
        CheckMediator(d, mediator, committeeId);
        var period = RunningClock?.ToDeadline();
        SetMediator(ctx, d, mediator);
        MoveTo(ServiceActions.AssignMediator, ctx, $"指派人民调解员{mediator.Name}{(mediator.IsStationedLawyer ? $"（{mediator.PoliceStation}驻所律师）" : "")}{(string.IsNullOrWhiteSpace(note) ? "" : "，" + note.Trim())}");
        if (period is not null)
            StartClock(ctx, ClockPurpose.MediationPeriod, period);
    }

    /// <summary>Replaces the mediator, with a reason (a party asks for another, 第二十三条第一项).</summary>
    public void ReassignMediator(CaseContext ctx, Mediator mediator, Guid committeeId, string reason)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        Ensure(ServiceActions.ReassignMediator);
        RequireText("reason", reason, "请填写更换调解员的原因。");
        var d = RequireMediation();
        if (d.MediatorId == mediator.Id)
            throw new CaseFieldException("mediatorId", "新指派的调解员与现调解员相同。");
        CheckMediator(d, mediator, committeeId);
        var previous = d.MediatorName;
        SetMediator(ctx, d, mediator);
        MoveTo(ServiceActions.ReassignMediator, ctx, $"调解员由{previous}更换为{mediator.Name}，原因：{reason.Trim()}");
    }

    /// <summary>Records a session: when, where or by video, who attended, the minutes (调解工作记录, 第二十七条).</summary>
    public MediationSession RecordSession(CaseContext ctx, SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Ensure(ServiceActions.RecordSession);
        var d = RequireMediation();
        RequireText("attendees", session.Attendees, "请填写参加调解的人员。");
        RequireText("minutes", session.Minutes, "请填写调解记录。");
        if (session.Mode == SessionMode.InPerson)
            RequireText("place", session.Place, "现场调解请填写调解地点。");
        if (session.HeldAt > ctx.Now.AddHours(1))
            throw new CaseFieldException("heldAt", "调解时间不能晚于现在。");
        if (session.HeldAt < CreatedAt.AddDays(-1))
            throw new CaseFieldException("heldAt", "调解时间不能早于纠纷登记之日。");
        d.SessionCount++;
        var s = new MediationSession(Id, d.SessionCount, session, ctx.Actor.Name, ctx.Now);
        d.Sessions.Add(s);
        MoveTo(ServiceActions.RecordSession, ctx, $"第{s.Seq}次调解（{session.Mode.DisplayName()}{(s.Place is null ? "" : "，" + s.Place)}），参加人员：{s.Attendees}");
        return s;
    }

    /// <summary>A party clearly refuses mediation: it must not go on (第十七条; 第二十三条第二项).</summary>
    public void PartyRefuses(CaseContext ctx, Guid partyId, string statement)
    {
        Ensure(ServiceActions.PartyRefuses);
        RequireText("statement", statement, "请记录当事人拒绝调解的意思表示。");
        var d = RequireMediation();
        var party = Parties.FirstOrDefault(p => p.Id == partyId && p.Role is PartyRole.Applicant or PartyRole.OpposingParty or PartyRole.ThirdParty)
            ?? throw new CaseFieldException("partyId", "请选择拒绝调解的当事人。");
        d.Outcome = MediationOutcome.PartyRefused;
        d.EndedAt = ctx.Now;
        d.EndReason = $"{party.Name}明确拒绝调解：{statement.Trim()}";
        d.Guidance = MediationRules.DefaultGuidance;
        MoveTo(ServiceActions.PartyRefuses, ctx, $"{d.EndReason}。依照{MediationRules.RefusalBasis}，终止调解");
    }

    /// <summary>A written agreement (调解协议书) with the contents of 第二十九条; it takes effect on signing and the
    /// 30-day window for joint application for judicial confirmation (第三十三条) starts from that day.</summary>
    public void RecordAgreement(CaseContext ctx, WrittenAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        Ensure(ServiceActions.RecordAgreement);
        var d = RequireMediation();
        RequireText("facts", agreement.Facts, "请填写纠纷的主要事实、争议事项以及各方当事人的责任（《人民调解法》第二十九条）。");
        RequireText("terms", agreement.Terms, "请填写当事人达成调解协议的内容（《人民调解法》第二十九条）。");
        RequireText("performanceMethod", agreement.PerformanceMethod, "请填写协议履行的方式（《人民调解法》第二十九条）。");
        CheckAgreementDate(agreement.SignedOn, "signedOn", ctx);
        if (agreement.PerformanceDueOn is { } due && due < agreement.SignedOn)
            throw new CaseFieldException("performanceDueOn", "履行期限不能早于协议签订日期。");
        if (!Parties.Any(p => p.Role == PartyRole.OpposingParty))
            throw new CaseFieldException("parties", "调解协议须有双方当事人：请先登记对方当事人。");
        d.Outcome = MediationOutcome.WrittenAgreement;
        d.EndedAt = ctx.Now;
        d.AgreementFacts = agreement.Facts.Trim();
        d.AgreementTerms = agreement.Terms.Trim();
        d.PerformanceMethod = agreement.PerformanceMethod.Trim();
        d.PerformanceDueOn = agreement.PerformanceDueOn;
        d.AgreementEffectiveOn = agreement.SignedOn;
        d.Performance = PerformanceStatus.Pending;
        MoveTo(ServiceActions.RecordAgreement, ctx, $"达成调解协议书，{agreement.SignedOn:yyyy年M月d日}签署生效（{MediationRules.WrittenAgreementBasis}）");
        StartClock(ctx, ClockPurpose.JudicialConfirmationWindow, MediationRules.ConfirmationWindow(ctx.Calendar, agreement.SignedOn));
    }

    /// <summary>An oral agreement (第二十八条): the mediator records its content; it takes effect when reached (第三十条).</summary>
    public void RecordOralAgreement(CaseContext ctx, string terms, DateOnly agreedOn, DateOnly? performanceDueOn)
    {
        Ensure(ServiceActions.RecordOralAgreement);
        RequireText("terms", terms, "请记录口头协议的内容（《人民调解法》第二十八条）。");
        CheckAgreementDate(agreedOn, "agreedOn", ctx);
        if (performanceDueOn is { } due && due < agreedOn)
            throw new CaseFieldException("performanceDueOn", "履行期限不能早于达成协议的日期。");
        var d = RequireMediation();
        d.Outcome = MediationOutcome.OralAgreement;
        d.EndedAt = ctx.Now;
        d.AgreementTerms = terms.Trim();
        d.PerformanceDueOn = performanceDueOn;
        d.AgreementEffectiveOn = agreedOn;
        d.Performance = PerformanceStatus.Pending;
        MoveTo(ServiceActions.RecordOralAgreement, ctx, $"达成口头协议，{agreedOn:yyyy年M月d日}生效（{MediationRules.OralAgreementBasis}）：{terms.Trim()}");
    }

    /// <summary>Mediation failed: it ends, and the parties are told of arbitration, administrative and judicial routes (第二十六条).</summary>
    public void MediationFails(CaseContext ctx, string reason, string? guidance)
    {
        Ensure(ServiceActions.MediationFails);
        RequireText("reason", reason, "请填写调解不成的原因。");
        var d = RequireMediation();
        d.Outcome = MediationOutcome.Failed;
        d.EndedAt = ctx.Now;
        d.EndReason = reason.Trim();
        d.Guidance = string.IsNullOrWhiteSpace(guidance) ? MediationRules.DefaultGuidance : guidance.Trim();
        MoveTo(ServiceActions.MediationFails, ctx, $"调解不成，终止调解：{reason.Trim()}。已告知当事人：{d.Guidance}");
    }

    /// <summary>The parties applied jointly to the court for judicial confirmation within the window (第三十三条; 《民事诉讼法》第二百零五条).</summary>
    public CaseReferral ApplyConfirmation(CaseContext ctx, string court, DateOnly appliedOn, string? reference)
    {
        Ensure(ServiceActions.ApplyConfirmation);
        RequireText("court", court, "请填写受理司法确认申请的人民法院。");
        var d = RequireMediation();
        if (appliedOn > ctx.Today)
            throw new CaseFieldException("appliedOn", "申请日期不能晚于今天。");
        if (d.AgreementEffectiveOn is { } effective && appliedOn < effective)
            throw new CaseFieldException("appliedOn", "申请日期不能早于调解协议生效之日。");
        var window = MediationRules.ConfirmationWindow(ctx.Calendar, d.AgreementEffectiveOn!.Value);
        if (appliedOn > window.Due)
            throw new CaseFieldException("appliedOn", $"已超过申请司法确认的期限（{window.Due:yyyy年M月d日}届满，{MediationRules.ConfirmationWindowBasis}）。");
        d.ConfirmationAppliedOn = appliedOn;
        d.ConfirmationCourt = court.Trim();
        d.ConfirmationReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        var referral = new CaseReferral(Id, ReferralDirection.Out, ExternalBody.Court, court.Trim(), d.ConfirmationReference, "双方当事人共同申请司法确认（《人民调解法》第三十三条）", ctx.Actor, ctx.Now);
        Referrals.Add(referral);
        MoveTo(ServiceActions.ApplyConfirmation, ctx, $"双方当事人于{appliedOn:yyyy年M月d日}共同向{court.Trim()}申请司法确认{(d.ConfirmationReference is null ? "" : "，案号" + d.ConfirmationReference)}");
        return referral;
    }

    /// <summary>The court confirmed the agreement (《民事诉讼法》第二百零六条): on non-performance the other party may apply for enforcement.</summary>
    public void CourtConfirms(CaseContext ctx, string? reference)
    {
        Ensure(ServiceActions.CourtConfirms);
        var d = RequireMediation();
        d.ConfirmationResult = ConfirmationResult.Confirmed;
        if (!string.IsNullOrWhiteSpace(reference))
            d.ConfirmationReference = reference.Trim();
        MoveTo(ServiceActions.CourtConfirms, ctx, $"人民法院裁定调解协议有效{(d.ConfirmationReference is null ? "" : "（" + d.ConfirmationReference + "）")}；一方拒绝履行的，对方可申请强制执行（《人民调解法》第三十三条第二款）");
    }

    /// <summary>The court rejected the application: the parties may change the agreement through mediation (第三十三条第三款); mediation resumes.</summary>
    public void CourtRejects(CaseContext ctx, string reason, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Ensure(ServiceActions.CourtRejects);
        RequireText("reason", reason, "请填写法院驳回申请的理由。");
        var d = RequireMediation();
        d.ConfirmationResult = ConfirmationResult.Rejected;
        d.Outcome = null;
        d.EndedAt = null;
        d.Guidance = MediationRules.RejectedConfirmationGuidance;
        MoveTo(ServiceActions.CourtRejects, ctx, $"人民法院裁定驳回司法确认申请：{reason.Trim()}。{MediationRules.RejectedConfirmationGuidance}；恢复调解");
        var period = rules.MediationPeriod;
        StartClock(ctx, ClockPurpose.MediationPeriod, Deadline.Compute(ctx.Calendar, period.Kind, period.Days, ctx.Today, period.Source));
    }

    /// <summary>Follows up the performance of the agreement (第三十一条第二款), short of full performance.</summary>
    public void CheckPerformance(CaseContext ctx, PerformanceStatus status, string note)
    {
        Ensure(ServiceActions.CheckPerformance);
        RequireText("note", note, "请填写回访情况。");
        if (status == PerformanceStatus.Performed)
            throw new CaseFieldException("status", "协议已全部履行的，请选择“协议已履行，结案”。");
        var d = RequireMediation();
        d.Performance = status;
        d.PerformanceCheckedAt = ctx.Now;
        d.PerformanceNote = note.Trim();
        MoveTo(ServiceActions.CheckPerformance, ctx, $"回访履行情况：{status.DisplayName()}，{note.Trim()}{(status == PerformanceStatus.NotPerformed ? "。" + MediationRules.NonPerformanceGuidance : "")}");
    }

    /// <summary>The agreement has been performed in full: the case closes.</summary>
    public void CompletePerformance(CaseContext ctx, string? note)
    {
        Ensure(ServiceActions.CompletePerformance);
        var d = RequireMediation();
        d.Performance = PerformanceStatus.Performed;
        d.PerformanceCheckedAt = ctx.Now;
        d.PerformanceNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        MoveTo(ServiceActions.CompletePerformance, ctx, $"调解协议已全部履行{(d.PerformanceNote is null ? "" : "：" + d.PerformanceNote)}（{MediationRules.PerformanceBasis}）");
    }

    /// <summary>
    /// The judicial-confirmation window passed without an application: the window clock stops (it was an option of the
    /// parties, not overdue work) and performance follow-up goes on. Done by the reminder job; false when nothing to do.
    /// </summary>
    public bool LapseConfirmationWindow(CaseContext ctx)
    {
        if (State != CaseState.AgreementReached || RunningClock is not { Purpose: ClockPurpose.JudicialConfirmationWindow } clock || ctx.Now < clock.EndsAt)
            return false;
        StopClock(ctx);
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Clock, null, null, null, $"申请司法确认的期限已于{clock.Due:yyyy年M月d日}届满，当事人未申请；继续督促履行（《人民调解法》第三十一条第二款）");
        return true;
    }

    private bool MediationGuard(string action) => action switch
    {
        // Recording the mediation comes first (第二十七条): an outcome needs at least one recorded session.
        ServiceActions.RecordAgreement or ServiceActions.RecordOralAgreement or ServiceActions.MediationFails => Mediation is { SessionCount: > 0 },
        ServiceActions.ApplyConfirmation => Mediation is { Outcome: MediationOutcome.WrittenAgreement, ConfirmationAppliedOn: null },
        _ => true,
    };

    private MediationDetails RequireMediation() => Mediation ?? throw new InvalidOperationException("The mediation data was not loaded.");

    private void CheckMediator(MediationDetails d, Mediator mediator, Guid committeeId)
    {
        if (!mediator.IsActive)
            throw new CaseFieldException("mediatorId", $"{mediator.Name}已不在调解员名册中。");
        if (committeeId != d.CommitteeId && !mediator.IsStationedLawyer)
            throw new CaseFieldException("mediatorId", $"{mediator.Name}不属于{d.CommitteeName}。");
    }

    private void SetMediator(CaseContext ctx, MediationDetails d, Mediator mediator)
    {
        d.MediatorId = mediator.Id;
        d.MediatorName = mediator.Name;
        d.MediatorAssignedAt = ctx.Now;
        if (mediator.UserId is { } user)
        {
            if (AssigneeId != user)
            {
                SetAssignee(ctx, user, mediator.Name);
                AddEvent(ctx, CaseEventKind.Assignment, null, null, null, $"由调解员{mediator.Name}承办");
            }

            if (mediator.IsStationedLawyer)
                LawyerUserId = user;
        }
    }

    private void CheckAgreementDate(DateOnly date, string field, CaseContext ctx)
    {
        if (date > ctx.Today)
            throw new CaseFieldException(field, "协议日期不能晚于今天。");
        if (date < ChinaTime.DateOf(CreatedAt))
            throw new CaseFieldException(field, "协议日期不能早于纠纷登记之日。");
    }
}
