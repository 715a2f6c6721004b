using Farun.Common.Calendar;
using Farun.Features.LegalAid;

namespace Farun.Features.Cases;

/// <summary>Everything a transition needs besides its own fields: who acts, when, the official calendar and local policy.</summary>
public sealed record CaseContext(CaseActor Actor, DateTimeOffset Now, WorkingDayCalendar Calendar, CaseRules Rules)
{
    /// <summary>Today in Beijing: statutory periods count Beijing dates whatever the server's time zone.</summary>
    public DateOnly Today => ChinaTime.DateOf(Now);
}

/// <summary>A period set by configuration (local service standards), with the source it comes from.</summary>
/// <param name="Kind">Calendar or working days.</param>
/// <param name="Days">Length of the period.</param>
/// <param name="Source">The rule it comes from, shown beside the deadline like a statutory basis.</param>
public sealed record ConfiguredPeriod(DeadlineKind Kind, int Days, string Source);

/// <summary>
/// Local, configurable policy around the statutory rules. Defaults are examples for the demo district, each with its
/// source; a real deployment sets them from its own documents (configuration section <c>Farun:Cases</c>).
/// </summary>
public sealed record CaseRules
{
    public static readonly CaseRules Default = new();

    /// <summary>A consultation that is not answered at once must be answered within this period.</summary>
    public ConfiguredPeriod ConsultationReply { get; init; } =
        new(DeadlineKind.WorkingDays, 3, "本地12348热线服务规范（示例配置）：不能即时解答的咨询，应在3个工作日内答复");

    /// <summary>After the one-time notice of missing materials (《法律援助法》第四十三条第二款), the applicant has this long;
    /// the Act sets no period, so it is local policy.</summary>
    public ConfiguredPeriod MaterialsSupplement { get; init; } =
        new(DeadlineKind.CalendarDays, 15, "本地法律援助工作规程（示例配置）：申请人应在15日内补充材料，逾期视为撤回申请（《法律援助法》第四十三条第二款）");

    public GreenChannelPolicy GreenChannel { get; init; } = GreenChannelPolicy.Default;

    public SubsidyStandard Subsidy { get; init; } = SubsidyStandard.Default;

    public QualityStandard Quality { get; init; } = QualityStandard.Default;

    /// <summary>Due-soon threshold in working days (the due date itself always counts as due soon).</summary>
    public int DueSoonWorkingDays { get; init; } = Deadline.DefaultDueSoonWorkingDays;
}

/// <summary>
/// 农民工欠薪法律援助绿色通道: wage claims by migrant workers are handled first and without a means test. The exemption
/// from the means test is national law (《法律援助法》第四十二条第三项); the priority and any shorter review period are
/// local policy, so the whole channel is configurable and names its source.
/// </summary>
/// <param name="Enabled">Whether the channel is in force.</param>
/// <param name="Source">The local policy document.</param>
/// <param name="ReviewDays">A shorter review period in calendar days, or null to keep the statutory 7 days.</param>
public sealed record GreenChannelPolicy(bool Enabled, string Source, int? ReviewDays)
{
    public static readonly GreenChannelPolicy Default = new(
        true,
        "本地农民工欠薪法律援助绿色通道规定（示例配置）：农民工请求支付劳动报酬的，优先受理、优先审查、优先指派，免予经济困难审查（《法律援助法》第四十二条第三项）",
        3);
}
