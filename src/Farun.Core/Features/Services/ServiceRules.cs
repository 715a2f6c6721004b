using Farun.Common.Calendar;
using Farun.Features.Cases;

namespace Farun.Features.Services;

/// <summary>
/// Local, configurable policy of mediation, notarization, complaints and follow-up (configuration section
/// <c>Farun:Services</c>). Statutory periods are not here (they are in the rules classes with their articles); these are
/// the periods a district sets itself, each naming its source. The defaults are examples for the demo district.
/// </summary>
public sealed record ServiceRules
{
    public static readonly ServiceRules Default = new();

    /// <summary>A registered dispute should be mediated within this period (the Act asks for timely mediation, 第二十一条第二款).</summary>
    public ConfiguredPeriod MediationPeriod { get; init; } =
        new(DeadlineKind.CalendarDays, 30, "本地人民调解工作规范（示例配置）：受理纠纷后一般应在30日内调结（《人民调解法》第二十一条第二款：调解民间纠纷，应当及时、就地进行）");

    /// <summary>How many calendar days before the judicial-confirmation window closes the parties are reminded.</summary>
    public int ConfirmationReminderDays { get; init; } = 7;

    /// <summary>How long an applicant has to supplement notarization materials (公证法第二十七条 sets no period).</summary>
    public ConfiguredPeriod NotaryMaterials { get; init; } =
        new(DeadlineKind.WorkingDays, 10, "本地公证服务规范（示例配置）：一次性告知需补充的材料，申请人应在10个工作日内补正（《公证法》第二十七条第一款）");

    /// <summary>Complaint reply period.</summary>
    public ConfiguredPeriod ComplaintReply { get; init; } =
        new(DeadlineKind.CalendarDays, 60, "本地司法行政投诉处理规定（示例配置）：投诉自受理之日起60日内办结并答复投诉人（参照《信访工作条例》第三十四条）");

    /// <summary>A closed case gets its follow-up (回访) within this period.</summary>
    public ConfiguredPeriod FollowUp { get; init; } =
        new(DeadlineKind.WorkingDays, 5, "本地公共法律服务回访制度（示例配置）：服务事项办结后5个工作日内回访");

    /// <summary>A bad rating's rectification must be finished within this period.</summary>
    public ConfiguredPeriod Rectification { get; init; } =
        new(DeadlineKind.WorkingDays, 10, "本地政务服务“好差评”制度（示例配置）：差评事项在10个工作日内整改并再次回访（参照《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》）");

    /// <summary>Share of closed cases drawn for third-party quality review.</summary>
    public decimal SamplingRate { get; init; } = 0.05m;

    public string SamplingSource { get; init; } = "本地公共法律服务质量评查办法（示例配置）：每月随机抽取不少于5%的已办结事项进行质量评查";

    /// <summary>Criteria of the quality review of services other than legal aid (legal aid uses its own quality standard).</summary>
    public Farun.Features.LegalAid.QualityStandard ReviewStandard { get; init; } = new(
        [
            new("compliance", "办理程序规范", 30),
            new("timeliness", "办理及时", 20),
            new("attitude", "服务态度", 20),
            new("result", "办理结果与文书质量", 30),
        ],
        "本地公共法律服务质量评查办法（示例配置）");

    /// <summary>Share of a sampled legal-aid case's quality score that the third-party review carries (the rest is the closure assessment).</summary>
    public decimal ReviewWeight { get; init; } = 0.5m;

    public string ReviewWeightSource { get; init; } = "本地法律援助案件质量评估办法（示例配置）：抽查评查的案件，质量得分 = 结案审查评分 × 50% + 第三方评查评分 × 50%（四舍五入取整）";
}
