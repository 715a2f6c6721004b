using Farun.Features.Assistant;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// /kiosk: the service-hall terminal. Full screen, big buttons with common questions, an answer slip to print with a
/// QR code to continue on a phone. After <see cref="AssistantOptions.KioskIdleSeconds"/> without a touch the page
/// clears itself and returns to the start screen; every page of the kiosk rewrites its history entry to the start
/// screen, so the back button shows nothing of the previous person either.
/// </summary>
[AllowAnonymous]
public sealed class KioskModel(
    AssistantService assistant, AssistantCases cases, AssistantRateLimit limits, IValidator<AskAssistant.Request> validator, DefaultNextStepProvider points,
    IOptions<AssistantOptions> options)
    : AssistantPageModel(assistant, cases, limits, validator, points)
{
    public static IReadOnlyList<(string Label, string Question)> CommonQuestions { get; } =
    [
        ("讨要工资", "老板拖欠工资不发怎么办？"),
        ("被辞退了", "公司把我辞退了，能要补偿吗？"),
        ("离婚", "想离婚，孩子和财产怎么办？"),
        ("借钱不还", "借给别人的钱不还怎么办？"),
        ("交通事故", "发生交通事故受伤了，怎么要赔偿？"),
        ("租房纠纷", "房东不退押金怎么办？"),
        ("赡养老人", "子女不赡养老人怎么办？"),
        ("法律援助", "没钱请律师，可以申请法律援助吗？"),
    ];

    public int IdleSeconds => Math.Max(5, options.Value.KioskIdleSeconds);

    /// <summary>The start screen, keeping the kiosk's own service point (set once in the terminal's start address).</summary>
    public string StartUrl => ServicePointId is { } sp ? $"/kiosk?sp={sp:D}" : "/kiosk";

    protected override AssistantChannel Channel => AssistantChannel.Kiosk;

    protected override string PagePath => "/kiosk";
}
