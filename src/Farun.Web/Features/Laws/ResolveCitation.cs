using Farun.Data;
using Farun.Law.Citations;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Laws;

/// <summary>
/// GET /api/citations/resolve?text=… — the article(s) a citation names, e.g. 《劳动合同法》第八十二条 or 民法典1079条.
/// 400 when no citation can be read from the text, 404 when none of the citations names a known law and article;
/// when some resolve and others do not, the resolved ones are returned with the others under <c>unresolved</c>.
/// </summary>
public static class ResolveCitation
{
    public const int MaxLength = 500;

    public sealed record Request(string? Text, DateOnly? Date);

    public sealed record ResolvedCitation(string Cited, int? Paragraph, int? Item, string? ParagraphText, ArticleDto Article);

    public sealed record Unresolved(string Cited, string Reason);

    public sealed record Response(IReadOnlyList<ResolvedCitation> Citations, IReadOnlyList<Unresolved> Unresolved);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Text).NotEmpty().WithMessage("请输入要查找的法条，如：劳动合同法第八十二条。")
                .MaximumLength(MaxLength).WithMessage($"引用文字不能超过{MaxLength}个字符。")
                .NoControlCharacters().WithName("引用文字");
            RuleFor(x => x.Date).InclusiveBetween(new DateOnly(1949, 10, 1), new DateOnly(2100, 1, 1)).When(x => x.Date is not null)
                .WithMessage("日期须在1949-10-01到2100-01-01之间。");
        }
    }

    public sealed class Handler(FarunDbContext db, LawCatalog catalog)
    {
        public async Task<Response> HandleAsync(Request request, CancellationToken ct)
        {
            var text = request.Text!;
            var snapshot = await catalog.GetAsync(ct);
            var parsed = new CitationParser(snapshot.Names).Parse(text);
            if (parsed.Citations.Count == 0)
            {
                var unknown = parsed.Errors.FirstOrDefault(e => e.Kind == CitationErrorKind.UnknownLaw);
                if (unknown is not null)
                    throw new NotFoundException(unknown.Reason);
                throw BadRequestException.ForField("text", (parsed.Errors.Count > 0 ? parsed.Errors[0].Reason : null) ?? "没有识别出法条引用，请按“法律名称+第几条”的格式输入，如：劳动合同法第八十二条。");
            }

            var resolved = new List<ResolvedCitation>();
            var unresolved = parsed.Errors.Where(e => e.Kind == CitationErrorKind.UnknownLaw)
                .Select(e => new Unresolved(Slice(text, e.Span), e.Reason)).ToList();
            foreach (var c in parsed.Citations)
            {
                var cited = Slice(text, c.Span);
                if (c.LawKey is null || !snapshot.LawIdsByKey.TryGetValue(c.LawKey, out var lawId))
                {
                    unresolved.Add(new Unresolved(cited, $"未找到名为“{c.LawText}”的法律法规。"));
                    continue;
                }

                var law = await db.Laws.AsNoTracking().FirstAsync(l => l.Id == lawId, ct);
                var version = await VersionAsync(lawId, request.Date, ct);
                if (version is null)
                {
                    unresolved.Add(new Unresolved(cited, $"《{law.Title}》在{request.Date:yyyy-MM-dd}尚无可用版本。"));
                    continue;
                }

                var n = c.ArticleNumber;
                var article = await db.LawArticles.AsNoTracking()
                    .FirstOrDefaultAsync(a => a.VersionId == version.Id && a.Number == n.Number && a.Suffix == n.Suffix, ct);
                if (article is null)
                {
                    unresolved.Add(new Unresolved(cited, $"《{law.Title}》（{VersionLabel(version)}）没有{n.Display}。"));
                    continue;
                }

                string? paragraphText = null;
                if (c.Paragraph is int p)
                {
                    var paragraphs = Paragraphs(article.Text);
                    if (p < 1 || p > paragraphs.Count)
                    {
                        unresolved.Add(new Unresolved(cited, $"《{law.Title}》{n.Display}只有{paragraphs.Count}款，没有第{p}款。"));
                        continue;
                    }

                    paragraphText = paragraphs[p - 1];
                }

                resolved.Add(new ResolvedCitation(cited, c.Paragraph, c.Item, paragraphText, LawMapping.ToDto(law, version, article)));
            }

            if (resolved.Count == 0)
                throw new NotFoundException(string.Join("；", unresolved.Select(u => u.Reason).Distinct()));
            return new Response(resolved, unresolved);
        }

        /// <summary>The current version, or the one in force on <paramref name="date"/> (the newest dated on or before it).</summary>
        private async Task<Farun.Features.Laws.LawVersion?> VersionAsync(Guid lawId, DateOnly? date, CancellationToken ct)
        {
            var versions = db.LawVersions.AsNoTracking().Where(v => v.LawId == lawId);
            if (date is null)
                return await versions.FirstOrDefaultAsync(v => v.IsCurrent, ct);
            var candidates = await versions.ToListAsync(ct);
            return candidates.Where(v => v.Date is null || v.Date <= date).OrderByDescending(v => v.Date ?? DateOnly.MinValue).FirstOrDefault();
        }

        private static string VersionLabel(Farun.Features.Laws.LawVersion v) =>
            v.Date is { } d ? $"{d:yyyy年M月d日}版" : "未注明日期的版本";

        public static IReadOnlyList<string> Paragraphs(string text) =>
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        private static string Slice(string text, TextSpan span) =>
            span.Start >= 0 && span.End <= text.Length ? text.Substring(span.Start, span.Length) : text;
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/citations/resolve", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .Validate<Request>()
            .WithName("ResolveCitation")
            .WithSummary("解析法条引用（如《劳动合同法》第八十二条）并返回条文")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
