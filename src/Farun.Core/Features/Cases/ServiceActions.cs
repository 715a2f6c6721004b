namespace Farun.Features.Cases;

/// <summary>Action names of mediation, notarization and complaints (see <see cref="CaseActions"/> for the shared ones).</summary>
public static class ServiceActions
{
    // Mediation (人民调解法)
    public const string AssignMediator = "assign-mediator";
    public const string ReassignMediator = "reassign-mediator";
    public const string RecordSession = "record-session";
    public const string PartyRefuses = "party-refuses";
    public const string RecordAgreement = "record-agreement";
    public const string RecordOralAgreement = "record-oral-agreement";
    public const string MediationFails = "mediation-fails";
    public const string ApplyConfirmation = "apply-confirmation";
    public const string CourtConfirms = "court-confirms";
    public const string CourtRejects = "court-rejects";
    public const string CheckPerformance = "check-performance";
    public const string CompletePerformance = "complete-performance";

    // Notarization (公证法)
    public const string PreReviewPass = "prereview-pass";
    public const string RequestNotaryMaterials = "request-notary-materials";
    public const string MaterialsSupplied = "materials-supplied";
    public const string AcceptNotarization = "accept-notarization";
    public const string SuspendClock = "suspend-clock";
    public const string ResumeClock = "resume-clock";
    public const string IssueCertificate = "issue-certificate";
    public const string RefuseNotarization = "refuse-notarization";
    public const string RecordVisit = "record-visit";

    // Complaints
    public const string Investigate = "investigate";
    public const string ReplyComplaint = "reply-complaint";

    public static readonly IReadOnlyList<string> Mediation =
    [
        AssignMediator, ReassignMediator, RecordSession, PartyRefuses, RecordAgreement, RecordOralAgreement, MediationFails,
        ApplyConfirmation, CourtConfirms, CourtRejects, CheckPerformance, CompletePerformance,
    ];

    public static readonly IReadOnlyList<string> Notarization =
    [
        PreReviewPass, RequestNotaryMaterials, MaterialsSupplied, AcceptNotarization, SuspendClock, ResumeClock, IssueCertificate, RefuseNotarization, RecordVisit,
    ];

    public static readonly IReadOnlyList<string> Complaint = [Investigate, ReplyComplaint];

    public static string? DisplayName(string action) => action switch
    {
        AssignMediator => "指派调解员",
        ReassignMediator => "更换调解员",
        RecordSession => "记录调解",
        PartyRefuses => "当事人拒绝调解",
        RecordAgreement => "达成调解协议书",
        RecordOralAgreement => "达成口头协议",
        MediationFails => "调解不成，终止调解",
        ApplyConfirmation => "登记申请司法确认",
        CourtConfirms => "法院确认协议有效",
        CourtRejects => "法院驳回确认申请",
        CheckPerformance => "回访履行情况",
        CompletePerformance => "协议已履行，结案",
        PreReviewPass => "材料预审通过",
        RequestNotaryMaterials => "一次性告知补正材料",
        MaterialsSupplied => "材料已补正",
        AcceptNotarization => "受理公证申请",
        SuspendClock => "中止计算期限",
        ResumeClock => "恢复计算期限",
        IssueCertificate => "出具公证书",
        RefuseNotarization => "不予办理公证",
        RecordVisit => "登记到场",
        Investigate => "开始核查",
        ReplyComplaint => "答复投诉人",
        _ => null,
    };
}

/// <summary>
/// Who may perform the mediation, notarization and complaint actions, on top of <see cref="CaseActionPolicy"/>'s
/// common checks (administrators, citizens and visibility are decided there).
/// </summary>
public static class ServiceActionPolicy
{
    /// <param name="c">The case.</param>
    /// <param name="action">The action.</param>
    /// <param name="a">The actor (staff).</param>
    /// <param name="manager">The actor is a manager.</param>
    /// <param name="handler">The actor is the case's handler.</param>
    /// <param name="caseLawyer">The actor is the case's lawyer (a stationed lawyer mediating a police referral).</param>
    /// <param name="handlesType">The actor's roles handle this case type.</param>
    /// <param name="here">The case sits at the actor's service point.</param>
    public static bool IsPermitted(Case c, string action, CaseActor a, bool manager, bool handler, bool caseLawyer, bool handlesType, bool here)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(a);
        var worker = manager || handler || caseLawyer || (handlesType && here);
        return action switch
        {
            ServiceActions.AssignMediator => manager || (handlesType && here),
            ServiceActions.ReassignMediator => manager || handler,
            _ when ServiceActions.Mediation.Contains(action) => c.Type == CaseType.Mediation && worker,
            _ when ServiceActions.Notarization.Contains(action) => c.Type == CaseType.Notarization && (manager || handler || (handlesType && here)),
            ServiceActions.Investigate => c.Type == CaseType.Complaint && (manager || handler),
            ServiceActions.ReplyComplaint => c.Type == CaseType.Complaint && (manager || handler),
            CaseActions.Close when c.Type == CaseType.Mediation => worker,
            _ => false,
        };
    }
}
