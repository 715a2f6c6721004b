using System.Text.Json;
using Farun.Features.Guides;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Guides;

/// <summary>
/// Save and resume for the citizen app: POST /api/guides/{id}/sessions stores answers under a new resume code;
/// GET /api/guides/sessions/{code} returns them with where the interview stands; PUT replaces them. Codes expire
/// 30 days after the last change.
/// </summary>
public static class GuideSessionsApi
{
    public sealed record SaveRequest(Dictionary<string, JsonElement>? Answers);

    public sealed record SessionDto(
        string Code, string DisplayCode, string GuideId, int Version, IReadOnlyDictionary<string, string> Answers, DateTimeOffset ExpiresAt,
        string Status, string? ApplicationReference, EvaluateGuide.Response State);

    public sealed class Validator : AbstractValidator<SaveRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Answers).Must(a => a is null || a.Count <= EvaluateGuide.MaxAnswers).WithMessage($"回答不能超过{EvaluateGuide.MaxAnswers}项。");
        }
    }

    public sealed class Handler(GuideCatalog catalog, GuideSessionStore sessions, GuideInterviews interviews, GuideViews views)
    {
        public async Task<SessionDto> CreateAsync(string id, SaveRequest request, CancellationToken ct)
        {
            var guide = await catalog.GetActiveAsync(id, ct) ?? throw new NotFoundException("没有这个问卷。");
            var raw = EvaluateGuide.ReadAnswers(guide.Definition, request.Answers);
            var session = await sessions.CreateAsync(guide, raw, ct);
            return await GetAsync(session.Code, ct);
        }

        public async Task<SessionDto> GetAsync(string code, CancellationToken ct)
        {
            var interview = await interviews.LoadAsync(code, ct) ?? throw NotFound();
            return await DtoAsync(interview, ct);
        }

        public async Task<SessionDto> UpdateAsync(string code, SaveRequest request, CancellationToken ct)
        {
            var interview = await interviews.LoadAsync(code, ct) ?? throw NotFound();
            var raw = EvaluateGuide.ReadAnswers(interview.Guide.Definition, request.Answers);
            var updated = interview with { Answers = raw, Run = interviews.Run(interview.Guide.Definition, raw) };
            await interviews.SaveAsync(updated, ct);
            return await DtoAsync(updated, ct);
        }

        private async Task<SessionDto> DtoAsync(Interview i, CancellationToken ct)
        {
            // A stored answer that no longer fits (the guide changed) is asked again rather than rejected.
            var run = i.Run with { CurrentError = null };
            var state = await EvaluateGuide.ResponseAsync(i.Guide, run, i.Answers.Keys, views, ct);
            return new SessionDto(i.Session.Code, ResumeCode.Display(i.Session.Code), i.Guide.Id, i.Guide.Version, i.Answers,
                i.Session.ExpiresAt, state.Status, i.Session.ApplicationReference, state);
        }

        private static NotFoundException NotFound() => new("续填码不正确或已过期（续填码保存30天）。");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/guides/{id}/sessions", async Task<Created<SessionDto>> (string id, SaveRequest request, Handler h, CancellationToken ct) =>
            {
                var dto = await h.CreateAsync(id, request, ct);
                return TypedResults.Created($"/api/guides/sessions/{dto.Code}", dto);
            })
            .Validate<SaveRequest>().WithName("CreateGuideSession").WithSummary("保存回答，获得续填码")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/guides/sessions/{code}", async Task<Ok<SessionDto>> (string code, Handler h, CancellationToken ct) =>
                TypedResults.Ok(await h.GetAsync(code, ct)))
            .WithName("GetGuideSession").WithSummary("用续填码取回回答")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPut("/guides/sessions/{code}", async Task<Ok<SessionDto>> (string code, SaveRequest request, Handler h, CancellationToken ct) =>
                TypedResults.Ok(await h.UpdateAsync(code, request, ct)))
            .Validate<SaveRequest>().WithName("UpdateGuideSession").WithSummary("更新续填码下保存的回答")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
