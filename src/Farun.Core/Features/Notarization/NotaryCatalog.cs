namespace Farun.Features.Notarization;

/// <summary>A notarization matter of the catalogue: what it is, its legal basis, the materials, the fee and whether it
/// can be done in one visit.</summary>
/// <param name="Code">Stable code used by the API.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="LegalBasis">The provision of 《公证法》 that lists it.</param>
/// <param name="Materials">Materials the applicant provides (《公证法》第二十七条: true, lawful, sufficient).</param>
/// <param name="Fee">Fee per certificate in yuan (example standard; see <see cref="NotaryCatalog.FeeSource"/>).</param>
/// <param name="OneVisit">With materials pre-reviewed online the applicant comes once (最多跑一次).</param>
/// <param name="InPersonOnly">Must be applied for by the person themselves (《公证法》第二十六条: 遗嘱、生存、收养关系).</param>
/// <param name="ScheduledEvent">Done on site at a scheduled time (保全证据、现场监督).</param>
public sealed record NotaryMatter(string Code, string Name, string LegalBasis, IReadOnlyList<string> Materials, decimal Fee, bool OneVisit, bool InPersonOnly, bool ScheduledEvent);

/// <summary>
/// The catalogue of notarization matters as data. Fees are an example standard: the real one is set by the province
/// (《公证法》第四十六条), and legal-aid applicants get reductions or waivers (第三十四条第二款).
/// </summary>
public static class NotaryCatalog
{
    public const string FeeSource = "本地公证服务收费标准（示例配置；依《公证法》第四十六条，公证费的收费标准由省、自治区、直辖市人民政府价格主管部门会同同级司法行政部门制定）";

    public const string FeeWaiverBasis = "《公证法》第三十四条第二款：对符合法律援助条件的当事人，公证机构应当按照规定减免公证费";

    private static readonly string[] IdMaterials = ["申请人身份证件"];

    public static readonly IReadOnlyList<NotaryMatter> All =
    [
        new("identity", "身份", "《公证法》第十一条第一款第七项", [.. IdMaterials, "户口簿"], 100m, true, false, false),
        new("education", "学历", "《公证法》第十一条第一款第七项", [.. IdMaterials, "毕业证书原件", "学位证书原件（如有）"], 100m, true, false, false),
        new("marital-status", "婚姻状况", "《公证法》第十一条第一款第六项", [.. IdMaterials, "户口簿", "结婚证或离婚证（如有）", "婚姻状况声明"], 100m, true, false, false),
        new("kinship", "亲属关系", "《公证法》第十一条第一款第六项", [.. IdMaterials, "户口簿", "能证明亲属关系的档案或派出所证明"], 100m, true, false, false),
        new("no-criminal-record", "无犯罪记录", "《公证法》第十一条第一款第七项", [.. IdMaterials, "公安机关出具的无犯罪记录证明"], 100m, true, false, false),
        new("inheritance", "继承", "《公证法》第十一条第一款第二项", [.. IdMaterials, "被继承人死亡证明", "亲属关系证明", "遗产权属证明", "全体继承人到场或放弃继承声明"], 800m, false, false, false),
        new("gift", "赠与", "《公证法》第十一条第一款第三项", [.. IdMaterials, "赠与财产权属证明", "赠与合同或声明书"], 300m, true, false, false),
        new("entrustment", "委托", "《公证法》第十一条第一款第三项", [.. IdMaterials, "委托事项相关权属证明", "受托人身份证件复印件"], 200m, true, false, false),
        new("declaration", "声明", "《公证法》第十一条第一款第三项", [.. IdMaterials, "声明书"], 200m, true, false, false),
        new("will", "遗嘱", "《公证法》第十一条第一款第三项；第二十六条（应当由本人办理）", [.. IdMaterials, "遗嘱涉及财产的权属证明", "遗嘱草稿（如有）"], 400m, true, true, false),
        new("evidence-preservation", "保全证据", "《公证法》第十一条第一款第九项", [.. IdMaterials, "需保全证据的说明", "与证据有关的权利证明"], 1000m, false, false, true),
        new("on-site-supervision", "现场监督", "《公证法》第十一条第一款第十一项（摇号、抽签等自愿申请的公证事项）", ["申请单位营业执照或登记证书", "经办人身份证件", "活动方案及规则（如保障房分配、入学摇号）"], 2000m, false, false, true),
        new("escrow", "提存", "《公证法》第十二条第二项", [.. IdMaterials, "提存标的及权属证明", "债权债务关系证明"], 500m, false, false, false),
    ];

    public static NotaryMatter? Find(string? code) => All.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));
}

/// <summary>Why the 15-working-day period is suspended (《公证法》第三十条 但书: not counted).</summary>
public enum SuspensionReason
{
    /// <summary>补充证明材料.</summary>
    SupplementMaterials = 1,

    /// <summary>需要核实有关情况 (第二十九条).</summary>
    Verification = 2,

    /// <summary>不可抗力.</summary>
    ForceMajeure = 3,
}

/// <summary>How the certificate reaches the applicant; collecting it in person is a visit.</summary>
public enum CertificateDelivery
{
    /// <summary>当场领取 (in the same visit as acceptance, or a new visit).</summary>
    InPerson = 1,

    /// <summary>邮寄送达.</summary>
    Mail = 2,
}

/// <summary>What a bookable slot is for.</summary>
public enum SlotKind
{
    /// <summary>窗口预约办理.</summary>
    Window = 1,

    /// <summary>上门办证 (elderly, disabled, ill applicants).</summary>
    HomeVisit = 2,

    /// <summary>现场监督或保全证据 on site (housing-allocation and school-enrolment lotteries).</summary>
    OnSite = 3,
}

public static class NotaryTexts
{
    public static string DisplayName(this SuspensionReason r) => r switch
    {
        SuspensionReason.SupplementMaterials => "补充证明材料",
        SuspensionReason.Verification => "核实有关情况",
        SuspensionReason.ForceMajeure => "不可抗力",
        _ => r.ToString(),
    };

    public static string DisplayName(this SlotKind k) => k switch
    {
        SlotKind.Window => "窗口办理",
        SlotKind.HomeVisit => "上门办证",
        SlotKind.OnSite => "现场监督/保全证据",
        _ => k.ToString(),
    };

    public static string DisplayName(this CertificateDelivery d) => d switch
    {
        CertificateDelivery.InPerson => "当场领取",
        CertificateDelivery.Mail => "邮寄送达",
        _ => d.ToString(),
    };
}
