using Farun.Web.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Assistant;

/// <summary>GET /api/assistant/conversations/{id} — the conversation as shown (redacted), and its case to follow.</summary>
public static class GetConversation
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assistant/conversations/{id:guid}", async Task<Ok<AssistantDtos.Conversation>> (Guid id, AssistantService assistant, CancellationToken ct) =>
                TypedResults.Ok(await assistant.GetAsync(id, ct) ?? throw new NotFoundException("找不到这个对话。")))
            .WithName("GetAssistantConversation")
            .WithSummary("查看与智能法律助手的对话及转人工的办理进度")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
