using Farun.Features.Assistant;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Assistant;

/// <summary>POST /api/assistant/conversations/{id}/ratings — 有用 / 没用 for one answer; 没用 puts it in the staff review queue.</summary>
public static class RateAnswer
{
    public sealed record Request(Guid? TurnId, AnswerRating? Rating);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.TurnId).NotNull().WithMessage("请指明要评价的回答（turnId）。");
            RuleFor(x => x.Rating).NotNull().WithMessage("请选择“有用”或“没用”。").IsInEnum().WithMessage("评价只能是 Useful（有用）或 NotUseful（没用）。");
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapPost("/assistant/conversations/{id:guid}/ratings", async Task<NoContent> (Guid id, Request request, AssistantService assistant, AssistantRateLimit limits, HttpContext http, CancellationToken ct) =>
            {
                AssistantRateLimit.ThrowIfRefused(await limits.CheckAskAsync(http, ct));
                await assistant.RateAsync(id, request.TurnId!.Value, request.Rating!.Value, ct);
                return TypedResults.NoContent();
            })
            .Validate<Request>()
            .WithName("RateAssistantAnswer")
            .WithSummary("评价智能法律助手的回答：有用 / 没用")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
