using Farun.Features.Assistant;
using Farun.Web.Common;
using Farun.Web.Features.Platform;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// What the chat page and the kiosk share: a form post that appends to the conversation and comes back to the page
/// with the conversation id (works without JavaScript), ratings and 找人工.
/// </summary>
public abstract class AssistantPageModel(
    AssistantService assistant, AssistantCases cases, AssistantRateLimit limits, IValidator<AskAssistant.Request> validator, DefaultNextStepProvider points) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "c")]
    public Guid? ConversationId { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty(SupportsGet = true, Name = "sp")]
    public Guid? ServicePointId { get; set; }

    public AssistantDtos.Conversation? Conversation { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<DefaultNextStepProvider.ServicePointInfo> ServicePoints { get; private set; } = [];

    protected abstract AssistantChannel Channel { get; }

    protected abstract string PagePath { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ConversationId is not null && Conversation is null)
        {
            Error = "找不到这个对话，可能编号有误。请重新提问。";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(CancellationToken ct)
    {
        var request = new AskAssistant.Request(ConversationId?.ToString(), Question, ServicePointId);
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
            return await FailAsync(string.Join("；", validation.Errors.Select(e => e.ErrorMessage)), StatusCodes.Status400BadRequest, ct);
        var decision = await limits.CheckAskAsync(HttpContext, ct);
        if (!decision.Allowed)
            return await TooManyAsync(decision, ct);
        try
        {
            var result = await assistant.AskAsync(new AskInput(ConversationId, Question!.Trim(), Channel, ServicePointId), ct);
            return Redirect(PageUrl(result.Conversation.Id, $"#turn-{result.Turn.Seq}"));
        }
        catch (DomainException e)
        {
            return await FailAsync(e.Message, e.StatusCode, ct);
        }
    }

    public async Task<IActionResult> OnPostRateAsync(Guid turnId, AnswerRating rating, CancellationToken ct)
    {
        if (ConversationId is not { } id)
            return await FailAsync("找不到这个对话。", StatusCodes.Status400BadRequest, ct);
        var decision = await limits.CheckAskAsync(HttpContext, ct);
        if (!decision.Allowed)
            return await TooManyAsync(decision, ct);
        try
        {
            await assistant.RateAsync(id, turnId, rating, ct);
        }
        catch (DomainException e)
        {
            return await FailAsync(e.Message, e.StatusCode, ct);
        }

        TempData["assistant.rated"] = "谢谢您的评价！";
        return Redirect(PageUrl(id, $"#turn-rated"));
    }

    public async Task<IActionResult> OnPostHandOffAsync(CancellationToken ct)
    {
        if (ConversationId is not { } id)
            return await FailAsync("请先说说您的问题，再转人工。", StatusCodes.Status400BadRequest, ct);
        var decision = await limits.CheckHandOffAsync(HttpContext, ct);
        if (!decision.Allowed)
            return await TooManyAsync(decision, ct);
        try
        {
            await cases.HandOffAsync(id, null, ct);
        }
        catch (DomainException e)
        {
            return await FailAsync(e.Message, e.StatusCode, ct);
        }

        return Redirect(PageUrl(id, "#handoff"));
    }

    protected string PageUrl(Guid id, string fragment = "") =>
        $"{PagePath}?c={id:D}{(ServicePointId is { } sp ? $"&sp={sp:D}" : "")}{fragment}";

    private async Task LoadAsync(CancellationToken ct)
    {
        ServicePoints = await points.PointsAsync(ct);
        if (ConversationId is { } id)
            Conversation = await assistant.GetAsync(id, ct);
    }

    private async Task<IActionResult> FailAsync(string message, int status, CancellationToken ct)
    {
        await LoadAsync(ct);
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult> TooManyAsync(RateLimitDecision decision, CancellationToken ct)
    {
        Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, decision.RetryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await FailAsync(decision.RefusedBy!.Message, StatusCodes.Status429TooManyRequests, ct);
    }
}
