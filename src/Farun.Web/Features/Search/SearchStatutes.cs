using Farun.Law.Corpus;
using Farun.Law.Search;
using Farun.Web.Common;
using Farun.Web.Features.Laws;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Search;

/// <summary>
/// GET /api/search?q=&amp;top=&amp;date=&amp;level=&amp;category= — articles for a question in everyday words, ranked, with a
/// highlighted snippet and what matched. A citation in the question (劳动合同法第八十二条) ranks first.
/// </summary>
public static class SearchStatutes
{
    public const int MaxQueryLength = 500;
    public const int MaxTop = 100;

    public sealed record Request(string? Q, int? Top, DateOnly? Date, string? Level, string? Category);

    public sealed record ExpansionDto(string LayWord, IReadOnlyList<string> LegalTerms, string Note);

    public sealed record ExplanationDto(
        string Summary, bool Citation, bool LawNamed, IReadOnlyList<string> MatchedTerms, IReadOnlyList<ExpansionDto> Expansions, string? SimilarQuestion);

    public sealed record HitDto(
        int Rank, double Score, Guid LawId, string LawTitle, string Level, string LevelName, string Category, Guid VersionId,
        DateOnly? VersionDate, bool InForce, string? ArticleKey, int? Number, int? Suffix, string Display, string Path, string Snippet,
        string Url, ExplanationDto Explanation);

    public sealed record Response(string Query, DateOnly? Date, IReadOnlyList<ExpansionDto> Expansions, IReadOnlyList<HitDto> Items, double ElapsedMs);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Q).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("请输入要查询的问题或关键词，如：老板三个月没发工资怎么办。")
                .MaximumLength(MaxQueryLength).WithMessage($"问题不能超过{MaxQueryLength}个字符，请精简后再查。")
                .NoControlCharacters().WithName("问题");
            RuleFor(x => x.Top).InclusiveBetween(1, MaxTop).When(x => x.Top is not null).WithMessage($"返回条数须在1到{MaxTop}之间。");
            RuleFor(x => x.Date).InclusiveBetween(new DateOnly(1949, 10, 1), new DateOnly(2100, 1, 1)).When(x => x.Date is not null)
                .WithMessage("日期须在1949-10-01到2100-01-01之间。");
            RuleFor(x => x.Level).Must(l => l is null || Enum.TryParse<LawLevel>(l, ignoreCase: false, out _))
                .WithMessage("效力级别无效，可选：" + string.Join("、", Enum.GetNames<LawLevel>()) + "。");
            RuleFor(x => x.Category).MaximumLength(50).WithMessage("分类名称不能超过50个字符。").NoControlCharacters().WithName("分类");
        }
    }

    public sealed class Handler(SearchIndexService index)
    {
        public async Task<Response> HandleAsync(Request r, CancellationToken ct)
        {
            var snapshot = await index.GetAsync(ct);
            var level = r.Level is null ? (LawLevel?)null : Enum.Parse<LawLevel>(r.Level);
            var request = new SearchRequest(r.Q!.Trim(), r.Top ?? 10, r.Date, level, string.IsNullOrWhiteSpace(r.Category) ? null : r.Category);
            var result = snapshot.Engine.Search(request);
            var expansions = result.Expansions.Select(ToDto).ToList();
            return new Response(request.Text, r.Date, expansions, result.Hits.Select(ToDto).ToList(), result.Elapsed.TotalMilliseconds);
        }

        private static ExpansionDto ToDto(QueryExpansion e) => new(e.LayWord, e.LegalTerms, e.Note);

        private static HitDto ToDto(SearchHit h)
        {
            var a = h.Article;
            var lawId = Guid.TryParse(a.LawId, out var lid) ? lid : Guid.Empty;
            var versionId = Guid.TryParse(a.VersionId, out var vid) ? vid : Guid.Empty;
            ArticleNumber? number = a.ArticleKey.Length > 0 && ArticleNumber.TryParse(a.ArticleKey, out var n) ? n : null;
            var url = number is { } num
                ? LawMapping.ArticleUrl(lawId, versionId, a.IsCurrent, num.Number, num.Suffix)
                : $"/laws/{lawId}{(a.IsCurrent ? "" : $"?version={versionId}")}";
            var e = h.Explanation;
            return new HitDto(h.Rank, Math.Round(h.Score, 4), lawId, a.Title, a.Level.ToString(), a.Level.DisplayName(), a.Category, versionId,
                a.VersionDate, a.IsCurrent, number?.Key, number?.Number, number?.Suffix, number?.Display ?? "全文", a.Path, h.Snippet, url,
                new ExplanationDto(e.Summary, e.Citation, e.LawNamed, e.MatchedTerms, e.Expansions.Select(ToDto).ToList(), e.SimilarQuestion));
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/search", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .Validate<Request>()
            .WithName("SearchStatutes")
            .WithSummary("法条检索：用日常语言提问，返回相关法条（含高亮摘要和匹配说明）");
}
