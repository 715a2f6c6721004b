using Farun.Common.Calendar;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;

namespace Farun.Features.Cases;

/// <summary>The lawyer chosen for a legal-aid case, with the result of the conflict check.</summary>
/// <param name="Lawyer">The lawyer.</param>
/// <param name="Firm">The lawyer's firm.</param>
/// <param name="Conflicts">What <see cref="ConflictCheck.Find"/> found for this case's opposing parties.</param>
/// <param name="OverrideReason">Why possible (never definite) conflicts are accepted.</param>
public sealed record LawyerChoice(Lawyer Lawyer, LawFirm Firm, IReadOnlyList<ConflictHit> Conflicts, string? OverrideReason);

/// <summary>Legal-aid (法律援助) transitions; see <see cref="LegalAidWorkflow"/> and <see cref="LegalAidRules"/>.</summary>
public sealed partial class Case
{
    /// <summary>
    /// Opens a legal-aid case from an application (review clock, 第四十三条) or, for notified defence, from the notice
    /// (granted at once, 3-day assignment clock, 第三十六条). Green-channel and urgent matters go first.
    /// </summary>
    public static Case OpenLegalAid(CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, LegalAidApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var a = application;
        RequireText("legalAid.description", a.Description, "请填写案情及申请事项。");
        if (a.ReceivedOn > ctx.Today)
            throw new CaseFieldException("legalAid.receivedOn", "收到申请的日期不能晚于今天。");
        if (a.ReceivedOn < ctx.Today.AddDays(-90))
            throw new CaseFieldException("legalAid.receivedOn", "收到申请的日期不能早于90天前，请核对。");
        if (a.Matter == LegalAidMatter.CriminalDefenceNotice)
        {
            if (a.Notice is not { } n)
                throw new CaseFieldException("legalAid.notice", "通知辩护须填写公安机关、人民检察院或人民法院的通知。");
            RequireText("legalAid.notice.authorityName", n.AuthorityName, "请填写通知机关名称。");
            RequireText("legalAid.notice.noticeNumber", n.NoticeNumber, "请填写通知文书编号。");
            if (n.Authority is not (ExternalBody.Police or ExternalBody.Procuratorate or ExternalBody.Court))
                throw new CaseFieldException("legalAid.notice.authority", "通知机关只能是公安机关、人民检察院或人民法院。");
            if (n.ReceivedOn > ctx.Today)
                throw new CaseFieldException("legalAid.notice.receivedOn", "收到通知的日期不能晚于今天。");
        }
        else if (a.Notice is not null)
        {
            throw new CaseFieldException("legalAid.notice", "只有通知辩护才填写通知机关的通知。");
        }

        var (test, basis) = LegalAidRules.MeansTestFor(a.Matter, a.ApplicantGroups, a.NoFixedIncome);
        if (test == MeansTest.Commitment && !a.HardshipCommitment)
            throw new CaseFieldException("legalAid.hardshipCommitment", "申请人须如实说明经济困难状况并作出个人诚信承诺（《法律援助法》第四十一条）。");
        var green = LegalAidRules.QualifiesForGreenChannel(ctx.Rules.GreenChannel, a.Matter, a.ApplicantGroups);

        var notified = a.Matter == LegalAidMatter.CriminalDefenceNotice;
        var c = new Case(CaseType.LegalAid, number, channel, servicePointId, ctx, notified ? CaseState.Granted : CaseState.Submitted);
        c.LegalAid = new LegalAidDetails(c.Id, a, test, basis, green, green ? ctx.Rules.GreenChannel.Source : null);
        c.Summary = $"{a.Matter.DisplayName()}：{Shorten(a.Description, 50)}";
        var urgent = LegalAidRules.IsUrgent(a.LimitationDate, ctx.Today);
        c.Priority = green || urgent || notified ? CasePriority.High : CasePriority.Normal;
        if (green)
            c.AddEvent(ctx, CaseEventKind.Note, null, null, null, "农民工欠薪绿色通道：优先审查、优先指派，免予经济困难审查");
        if (urgent)
            c.AddEvent(ctx, CaseEventKind.Note, null, null, null, $"距时效或期限届满（{a.LimitationDate:yyyy年M月d日}）不足七日，可先行提供法律援助（《法律援助法》第四十四条）");
        if (notified)
        {
            c.LegalAid.DecidedAt = ctx.Now;
            c.LegalAid.DecidedByName = ctx.Actor.Name;
            c.LegalAid.DecisionNote = $"{a.Notice!.AuthorityName}通知辩护（{a.Notice.Reason.DisplayName()}）";
            c.StartClock(ctx, ClockPurpose.NoticeAssignment, LegalAidRules.NoticeAssignment(ctx.Calendar, a.Notice.ReceivedOn));
        }
        else
        {
            c.StartClock(ctx, ClockPurpose.LegalAidReview, LegalAidRules.Review(ctx.Calendar, a.ReceivedOn, green ? ctx.Rules.GreenChannel : null));
        }

        return c;
    }

