using Farun.Features.Assistant;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// POST /api/assistant/ask — asks the legal assistant (citizen app, WeChat account). Without a conversation id a new
/// conversation starts; its id comes back and continues it. Rate-limited per client (429 with Retry-After).
/// </summary>
public static class AskAssistant
{
    public sealed record Request(string? ConversationId, string? Question, Guid? ServicePointId);

    public sealed record Response(Guid ConversationId, AssistantDtos.Answer Answer);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("请输入您的问题，比如：老板三个月没发工资怎么办？")
                .MaximumLength(AssistantOptions.MaxQuestionLength).WithMessage($"问题太长了，请在{AssistantOptions.MaxQuestionLength}个字以内说清楚。")
                .NoControlCharacters().WithName("问题");
            RuleFor(x => x.ConversationId).Must(id => string.IsNullOrEmpty(id) || Guid.TryParse(id, out _))
                .WithMessage("对话编号格式不对，请不带编号重新开始提问。");
        }
    }

    public sealed class Handler(AssistantService assistant, AssistantRateLimit limits)
    {
        public async Task<Response> HandleAsync(Request r, HttpContext http, AssistantChannel channel, CancellationToken ct)
        {
            AssistantRateLimit.ThrowIfRefused(await limits.CheckAskAsync(http, ct));
            Guid? id = string.IsNullOrEmpty(r.ConversationId) ? null : Guid.Parse(r.ConversationId);
            var result = await assistant.AskAsync(new AskInput(id, r.Question!.Trim(), channel, r.ServicePointId), ct);
            return new Response(result.Conversation.Id, result.Answer);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapPost("/assistant/ask", async Task<Ok<Response>> (Request request, Handler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, http, AssistantChannel.Api, ct)))
            .Validate<Request>()
            .WithName("AskAssistant")
            .WithSummary("智能法律助手：提问并获得带核实法条的解答（按客户端限流）")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
