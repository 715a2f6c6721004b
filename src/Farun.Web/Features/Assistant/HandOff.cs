using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// POST /api/assistant/conversations/{id}/handoff — 找人工: opens a consultation case with the transcript and the
/// articles found (once per conversation; asking again returns the same case) and returns its reference number.
/// </summary>
public static class HandOff
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapPost("/assistant/conversations/{id:guid}/handoff", async Task<Ok<AssistantDtos.CaseRef>> (Guid id, AssistantCases cases, AssistantRateLimit limits, HttpContext http, CancellationToken ct) =>
            {
                AssistantRateLimit.ThrowIfRefused(await limits.CheckHandOffAsync(http, ct));
                return TypedResults.Ok(await cases.HandOffAsync(id, null, ct));
            })
            .WithName("HandOffAssistantConversation")
            .WithSummary("找人工：把对话转给工作人员，生成咨询事项编号")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
