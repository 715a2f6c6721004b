namespace Farun.Features.Cases;

/// <summary>The service a case is about. Each type has its own state machine (<see cref="CaseWorkflow"/>), number prefix
/// and typed data in its own table.</summary>
public enum CaseType
{
    /// <summary>法律咨询.</summary>
    Consultation = 1,

    /// <summary>法律援助.</summary>
    LegalAid = 2,

    /// <summary>人民调解 (next issue).</summary>
    Mediation = 3,

    /// <summary>公证 (next issue).</summary>
    Notarization = 4,

    /// <summary>投诉 (next issue).</summary>
    Complaint = 5,
}

/// <summary>How the matter reached the service network.</summary>
public enum CaseChannel
{
    /// <summary>窗口来访: walk-in at a service point.</summary>
    WalkIn = 1,

    /// <summary>12348 公共法律服务热线.</summary>
    Hotline12348 = 2,

    /// <summary>网上申请: the citizen portal.</summary>
    OnlinePortal = 3,

    /// <summary>智能机器人转人工.</summary>
    RobotHandoff = 4,

    /// <summary>公调对接: referral from a police station.</summary>
    PoliceReferral = 5,

    /// <summary>诉调对接: referral from a court.</summary>
    CourtReferral = 6,

    /// <summary>访调对接: referral from the petition office.</summary>
    PetitionReferral = 7,

    /// <summary>12345 政务服务便民热线转办.</summary>
    Transfer12345 = 8,

    /// <summary>公安机关、人民检察院、人民法院通知辩护/代理 (《法律援助法》第三十五条、第三十六条).</summary>
    JudicialNotice = 9,
}

/// <summary>
/// Every state of every case type. A type uses a subset (see its <see cref="CaseWorkflow"/>); stored as text so new
/// types can add states without renumbering.
/// </summary>
public enum CaseState
{
    // Consultation
    /// <summary>待解答.</summary>
    Open = 1,

    /// <summary>已解答.</summary>
    Answered = 2,

    /// <summary>已转为其他服务事项 (linked to the new case).</summary>
    Converted = 3,

    // Legal aid
    /// <summary>已申请，待审查.</summary>
    Submitted = 10,

    /// <summary>待补充材料 (《法律援助法》第四十三条第二款).</summary>
    AwaitingMaterials = 11,

    /// <summary>准予法律援助，待指派.</summary>
    Granted = 12,

    /// <summary>不予法律援助.</summary>
    Refused = 13,

    /// <summary>异议审查中 (《法律援助法》第四十九条).</summary>
    ObjectionPending = 14,

    /// <summary>已指派，承办中.</summary>
    Assigned = 15,

    /// <summary>结案材料审查中.</summary>
    ClosurePending = 16,

    /// <summary>已撤回.</summary>
    Withdrawn = 17,

    // People's mediation (人民调解法)
    /// <summary>待调解: registered, no mediator yet.</summary>
    MediationRegistered = 20,

    /// <summary>调解中: a mediator works the dispute (sessions).</summary>
    Mediating = 21,

    /// <summary>已达成调解协议: performance is followed up (第三十一条); a written agreement's judicial-confirmation window runs (第三十三条).</summary>
    AgreementReached = 22,

    /// <summary>司法确认中: the parties jointly applied to the court (第三十三条).</summary>
    ConfirmationPending = 23,

    /// <summary>调解终止: a party refused (第十七条) or mediation failed (第二十六条).</summary>
    MediationEnded = 24,

    // Notarization (公证法)
    /// <summary>待预审: applied (online) with materials for pre-review.</summary>
    NotaryApplied = 30,

    /// <summary>待补正材料 (第二十七条第一款).</summary>
    NotaryMaterialsRequested = 31,

    /// <summary>预审通过，待受理 (the applicant comes once, to the booked slot).</summary>
    NotaryPreReviewed = 32,

    /// <summary>已受理，审查中: the 15-working-day clock of 第三十条 runs.</summary>
    NotaryUnderReview = 33,

    /// <summary>期限中止: supplementing materials, verification or force majeure (第三十条 但书, not counted).</summary>
    NotarySuspended = 34,

    /// <summary>已出具公证书 (第三十二条).</summary>
    NotaryIssued = 35,

    /// <summary>不予办理 (第三十一条).</summary>
    NotaryRefused = 36,

