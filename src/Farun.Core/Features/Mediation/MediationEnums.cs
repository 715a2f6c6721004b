namespace Farun.Features.Mediation;

/// <summary>Dispute types as the district's people's-mediation statistics report them.</summary>
public enum DisputeType
{
    /// <summary>婚姻家庭.</summary>
    MarriageFamily = 1,

    /// <summary>邻里.</summary>
    Neighbourhood = 2,

    /// <summary>房屋宅基地.</summary>
    HousingHomestead = 3,

    /// <summary>合同.</summary>
    Contract = 4,

    /// <summary>生产经营.</summary>
    Business = 5,

    /// <summary>损害赔偿.</summary>
    Damages = 6,

    /// <summary>劳动争议.</summary>
    Labour = 7,

    /// <summary>医疗.</summary>
    Medical = 8,

    /// <summary>物业.</summary>
    PropertyManagement = 9,

    /// <summary>交通事故.</summary>
    TrafficAccident = 10,

    /// <summary>征地拆迁.</summary>
    LandRequisition = 11,

    /// <summary>其他.</summary>
    Other = 99,
}

/// <summary>How a dispute came to the mediation committee (《人民调解法》第十七条、第十八条).</summary>
public enum MediationSource
{
    /// <summary>当事人申请 (第十七条).</summary>
    PartyApplication = 1,

    /// <summary>公调对接: a police station refers the dispute (第十八条), often to a lawyer stationed at the station.</summary>
    PoliceReferral = 2,

    /// <summary>诉调对接: a court entrusts the dispute before filing (第十八条; 《民事诉讼法》第二百零五条第一项).</summary>
    CourtReferral = 3,

    /// <summary>访调对接: the petition office refers the dispute.</summary>
    PetitionReferral = 4,

    /// <summary>人民调解委员会主动调解 (第十七条).</summary>
    CommitteeInitiative = 5,
}

/// <summary>How a mediation ended.</summary>
public enum MediationOutcome
{
    /// <summary>调解协议书 (第二十八条、第二十九条).</summary>
    WrittenAgreement = 1,

    /// <summary>口头协议 (第二十八条、第三十条).</summary>
    OralAgreement = 2,

    /// <summary>调解不成，终止调解 (第二十六条).</summary>
    Failed = 3,

    /// <summary>当事人一方明确拒绝调解，不得调解 (第十七条; 第二十三条第二项).</summary>
    PartyRefused = 4,
}

/// <summary>Where a session took place.</summary>
public enum SessionMode
{
    /// <summary>现场.</summary>
    InPerson = 1,

    /// <summary>视频.</summary>
    Video = 2,

    /// <summary>电话.</summary>
    Phone = 3,
}

/// <summary>Performance of an agreement, followed up by the committee (第三十一条第二款).</summary>
public enum PerformanceStatus
{
    /// <summary>未到履行期 / 待回访.</summary>
    Pending = 0,

    /// <summary>已全部履行.</summary>
    Performed = 1,

    /// <summary>部分履行.</summary>
    PartlyPerformed = 2,

    /// <summary>未履行.</summary>
    NotPerformed = 3,
}

/// <summary>The court's decision on a joint application for judicial confirmation (《民事诉讼法》第二百零六条).</summary>
public enum ConfirmationResult
{
    /// <summary>裁定调解协议有效.</summary>
    Confirmed = 1,

    /// <summary>裁定驳回申请.</summary>
    Rejected = 2,
}

/// <summary>The kind of people's mediation committee (《人民调解法》第八条、第三十四条).</summary>
public enum CommitteeKind
{
    /// <summary>村（居）民委员会人民调解委员会.</summary>
    Community = 1,

    /// <summary>乡镇、街道人民调解委员会 (第三十四条).</summary>
    Street = 2,

    /// <summary>企业事业单位人民调解委员会.</summary>
    Enterprise = 3,

    /// <summary>行业性、专业性人民调解委员会 (医疗、交通、物业 …; 第三十四条).</summary>
    Professional = 4,
}

public static class MediationTexts
{
    public static string DisplayName(this DisputeType t) => t switch
    {
        DisputeType.MarriageFamily => "婚姻家庭",
        DisputeType.Neighbourhood => "邻里",
        DisputeType.HousingHomestead => "房屋宅基地",
        DisputeType.Contract => "合同",
        DisputeType.Business => "生产经营",
        DisputeType.Damages => "损害赔偿",
        DisputeType.Labour => "劳动争议",
        DisputeType.Medical => "医疗",
        DisputeType.PropertyManagement => "物业",
        DisputeType.TrafficAccident => "交通事故",
        DisputeType.LandRequisition => "征地拆迁",
        DisputeType.Other => "其他",
        _ => t.ToString(),
    };

    public static string DisplayName(this MediationSource s) => s switch
    {
        MediationSource.PartyApplication => "当事人申请",
        MediationSource.PoliceReferral => "公调对接（派出所移送）",
        MediationSource.CourtReferral => "诉调对接（法院委派）",
        MediationSource.PetitionReferral => "访调对接（信访移送）",
        MediationSource.CommitteeInitiative => "人民调解委员会主动调解",
        _ => s.ToString(),
    };

    public static string DisplayName(this MediationOutcome o) => o switch
    {
        MediationOutcome.WrittenAgreement => "达成书面调解协议",
        MediationOutcome.OralAgreement => "达成口头协议",
        MediationOutcome.Failed => "调解不成",
        MediationOutcome.PartyRefused => "当事人拒绝调解",
        _ => o.ToString(),
    };

    public static string DisplayName(this SessionMode m) => m switch
    {
        SessionMode.InPerson => "现场调解",
        SessionMode.Video => "视频调解",
        SessionMode.Phone => "电话调解",
        _ => m.ToString(),
    };

    public static string DisplayName(this PerformanceStatus p) => p switch
    {
        PerformanceStatus.Pending => "待回访",
        PerformanceStatus.Performed => "已全部履行",
        PerformanceStatus.PartlyPerformed => "部分履行",
        PerformanceStatus.NotPerformed => "未履行",
        _ => p.ToString(),
    };

    public static string DisplayName(this ConfirmationResult r) => r switch
    {
        ConfirmationResult.Confirmed => "裁定调解协议有效",
        ConfirmationResult.Rejected => "裁定驳回申请",
        _ => r.ToString(),
    };

    public static string DisplayName(this CommitteeKind k) => k switch
    {
        CommitteeKind.Community => "村（居）人民调解委员会",
        CommitteeKind.Street => "街道人民调解委员会",
        CommitteeKind.Enterprise => "企事业单位人民调解委员会",
        CommitteeKind.Professional => "行业性专业性人民调解委员会",
        _ => k.ToString(),
    };

    public static bool IsAgreement(this MediationOutcome o) => o is MediationOutcome.WrittenAgreement or MediationOutcome.OralAgreement;
}
