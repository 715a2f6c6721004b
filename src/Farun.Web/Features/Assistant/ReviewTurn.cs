using System.Security.Claims;
using Farun.Data;
using Farun.Features.Assistant;
using Farun.Law.Citations;
using Farun.Law.Search;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Search;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// POST /api/assistant/review/{turnId}/confirm and /dismiss — staff confirm the right articles for a question (it
/// becomes a labelled question for retrieval at once on this node) or dismiss it. Audited.
/// </summary>
public static class ReviewTurn
{
    public sealed record ConfirmRequest(string? Citations, string? Note);

    public sealed record DismissRequest(string? Note);

    public sealed class ConfirmValidator : AbstractValidator<ConfirmRequest>
    {
        public ConfirmValidator()
        {
            RuleFor(x => x.Citations).NotEmpty().WithMessage("请填写正确的法条，如：劳动合同法第三十条；民法典第一千零七十九条。")
                .MaximumLength(1000).WithMessage("法条不能超过1000个字符。").NoControlCharacters().WithName("法条");
            RuleFor(x => x.Note).MaximumLength(500).WithMessage("备注不能超过500个字。").NoControlCharacters().WithName("备注");
        }
    }

    public sealed class DismissValidator : AbstractValidator<DismissRequest>
    {
        public DismissValidator()
        {
            RuleFor(x => x.Note).MaximumLength(500).WithMessage("备注不能超过500个字。").NoControlCharacters().WithName("备注");
        }
    }

    public sealed class Handler(FarunDbContext db, SearchIndexService index, AuditLog audit, TimeProvider time)
    {
        public async Task<ListReviewItems.Item> ConfirmAsync(Guid turnId, ConfirmRequest r, ClaimsPrincipal user, CancellationToken ct)
        {
            var turn = await FindAsync(turnId, ct);
            var snapshot = await index.GetAsync(ct);
            var parsed = new CitationParser(snapshot.Engine.Names).Parse(r.Citations!);
            var problems = parsed.Errors.Select(e => e.Reason).ToList();
            var articles = new List<(string Citation, string ArticleId)>();
            foreach (var c in parsed.Citations)
            {
                var id = c.LawKey is null ? null : SearchKeys.Article(c.LawKey, c.ArticleNumber.Key);
                var doc = id is null ? -1 : snapshot.Engine.Index.CurrentDocs(id).FirstOrDefault(-1);
                if (doc < 0)
                {
                    problems.Add($"法律库中没有“{c.LawText}{c.ArticleNumber.Display}”（现行版本）。");
                    continue;
                }

                var stored = snapshot.Engine.Index.Read(doc);
                if (!articles.Any(a => a.ArticleId == id))
                    articles.Add((stored.Title + c.ArticleNumber.Display, id!));
            }

            if (problems.Count > 0 || articles.Count == 0)
                throw BadRequestException.ForField("citations", problems.Count > 0 ? string.Join("；", problems.Distinct()) : "没有识别出法条，请按“法律名称+第几条”填写。");
            var (id2, name) = Actor(user);
            turn.Confirm(articles, r.Note, id2, name, time.GetUtcNow());
            audit.Record("assistant.review.confirm", "AssistantTurn", turn.Id, new { articles = articles.Select(a => a.ArticleId) });
            await db.SaveChangesAsync(ct);
            await index.AddLabelledQuestionsAsync([ConfirmedQuestionSource.ToLabelled(turn.Id, turn.Question, articles.Select(a => a.ArticleId).ToList())], ct);
            return ListReviewItems.Handler.ToItem(turn);
        }

        public async Task<ListReviewItems.Item> DismissAsync(Guid turnId, DismissRequest r, ClaimsPrincipal user, CancellationToken ct)
        {
            var turn = await FindAsync(turnId, ct);
            var (id, name) = Actor(user);
            turn.Dismiss(r.Note, id, name, time.GetUtcNow());
            audit.Record("assistant.review.dismiss", "AssistantTurn", turn.Id);
            await db.SaveChangesAsync(ct);
            return ListReviewItems.Handler.ToItem(turn);
        }

        private async Task<AssistantTurn> FindAsync(Guid turnId, CancellationToken ct) =>
            await db.Set<AssistantTurn>().FirstOrDefaultAsync(t => t.Id == turnId, ct) ?? throw new NotFoundException("找不到这条问答。");

        private static (Guid Id, string Name) Actor(ClaimsPrincipal user)
        {
            var (_, id, name) = AuditLog.Actor(user);
            var display = user.FindFirstValue("farun:name") is { Length: > 0 } n ? n : name;
            return (id ?? Guid.Empty, display);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/assistant/review/{turnId:guid}/confirm", async Task<Ok<ListReviewItems.Item>> (Guid turnId, ConfirmRequest request, Handler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.ConfirmAsync(turnId, request, http.User, ct)))
            .Validate<ConfirmRequest>()
            .WithName("ConfirmAssistantArticles")
            .WithSummary("复核：确认问题对应的正确法条（作为检索的标注问题）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/assistant/review/{turnId:guid}/dismiss", async Task<Ok<ListReviewItems.Item>> (Guid turnId, DismissRequest request, Handler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.DismissAsync(turnId, request, http.User, ct)))
            .Validate<DismissRequest>()
            .WithName("DismissAssistantReview")
            .WithSummary("复核：无需学习（非法律问题或没有适用的法条）")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
