using Farun.Data;
using Farun.Features.Assistant;
using Farun.Features.Consultations;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// GET /api/assistant/review?state=&amp;page= — the staff review queue: answers with low confidence or rated 没用
/// (Pending), and those already confirmed or dismissed. Redacted text only.
/// </summary>
public static class ListReviewItems
{
    public const int PageSize = 20;

    public sealed record Request(ReviewState? State, int? Page);

    public sealed record Item(
        Guid TurnId, Guid ConversationId, DateTimeOffset At, string Question, string Domain, string DomainName, double Confidence, string Kind,
        string? Rating, IReadOnlyList<string> Articles, IReadOnlyList<string> ArticleIds, string State, IReadOnlyList<string> Confirmed,
        string? ReviewNote, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RemovedCitations);

    public sealed record Response(IReadOnlyList<Item> Items, int Total, int Page, int PageSize);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.State).IsInEnum().When(x => x.State is not null).WithMessage("状态只能是 Pending、Confirmed 或 Dismissed。")
                .NotEqual(ReviewState.None).WithMessage("状态只能是 Pending、Confirmed 或 Dismissed。");
            RuleFor(x => x.Page).InclusiveBetween(1, 10_000).When(x => x.Page is not null).WithMessage("页码须在1到10000之间。");
        }
    }

    public sealed class Handler(FarunDbContext db)
    {
        public async Task<Response> HandleAsync(Request r, CancellationToken ct)
        {
            var state = r.State ?? ReviewState.Pending;
            var page = r.Page ?? 1;
            var query = db.Set<AssistantTurn>().AsNoTracking().Where(t => t.ReviewState == state);
            var total = await query.CountAsync(ct);
            // Rated 没用 first, then lowest confidence, newest first.
            var rows = await query.OrderBy(t => t.Rating == AnswerRating.NotUseful ? 0 : 1).ThenBy(t => t.Confidence).ThenByDescending(t => t.At)
                .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            return new Response(rows.Select(ToItem).ToList(), total, page, PageSize);
        }

        public static Item ToItem(AssistantTurn t) => new(
            t.Id, t.ConversationId, t.At, t.Question, t.Domain.ToString(), t.Domain.DisplayName(), t.Confidence, t.Kind.ToString(), t.Rating?.ToString(),
            t.ArticleNameList, t.ArticleIdList, t.ReviewState.ToString(), t.ConfirmedCitationList, t.ReviewNote, t.ReviewedByName, t.ReviewedAt,
            t.RemovedCitations);
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assistant/review", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .Validate<Request>()
            .WithName("AssistantListReviewItems")
            .WithSummary("智能法律助手待复核问题（低置信度、群众评价“没用”）");
}
