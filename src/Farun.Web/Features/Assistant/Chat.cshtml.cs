using Farun.Features.Assistant;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;

namespace Farun.Web.Features.Assistant;

/// <summary>/assistant: the chat page of the citizen portal (mobile first; works as plain form posts).</summary>
[AllowAnonymous]
public sealed class ChatModel(
    AssistantService assistant, AssistantCases cases, AssistantRateLimit limits, IValidator<AskAssistant.Request> validator, DefaultNextStepProvider points)
    : AssistantPageModel(assistant, cases, limits, validator, points)
{
    public static IReadOnlyList<string> Examples { get; } =
        ["老板三个月没发工资怎么办？", "借给朋友的钱不还，可以起诉吗？", "离婚时孩子归谁抚养？", "被电动车撞伤了，医药费谁来出？", "租房押金房东不退怎么办？"];

    protected override AssistantChannel Channel => AssistantChannel.Web;

    protected override string PagePath => "/assistant";
}
