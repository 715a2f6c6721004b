namespace Farun.Web.Features.Guides.Engine;

/// <summary>The kinds of online application a guide outcome can end with.</summary>
public enum ApplicationKind
{
    /// <summary>法律援助申请 (《法律援助法》第三十一条、第三十二条).</summary>
    LegalAid,

    /// <summary>人民调解申请 (《人民调解法》第十七条).</summary>
    Mediation,

    /// <summary>公证预约 (《公证法》第十一条).</summary>
    Notarization,
}

public enum FieldType
{
    Text,
    Money,
    Date,
    Bool,

    /// <summary>One of a fixed set of codes (<see cref="FieldSpec.Allowed"/>).</summary>
    Code,
}

/// <summary>A field of an application form: its name in the guide, label for the citizen, type, and allowed codes.</summary>
public sealed record FieldSpec(string Name, string Label, FieldType Type, bool Required, IReadOnlyDictionary<string, string>? Allowed = null)
{
    public GuideType GuideType => Type switch
    {
        FieldType.Money => GuideType.Money,
        FieldType.Date => GuideType.Date,
        FieldType.Bool => GuideType.Bool,
        _ => GuideType.Text,
    };

    public string Display(object? value) => value switch
    {
        null => "",
        string code when Type == FieldType.Code && Allowed is not null => Allowed.GetValueOrDefault(code, code),
        _ => GuideFormat.Value(value, GuideType),
    };
}

/// <summary>The application a guide can pre-fill, and the fields it takes. The validator checks every guide's
/// mapping from answers to these fields; the application sink receives the values with these names.</summary>
public sealed record ApplicationForm(ApplicationKind Kind, string Code, string Name, IReadOnlyList<FieldSpec> Fields)
{
    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

public static class ApplicationForms
{
    /// <summary>Matters of 《法律援助法》第三十一条 (and criminal matters under 第二十四条、第二十九条), the codes an application carries.</summary>
    public static readonly IReadOnlyDictionary<string, string> LegalAidMatters = new Dictionary<string, string>
    {
        ["state_compensation"] = "依法请求国家赔偿（第三十一条第一项）",
        ["social_insurance"] = "请求给予社会保险待遇或者社会救助（第三十一条第二项）",
        ["pension"] = "请求发给抚恤金（第三十一条第三项）",
        ["support"] = "请求给付赡养费、抚养费、扶养费（第三十一条第四项）",
        ["labour_relation"] = "请求确认劳动关系（第三十一条第五项）",
        ["labour_remuneration"] = "请求支付劳动报酬（第三十一条第五项）",
        ["capacity"] = "请求认定公民无民事行为能力或者限制民事行为能力（第三十一条第六项）",
        ["work_injury"] = "请求工伤事故人身损害赔偿（第三十一条第七项）",
        ["accident_injury"] = "请求交通事故、食品药品安全事故、医疗事故人身损害赔偿（第三十一条第七项）",
        ["environment"] = "请求环境污染、生态破坏损害赔偿（第三十一条第八项）",
        ["criminal_defence"] = "刑事辩护（犯罪嫌疑人、被告人申请，第二十四条）",
        ["criminal_victim"] = "刑事案件被害人、自诉人、附带民事诉讼原告人的代理（第二十九条）",
        ["other"] = "其他事项（第三十一条第九项、第三十二条等）",
    };

    /// <summary>Why no means test applies: 《法律援助法》第三十二条 (matters) and 第四十二条 (persons exempt from the check).</summary>
    public static readonly IReadOnlyDictionary<string, string> MeansTestExemptions = new Dictionary<string, string>
    {
        ["none"] = "不适用（按经济困难条件审查）",
        ["hero"] = "英雄烈士近亲属维护英雄烈士人格权益（第三十二条第一项）",
        ["good_samaritan"] = "因见义勇为行为主张相关民事权益（第三十二条第二项）",
        ["retrial_acquittal"] = "再审改判无罪请求国家赔偿（第三十二条第三项）",
        ["abuse_victim"] = "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益（第三十二条第四项）",
        ["special_group"] = "无固定生活来源的未成年人、老年人、残疾人等特定群体（第四十二条第一项，免予核查）",
        ["assistance_recipient"] = "社会救助、司法救助或者优抚对象（第四十二条第二项，免予核查）",
        ["migrant_worker"] = "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员（第四十二条第三项，免予核查）",
    };

    /// <summary>Dispute types of people's mediation as the district reports them.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisputeTypes = new Dictionary<string, string>
    {
        ["family"] = "婚姻家庭",
        ["neighbour"] = "邻里",
        ["property_land"] = "房屋宅基地",
        ["contract"] = "合同",
        ["business"] = "生产经营",
        ["damages"] = "损害赔偿",
        ["labour"] = "劳动争议",
        ["medical"] = "医疗",
        ["property_management"] = "物业",
        ["traffic"] = "交通事故",
        ["land_acquisition"] = "征地拆迁",
        ["other"] = "其他",
    };

    /// <summary>Notarization matters of the catalogue (《公证法》第十一条).</summary>
    public static readonly IReadOnlyDictionary<string, string> NotarialMatters = new Dictionary<string, string>
    {
        ["identity"] = "身份",
        ["education"] = "学历",
        ["marital_status"] = "婚姻状况",
        ["kinship"] = "亲属关系",
        ["no_criminal_record"] = "无犯罪记录",
        ["inheritance"] = "继承",
        ["gift"] = "赠与",
        ["power_of_attorney"] = "委托",
        ["declaration"] = "声明",
        ["will"] = "遗嘱",
        ["evidence"] = "保全证据",
        ["supervision"] = "现场监督",
        ["escrow"] = "提存",
    };

    public static readonly IReadOnlyList<ApplicationForm> All =
    [
        new(ApplicationKind.LegalAid, "legal_aid", "法律援助申请",
        [
            new("matter", "申请事项", FieldType.Code, true, LegalAidMatters),
            new("means_test_exemption", "免予经济困难审查的理由", FieldType.Code, true, MeansTestExemptions),
            new("summary", "案情简述", FieldType.Text, true),
            new("opposing_party", "对方当事人", FieldType.Text, false),
            new("amount", "涉及金额", FieldType.Money, false),
            new("income_per_capita", "家庭人均月收入", FieldType.Money, false),
            new("deadline", "时效或期限届满日", FieldType.Date, false),
            new("urgent", "请求先行提供法律援助（期限不足七日等）", FieldType.Bool, false),
        ]),
        new(ApplicationKind.Mediation, "mediation", "人民调解申请",
        [
            new("dispute_type", "纠纷类型", FieldType.Code, true, DisputeTypes),
            new("summary", "纠纷简述", FieldType.Text, true),
            new("other_party", "对方当事人", FieldType.Text, false),
            new("amount", "涉及金额", FieldType.Money, false),
        ]),
        new(ApplicationKind.Notarization, "notarization", "公证预约",
        [
            new("matter", "公证事项", FieldType.Code, true, NotarialMatters),
            new("purpose", "用途", FieldType.Text, false),
            new("use_abroad", "是否在境外使用", FieldType.Bool, false),
            new("home_visit", "上门办证", FieldType.Bool, false),
            new("summary", "情况说明", FieldType.Text, false),
        ]),
    ];

    public static ApplicationForm? ByCode(string code) => All.FirstOrDefault(f => f.Code == code);

    public static ApplicationForm For(ApplicationKind kind) => All.First(f => f.Kind == kind);
}