    /// <summary>Whether the limitation date is close enough for prior aid (第四十四条第一项).</summary>
    public bool IsUrgentOn(DateOnly today) => LegalAid is { } d && LegalAidRules.IsUrgent(d.LimitationDate, today);

    /// <summary>第四十三条第二款: one notice of everything missing; the review clock stops, the supplement clock starts.</summary>
    public void RequestMaterials(CaseContext ctx, string missing)
    {
        Ensure(CaseActions.RequestMaterials);
        RequireText("missing", missing, "请一次性列明需要补充的全部材料。");
        var d = RequireLegalAid();
        d.MaterialsRequested = missing.Trim();
        d.MaterialsRequestedAt = ctx.Now;
        MoveTo(CaseActions.RequestMaterials, ctx, $"一次性告知补充材料：{missing.Trim()}");
        var period = ctx.Rules.MaterialsSupplement;
        StartClock(ctx, ClockPurpose.MaterialsSupplement, Deadline.Compute(ctx.Calendar, period.Kind, period.Days, ctx.Today, period.Source));
    }

    /// <summary>The materials are complete: the 7-day review starts again from today. The Act counts from receipt of the
    /// application; counting from completion follows the common local rule that an incomplete application is not yet
    /// reviewable (第四十三条第二款), and never shortens the applicant's wait below the statutory 7 days.</summary>
    public void Supplement(CaseContext ctx, string? note)
    {
        Ensure(CaseActions.Supplement);
        var d = RequireLegalAid();
        d.MaterialsCompletedAt = ctx.Now;
        MoveTo(CaseActions.Supplement, ctx, string.IsNullOrWhiteSpace(note) ? "申请人已补齐材料" : $"申请人已补齐材料：{note.Trim()}");
        StartClock(ctx, ClockPurpose.LegalAidReview, LegalAidRules.Review(ctx.Calendar, ctx.Today, d.GreenChannel ? ctx.Rules.GreenChannel : null));
    }