    // Complaints
    /// <summary>投诉已受理，待核查.</summary>
    ComplaintReceived = 40,

    /// <summary>核查中.</summary>
    ComplaintInvestigating = 41,

    // Shared end states
    /// <summary>已办结.</summary>
    Closed = 90,

    /// <summary>已转出 (to 12345, police, court, petition office or another body).</summary>
    ReferredOut = 91,
}

/// <summary>The role a person or organisation plays in a case.</summary>
public enum PartyRole
{
    /// <summary>申请人 / 咨询人 / 受援人: the person the service is for.</summary>
    Applicant = 1,

    /// <summary>对方当事人 / 被申请人.</summary>
    OpposingParty = 2,

    /// <summary>第三人.</summary>
    ThirdParty = 3,

    /// <summary>代理人 (e.g. a relative applying on the applicant's behalf).</summary>
    Agent = 4,

    /// <summary>法定代理人 / 监护人.</summary>
    Guardian = 5,
}

/// <summary>What a timeline entry records.</summary>
public enum CaseEventKind
{
    Created = 1,
    Transition = 2,
    Assignment = 3,
    Note = 4,
    Attachment = 5,
    Transfer = 6,
    Referral = 7,
    Link = 8,
    Clock = 9,
    Alert = 10,
}

/// <summary>Bodies a case can be referred out to, or in from.</summary>
public enum ExternalBody
{
    /// <summary>12345 政务服务便民热线.</summary>
    Hotline12345 = 1,

    /// <summary>公安机关（派出所）.</summary>
    Police = 2,

    /// <summary>人民法院.</summary>
    Court = 3,

    /// <summary>信访部门.</summary>
    PetitionOffice = 4,

    /// <summary>人民检察院.</summary>
    Procuratorate = 5,

    /// <summary>其他单位.</summary>
    Other = 9,
}

public enum ReferralDirection
{
    /// <summary>转入: the case came from another body.</summary>
    In = 1,

    /// <summary>转出: the case was handed to another body.</summary>
    Out = 2,
}

/// <summary>Why a clock runs. Each purpose has a statutory or configured period.</summary>
public enum ClockPurpose
{
    /// <summary>咨询答复 (configured local service standard).</summary>
    ConsultationReply = 1,

    /// <summary>法律援助申请审查 (《法律援助法》第四十三条第一款, 7 days).</summary>
    LegalAidReview = 2,

    /// <summary>申请人补充材料 (configured).</summary>
    MaterialsSupplement = 3,

    /// <summary>指派法律援助人员 (《法律援助法》第四十三条第一款, 3 days after the grant).</summary>
    LawyerAssignment = 4,

    /// <summary>指派辩护律师 after a notice from police, procuratorate or court (《法律援助法》第三十六条, 3 days).</summary>
    NoticeAssignment = 5,

    /// <summary>司法行政部门审查异议 (《法律援助法》第四十九条, 5 days).</summary>
    ObjectionDecision = 6,

    /// <summary>调解期限 (configured local standard; 《人民调解法》第二十一条 asks for timely mediation).</summary>
    MediationPeriod = 20,

    /// <summary>申请司法确认期限 (《人民调解法》第三十三条, 《民事诉讼法》第二百零五条: 30 days from the agreement's taking effect).</summary>
    JudicialConfirmationWindow = 21,

    /// <summary>出具公证书 (《公证法》第三十条: 15 working days from acceptance).</summary>
    NotarizationIssue = 30,

    /// <summary>补正公证材料 (configured).</summary>
    NotaryMaterials = 31,

    /// <summary>投诉答复 (configured, with its source).</summary>
    ComplaintReply = 40,
}

/// <summary>How a legal-aid case ended.</summary>
public enum ClosureOutcome
{
    /// <summary>胜诉.</summary>
    Won = 1,

    /// <summary>调解.</summary>
    Mediated = 2,

    /// <summary>和解.</summary>
    Settled = 3,

    /// <summary>撤诉.</summary>
    SuitWithdrawn = 4,

    /// <summary>败诉.</summary>
    Lost = 5,

    /// <summary>终止 (《法律援助法》第四十八条).</summary>
    Terminated = 6,
}

/// <summary>Queue priority; higher goes first.</summary>
public enum CasePriority
{
    Normal = 0,

    /// <summary>绿色通道 / 先行援助: handled before others.</summary>
    High = 1,
}
