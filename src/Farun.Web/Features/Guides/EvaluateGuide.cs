using System.Text.Json;
using Farun.Web.Common;
using Farun.Web.Features.Guides.Engine;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Guides;

/// <summary>
/// POST /api/guides/{id}/evaluate — answers in, the next question or the outcome out. Stateless: the caller sends all
/// answers each time. Answers to questions not on the path are listed under <c>ignored</c>; a malformed or
/// out-of-range answer is a 400 naming the question (<c>answers.{id}</c>) with a message in Chinese.
/// </summary>
public static class EvaluateGuide
{
    public const int MaxAnswers = 200;

    public sealed record Request(int? Version, Dictionary<string, JsonElement>? Answers);

    public sealed record Response(
        string GuideId, int Version, string Status, int Step, int EstimatedTotal, IReadOnlyList<AnsweredDto> Answered,
        IReadOnlyList<string> Ignored, QuestionDto? Question, OutcomeDto? Outcome);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Answers).Must(a => a is null || a.Count <= MaxAnswers).WithMessage($"回答不能超过{MaxAnswers}项。");
            RuleFor(x => x.Answers).Must(a => a is null || a.Keys.All(k => k.Length is > 0 and <= 50)).WithMessage("问题编号应为1到50个字符。");
            RuleFor(x => x.Version).InclusiveBetween(1, 1_000_000).When(x => x.Version is not null).WithMessage("版本号无效。");
        }
    }

    /// <summary>Reads JSON answers (true/false, numbers, strings) into typed answers, or throws a 400 naming each bad one.</summary>
    public static Dictionary<string, string> ReadAnswers(GuideDefinition guide, IReadOnlyDictionary<string, JsonElement>? answers)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        foreach (var (id, element) in answers ?? new Dictionary<string, JsonElement>())
        {
            var key = $"answers.{id}";
            if (guide.Question(id) is not { } q)
            {
                errors[key] = [$"问卷中没有问题“{id}”。"];
                continue;
            }

            string? text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.True => "yes",
                JsonValueKind.False => "no",
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
            if (element.ValueKind == JsonValueKind.Null)
                continue;
            if (text is null || text.Length > 5000)
            {
                errors[key] = ["回答的格式不对。"];
                continue;
            }

            var (value, error) = AnswerInput.Parse(q, text);
            if (error is not null)
                errors[key] = [error];
            else
                raw[id] = AnswerInput.Format(value);
        }

        if (errors.Count > 0)
            throw new BadRequestException(string.Join("；", errors.Select(e => e.Value[0])), errors);
        return raw;
    }

    public sealed class Handler(GuideCatalog catalog, GuideInterviews interviews, GuideViews views)
    {
        public async Task<Response> HandleAsync(string id, Request request, CancellationToken ct)
        {
            var guide = (request.Version is { } v ? await catalog.GetVersionAsync(id, v, ct) : await catalog.GetActiveAsync(id, ct))
                ?? throw new NotFoundException("没有这个问卷或这个版本。");
            var raw = ReadAnswers(guide.Definition, request.Answers);
            var run = interviews.Run(guide.Definition, raw);
            return await ResponseAsync(guide, run, raw.Keys, views, ct);
        }
    }

    public static async Task<Response> ResponseAsync(LoadedGuide guide, GuideRunResult run, IEnumerable<string> given, GuideViews views, CancellationToken ct)
    {
        if (run.CurrentError is { } error)
            throw BadRequestException.ForField($"answers.{run.Current!.Id}", error);
        var onPath = run.Path.Select(p => p.Question.Id).ToHashSet(StringComparer.Ordinal);
        var answered = OutcomeRenderer.Answers(run).Select(a => new AnsweredDto(a.QuestionId, a.Question, a.Answer)).ToList();
        return new Response(guide.Id, guide.Version, run.IsFinished ? "outcome" : "question", run.Step, run.EstimatedTotal, answered,
            [.. given.Where(g => !onPath.Contains(g)).Order(StringComparer.Ordinal)],
            run.Current is { } q ? GuideViews.Question(run, q, run.Path.Count) : null,
            run.IsFinished ? await views.OutcomeAsync(run, ct) : null);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapPost("/guides/{id}/evaluate", async Task<Ok<Response>> (string id, Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .Validate<Request>()
            .WithName("EvaluateGuide")
            .WithSummary("按回答计算下一个问题或结果")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