    /// <summary>准予法律援助 (第四十三条): the 3-day assignment clock starts.</summary>
    public void Grant(CaseContext ctx, string? note)
    {
        Ensure(CaseActions.Grant);
        var d = RequireLegalAid();
        Decide(d, ctx, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        MoveTo(CaseActions.Grant, ctx, string.IsNullOrWhiteSpace(note) ? "决定给予法律援助" : $"决定给予法律援助：{note.Trim()}");
        StartClock(ctx, ClockPurpose.LawyerAssignment, LegalAidRules.Assignment(ctx.Calendar, ctx.Today));
    }

    /// <summary>不予法律援助 (第四十三条): in writing, with reasons; the applicant may object (第四十九条).</summary>
    public void Refuse(CaseContext ctx, string reasons)
    {
        Ensure(CaseActions.Refuse);
        RequireText("reasons", reasons, "不予法律援助须书面说明理由（《法律援助法》第四十三条）。");
        var d = RequireLegalAid();
        Decide(d, ctx, null);
        d.RefusalReasons = reasons.Trim();
        MoveTo(CaseActions.Refuse, ctx, $"决定不予法律援助，理由：{reasons.Trim()}");
    }

    /// <summary>先行提供法律援助 (第四十四条): the applicant completes the formalities later; the case goes first.</summary>
    public void GrantPriorAid(CaseContext ctx, string reason)
    {
        Ensure(CaseActions.GrantPriorAid);
        RequireText("reason", reason, "请说明先行提供法律援助的理由（《法律援助法》第四十四条）。");
        var d = RequireLegalAid();
        Decide(d, ctx, reason.Trim());
        d.PriorAid = true;
        d.PriorAidReason = reason.Trim();
        Priority = CasePriority.High;
        MoveTo(CaseActions.GrantPriorAid, ctx, $"先行提供法律援助，理由：{reason.Trim()}；受援人应及时补办手续、补充材料");
        StartClock(ctx, ClockPurpose.LawyerAssignment, LegalAidRules.Assignment(ctx.Calendar, ctx.Today));
    }

    /// <summary>The applicant objects to the refusal (第四十九条): the justice bureau decides within 5 days of receipt.</summary>
    public void RaiseObjection(CaseContext ctx, DateOnly receivedOn, string text)
    {
        Ensure(CaseActions.RaiseObjection);
        RequireText("text", text, "请填写异议内容。");
        var d = RequireLegalAid();
        if (receivedOn > ctx.Today)
            throw new CaseFieldException("receivedOn", "收到异议的日期不能晚于今天。");
        if (d.DecidedAt is { } decided && receivedOn < ChinaTime.DateOf(decided))
            throw new CaseFieldException("receivedOn", "收到异议的日期不能早于不予援助决定的日期。");
        d.ObjectionReceivedOn = receivedOn;
        d.ObjectionText = text.Trim();
        MoveTo(CaseActions.RaiseObjection, ctx, $"申请人对不予援助决定提出异议：{text.Trim()}");
        StartClock(ctx, ClockPurpose.ObjectionDecision, LegalAidRules.Objection(ctx.Calendar, receivedOn));
    }

    /// <summary>The justice bureau upholds the refusal (第四十九条).</summary>
    public void UpholdRefusal(CaseContext ctx, string reasons)
    {
        Ensure(CaseActions.UpholdRefusal);
        RequireText("reasons", reasons, "请填写维持决定的理由。");
        var d = RequireLegalAid();
        d.ObjectionUpheld = true;
        d.ObjectionDecisionReasons = reasons.Trim();
        MoveTo(CaseActions.UpholdRefusal, ctx, $"司法行政部门维持不予法律援助决定：{reasons.Trim()}");
    }

    /// <summary>The justice bureau orders the institution to correct its refusal (第四十九条): aid is granted and the
    /// 3-day assignment clock starts.</summary>
    public void OrderCorrection(CaseContext ctx, string reasons)
    {
        Ensure(CaseActions.OrderCorrection);
        RequireText("reasons", reasons, "请填写责令改正的理由。");
        var d = RequireLegalAid();
        d.ObjectionUpheld = false;
        d.ObjectionDecisionReasons = reasons.Trim();
        d.DecidedAt = ctx.Now;
        d.DecidedByName = ctx.Actor.Name;
        MoveTo(CaseActions.OrderCorrection, ctx, $"司法行政部门责令改正，给予法律援助：{reasons.Trim()}");
        StartClock(ctx, ClockPurpose.LawyerAssignment, LegalAidRules.Assignment(ctx.Calendar, ctx.Today));
    }

    /// <summary>Assigns a lawyer (第四十三条: within 3 days of the grant). Definite conflicts refuse; possible ones need a reason.</summary>
    public void AssignLawyer(CaseContext ctx, LawyerChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        Ensure(CaseActions.AssignLawyer);
        var d = RequireLegalAid();
        CheckLawyer(ctx, d, choice);
        SetLawyer(ctx, d, choice);
        MoveTo(CaseActions.AssignLawyer, ctx, $"指派{choice.Firm.Name}{choice.Lawyer.Name}律师承办{ConflictNote(choice)}");
    }

    /// <summary>Replaces the assigned lawyer, with a reason (e.g. the client asks for another lawyer with good cause).</summary>
    public void ReassignLawyer(CaseContext ctx, LawyerChoice choice, string reason)
    {
        ArgumentNullException.ThrowIfNull(choice);
        Ensure(CaseActions.ReassignLawyer);
        RequireText("reason", reason, "请填写更换律师的原因。");
        var d = RequireLegalAid();
        if (d.LawyerId == choice.Lawyer.Id)
            throw new CaseFieldException("lawyerId", "新指派的律师与现承办律师相同。");
        CheckLawyer(ctx, d, choice);
        var previous = d.LawyerName;
        SetLawyer(ctx, d, choice);
        MoveTo(CaseActions.ReassignLawyer, ctx, $"由{previous}律师更换为{choice.Firm.Name}{choice.Lawyer.Name}律师，原因：{reason.Trim()}{ConflictNote(choice)}");
    }

    /// <summary>The lawyer reports the case finished, with its outcome and stage; the institution reviews it.</summary>
    public void SubmitClosure(CaseContext ctx, ClosureOutcome outcome, LegalAidStage stage, string summary)
    {
        Ensure(CaseActions.SubmitClosure);
        RequireText("summary", summary, outcome == ClosureOutcome.Terminated
            ? "终止法律援助须说明《法律援助法》第四十八条规定的情形。"
            : "请填写结案情况。");
        var d = RequireLegalAid();
        if (!Enum.IsDefined(outcome))
            throw new CaseFieldException("outcome", "未知的结案方式。");
        // Fails early (as a field error on the stage) when the subsidy standard has no rate for this stage.
        ctx.Rules.Subsidy.Compute(d.Matter.Category(), stage, outcome);
        d.Outcome = outcome;
        d.Stage = stage;
        d.ClosureSummary = summary.Trim();
        d.ClosureSubmittedAt = ctx.Now;
        MoveTo(CaseActions.SubmitClosure, ctx, $"提交结案（{outcome.DisplayName()}，{stage.DisplayName()}阶段）：{summary.Trim()}");
    }

    public void ReturnClosure(CaseContext ctx, string reason)
    {
        Ensure(CaseActions.ReturnClosure);
        RequireText("reason", reason, "请说明退回补正的原因。");
        MoveTo(CaseActions.ReturnClosure, ctx, $"结案材料退回补正：{reason.Trim()}");
    }

    /// <summary>Closes the case: quality score from the configured criteria, subsidy from the configured standard.</summary>
    public void ApproveClosure(CaseContext ctx, IReadOnlyDictionary<string, int> scores, string? note)
    {
        Ensure(CaseActions.ApproveClosure);
        var d = RequireLegalAid();
        var score = ctx.Rules.Quality.Score(scores);
        var subsidy = ctx.Rules.Subsidy.Compute(d.Matter.Category(), d.Stage!.Value, d.Outcome!.Value);
        d.QualityScore = score;
        d.QualityBreakdown = string.Join(';', ctx.Rules.Quality.Criteria.Select(c => $"{c.Key}={scores[c.Key]}"));
        d.FinalQualityScore = score;
        d.Subsidy = subsidy;
        d.SubsidySource = ctx.Rules.Subsidy.Source;
        MoveTo(CaseActions.ApproveClosure, ctx, $"结案审查通过：质量评分{score}分，补贴{subsidy:0.00}元{(string.IsNullOrWhiteSpace(note) ? "" : "；" + note.Trim())}");
    }

    /// <summary>Feeds a third-party quality review's score into the legal-aid quality score (the configured weighting).</summary>
    public void RecordQualityReview(CaseContext ctx, int reviewScore, decimal weight, string weightSource)
    {
        var d = RequireLegalAid();
        if (weight is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(weight), "The review weight is a share between 0 and 1.");
        d.ReviewScore = reviewScore;
        d.FinalQualityScore = d.QualityScore is { } closure
            ? (int)Math.Round(closure * (1 - weight) + reviewScore * weight, MidpointRounding.AwayFromZero)
            : reviewScore;
        Touch(ctx);
        AddEvent(ctx, CaseEventKind.Note, null, null, null,
            $"第三方质量评查{reviewScore}分，案件质量得分{d.FinalQualityScore}分（{weightSource}）");
    }

    public void Withdraw(CaseContext ctx, string reason)
    {
        Ensure(CaseActions.Withdraw);
        RequireText("reason", reason, "请填写撤回原因（如申请人撤回，或未按要求补充材料视为撤回）。");
        MoveTo(CaseActions.Withdraw, ctx, $"申请撤回：{reason.Trim()}");
    }

    private LegalAidDetails RequireLegalAid() =>
        LegalAid ?? throw new InvalidOperationException($"Case {Number} has no legal-aid data loaded.");

    private static void Decide(LegalAidDetails d, CaseContext ctx, string? note)
    {
        d.DecidedAt = ctx.Now;
        d.DecidedByName = ctx.Actor.Name;
        d.DecisionNote = note;
    }

    private static void CheckLawyer(CaseContext ctx, LegalAidDetails d, LawyerChoice choice)
    {
        if (!choice.Lawyer.IsActive)
            throw new CaseFieldException("lawyerId", $"{choice.Lawyer.Name}律师已停止承办法律援助案件。");
        if (choice.Lawyer.FirmId != choice.Firm.Id)
            throw new ArgumentException("The firm is not the lawyer's firm.", nameof(choice));
        if (LegalAidRules.NeedsExperiencedLawyer(d.NoticeReason) && choice.Lawyer.YearsOfPractice(ctx.Today) < LegalAidRules.ExperiencedLawyerYears)
            throw new CaseFieldException("lawyerId", $"可能判处无期徒刑、死刑的案件和死刑复核案件，应指派具有三年以上相关执业经历的律师（《法律援助法》第二十六条）；{choice.Lawyer.Name}律师执业{choice.Lawyer.YearsOfPractice(ctx.Today)}年。");
        var definite = choice.Conflicts.Where(c => c.Strength == ConflictStrength.Definite).ToList();
        if (definite.Count > 0)
            throw new CaseFieldException("lawyerId", "存在利益冲突，不能指派：" + string.Join("；", definite.Select(c => c.Reason)));
        if (choice.Conflicts.Count > 0 && string.IsNullOrWhiteSpace(choice.OverrideReason))
            throw new CaseFieldException("conflictOverrideReason", "可能存在利益冲突：" + string.Join("；", choice.Conflicts.Select(c => c.Reason)) + "。确认无冲突的，请说明理由。");
    }

    private void SetLawyer(CaseContext ctx, LegalAidDetails d, LawyerChoice choice)
    {
        d.LawyerId = choice.Lawyer.Id;
        d.LawyerName = choice.Lawyer.Name;
        LawyerUserId = choice.Lawyer.UserId;
        d.LawFirmId = choice.Firm.Id;
        d.LawFirmName = choice.Firm.Name;
        d.LawyerAssignedAt = ctx.Now;
        d.ConflictOverrideReason = choice.Conflicts.Count > 0 ? choice.OverrideReason?.Trim() : null;
    }

    private static string ConflictNote(LawyerChoice choice) =>
        choice.Conflicts.Count > 0 ? $"（利益冲突提示已核实：{choice.OverrideReason?.Trim()}）" : "";
}
