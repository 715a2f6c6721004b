using Farun.Data;
using Farun.Law.Corpus;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Laws;

/// <summary>GET /api/laws — laws by title or alias, category and level, a page at a time.</summary>
public static class SearchLaws
{
    public sealed record Request(string? Q, string? Category, string? Level, int? Page, int? PageSize);

    public sealed record Response(int Total, int Page, int PageSize, IReadOnlyList<LawSummaryDto> Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Q).MaximumLength(100).WithMessage("搜索词不能超过100个字符。").NoControlCharacters().WithName("搜索词");
            RuleFor(x => x.Category).MaximumLength(50).WithMessage("分类名称不能超过50个字符。").NoControlCharacters().WithName("分类");
            RuleFor(x => x.Level).Must(l => l is null || Enum.TryParse<LawLevel>(l, ignoreCase: false, out _))
                .WithMessage("效力级别无效，可选：" + string.Join("、", Enum.GetNames<LawLevel>()) + "。");
            RuleFor(x => x.Page).InclusiveBetween(1, 10_000).When(x => x.Page is not null).WithMessage("页码须在1到10000之间。");
            RuleFor(x => x.PageSize).InclusiveBetween(1, 100).When(x => x.PageSize is not null).WithMessage("每页条数须在1到100之间。");
        }
    }

    public sealed class Handler(FarunDbContext db)
    {
        public async Task<Response> HandleAsync(Request r, CancellationToken ct)
        {
            var page = r.Page ?? 1;
            var size = r.PageSize ?? 20;
            var query = db.Laws.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(r.Category))
                query = query.Where(l => l.Category == r.Category);
            if (!string.IsNullOrWhiteSpace(r.Level))
                query = query.Where(l => l.Level == r.Level);

            var term = NormalizeTerm(r.Q);
            if (term.Length > 0)
                query = query.Where(l => l.SearchNames.Contains(term));

            var matches = await query.ToListAsync(ct);
            // Exact names first, then higher-ranking levels, then shorter (more general) titles.
            var ordered = matches
                .OrderByDescending(l => term.Length > 0 && l.SearchNames.Split('|').Contains(term))
                .ThenBy(l => Enum.TryParse<LawLevel>(l.Level, out var lv) ? (int)lv : 99)
                .ThenBy(l => l.Title.Length)
                .ThenBy(l => l.Title, StringComparer.Ordinal)
                .ToList();
            var items = ordered.Skip((page - 1) * size).Take(size).Select(LawMapping.ToSummary).ToList();
            return new Response(ordered.Count, page, size, items);
        }

        /// <summary>Names are stored lower-cased; users may type brackets or the state prefix.</summary>
        public static string NormalizeTerm(string? q)
        {
            if (string.IsNullOrWhiteSpace(q))
                return "";
            var t = q.Trim().Trim('《', '》', '<', '>', '〈', '〉').Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);
            if (t.StartsWith(LawTitles.StatePrefix, StringComparison.Ordinal) && t.Length > LawTitles.StatePrefix.Length)
                t = t[LawTitles.StatePrefix.Length..];
            return t.ToLowerInvariant();
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/laws", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .Validate<Request>()
            .WithName("SearchLaws")
            .WithSummary("按名称（含简称、别名）、分类、效力级别查找法律法规");
}
