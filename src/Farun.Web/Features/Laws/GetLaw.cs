using Farun.Data;
using Farun.Web.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Laws;

/// <summary>GET /api/laws/{id} — a law with its versions; GET /api/laws/{id}/articles — the articles of one version.</summary>
public static class GetLaw
{
    public sealed record ArticlesResponse(LawSummaryDto Law, LawVersionDto Version, string? Body, IReadOnlyList<ArticleDto> Articles);

    public sealed class Handler(FarunDbContext db)
    {
        public async Task<LawDetailDto> HandleAsync(Guid id, CancellationToken ct)
        {
            var law = await db.Laws.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct)
                ?? throw new NotFoundException("未找到该法律法规。");
            var versions = await db.LawVersions.AsNoTracking().Where(v => v.LawId == id).ToListAsync(ct);
            return new LawDetailDto(law.Id, law.Title, law.ShortTitle, law.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries),
                law.Category, law.Level, LawMapping.LevelName(law.Level), law.Region,
                [.. versions.OrderByDescending(v => v.Date ?? DateOnly.MinValue).Select(LawMapping.ToDto)]);
        }

        public async Task<ArticlesResponse> ArticlesAsync(Guid id, Guid? versionId, CancellationToken ct)
        {
            var law = await db.Laws.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct)
                ?? throw new NotFoundException("未找到该法律法规。");
            var vid = versionId ?? law.CurrentVersionId;
            var version = await db.LawVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vid && v.LawId == id, ct)
                ?? throw new NotFoundException("该法律法规没有这个版本。");
            var articles = await db.LawArticles.AsNoTracking().Where(a => a.VersionId == version.Id).OrderBy(a => a.Ordinal).ToListAsync(ct);
            return new ArticlesResponse(LawMapping.ToSummary(law), LawMapping.ToDto(version), version.Body,
                [.. articles.Select(a => LawMapping.ToDto(law, version, a))]);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/laws/{id:guid}", async Task<Ok<LawDetailDto>> (Guid id, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetLaw")
            .WithSummary("法律法规详情及其全部版本")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/laws/{id:guid}/articles", async Task<Ok<ArticlesResponse>> (Guid id, Guid? version, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ArticlesAsync(id, version, ct)))
            .WithName("GetLawArticles")
            .WithSummary("某一版本（默认现行版本）的全部条文")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
