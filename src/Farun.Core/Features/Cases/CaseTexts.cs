namespace Farun.Features.Cases;

/// <summary>Chinese names of the case enums, for screens, documents and API display fields.</summary>
public static class CaseTexts
{
    public static string DisplayName(this CaseType type) => type switch
    {
        CaseType.Consultation => "法律咨询",
        CaseType.LegalAid => "法律援助",
        CaseType.Mediation => "人民调解",
        CaseType.Notarization => "公证",
        CaseType.Complaint => "投诉",
        _ => type.ToString(),
    };

    public static string DisplayName(this CaseChannel channel) => channel switch
    {
        CaseChannel.WalkIn => "窗口来访",
        CaseChannel.Hotline12348 => "12348热线",
        CaseChannel.OnlinePortal => "网上申请",
        CaseChannel.RobotHandoff => "智能机器人转人工",
        CaseChannel.PoliceReferral => "派出所移送（公调对接）",
        CaseChannel.CourtReferral => "法院委派（诉调对接）",
        CaseChannel.PetitionReferral => "信访部门移送（访调对接）",
        CaseChannel.Transfer12345 => "12345热线转办",
        CaseChannel.JudicialNotice => "公检法机关通知",
        _ => channel.ToString(),
    };

    public static string DisplayName(this CaseState state) => state switch
    {
        CaseState.Open => "待解答",
        CaseState.Answered => "已解答",
        CaseState.Converted => "已转办理",
        CaseState.Submitted => "待审查",
        CaseState.AwaitingMaterials => "待补充材料",
        CaseState.Granted => "准予援助，待指派",
        CaseState.Refused => "不予援助",
        CaseState.ObjectionPending => "异议审查中",
        CaseState.Assigned => "承办中",
        CaseState.ClosurePending => "结案审查中",
        CaseState.Withdrawn => "已撤回",
        CaseState.MediationRegistered => "待调解",
        CaseState.Mediating => "调解中",
        CaseState.AgreementReached => "已达成协议",
        CaseState.ConfirmationPending => "司法确认中",
        CaseState.MediationEnded => "调解终止",
        CaseState.NotaryApplied => "待预审",
        CaseState.NotaryMaterialsRequested => "待补正材料",
        CaseState.NotaryPreReviewed => "预审通过待受理",
        CaseState.NotaryUnderReview => "受理审查中",
        CaseState.NotarySuspended => "期限中止",
        CaseState.NotaryIssued => "已出具公证书",
        CaseState.NotaryRefused => "不予办理",
        CaseState.ComplaintReceived => "已受理待核查",
        CaseState.ComplaintInvestigating => "核查中",
        CaseState.Closed => "已办结",
        CaseState.ReferredOut => "已转出",
        _ => state.ToString(),
    };

    public static string DisplayName(this PartyRole role) => role switch
    {
        PartyRole.Applicant => "申请人",
        PartyRole.OpposingParty => "对方当事人",
        PartyRole.ThirdParty => "第三人",
        PartyRole.Agent => "代理人",
        PartyRole.Guardian => "监护人",
        _ => role.ToString(),
    };

    public static string DisplayName(this ExternalBody body) => body switch
    {
        ExternalBody.Hotline12345 => "12345热线",
        ExternalBody.Police => "公安机关",
        ExternalBody.Court => "人民法院",
        ExternalBody.PetitionOffice => "信访部门",
        ExternalBody.Procuratorate => "人民检察院",
        ExternalBody.Other => "其他单位",
        _ => body.ToString(),
    };

    public static string DisplayName(this ClockPurpose purpose) => purpose switch
    {
        ClockPurpose.ConsultationReply => "咨询答复期限",
        ClockPurpose.LegalAidReview => "法律援助申请审查期限",
        ClockPurpose.MaterialsSupplement => "补充材料期限",
        ClockPurpose.LawyerAssignment => "指派法律援助人员期限",
        ClockPurpose.NoticeAssignment => "通知辩护指派期限",
        ClockPurpose.ObjectionDecision => "异议审查期限",
        ClockPurpose.MediationPeriod => "调解期限",
        ClockPurpose.JudicialConfirmationWindow => "申请司法确认期限",
        ClockPurpose.NotarizationIssue => "出具公证书期限",
        ClockPurpose.NotaryMaterials => "补正材料期限",
        ClockPurpose.ComplaintReply => "投诉答复期限",
        _ => purpose.ToString(),
    };

    public static string DisplayName(this ClosureOutcome outcome) => outcome switch
    {
        ClosureOutcome.Won => "胜诉",
        ClosureOutcome.Mediated => "调解",
        ClosureOutcome.Settled => "和解",
        ClosureOutcome.SuitWithdrawn => "撤诉",
        ClosureOutcome.Lost => "败诉",
        ClosureOutcome.Terminated => "终止",
        _ => outcome.ToString(),
    };

    public static string DisplayName(this CasePriority priority) => priority switch
    {
        CasePriority.High => "优先",
        _ => "普通",
    };

    /// <summary>The case-number prefix of a type: ZX-2026-000001.</summary>
    public static string NumberPrefix(this CaseType type) => type switch
    {
        CaseType.Consultation => "ZX",
        CaseType.LegalAid => "FY",
        CaseType.Mediation => "TJ",
        CaseType.Notarization => "GZ",
        CaseType.Complaint => "TS",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的服务事项类型"),
    };
}
