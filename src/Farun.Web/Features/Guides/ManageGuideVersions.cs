using Farun.Data;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides;

/// <summary>
/// Version history for administrators: GET /api/admin/guides lists every guide with its shipped and uploaded versions;
/// POST …/{id}/versions/{version}/activate switches to an uploaded version (e.g. back to an earlier one);
/// POST …/{id}/deactivate withdraws the uploaded versions (the shipped guide, if any, takes over again);
/// GET …/{id}/versions/{version}/yaml downloads a version. Changes are audited.
/// </summary>
public static class ManageGuideVersions
{
    public sealed record VersionDto(int Version, string Title, string Origin, bool Active, string? UploadedBy, DateTimeOffset? UploadedAt, string? Note);

    public sealed record GuideVersionsDto(string Id, string Title, int? ActiveVersion, string? ActiveOrigin, IReadOnlyList<VersionDto> Versions);

    public sealed class Handler(FarunDbContext db, GuideCache cache, GuideCatalog catalog, AuditLog audit)
    {
        public async Task<IReadOnlyList<GuideVersionsDto>> ListAsync(CancellationToken ct)
        {
            var rows = await db.GuideVersions.AsNoTracking()
                .Select(v => new { v.GuideId, v.Version, v.Title, v.IsActive, v.UploadedBy, v.UploadedAt, v.Note }).ToListAsync(ct);
            var ids = cache.Shipped.Keys.Concat(rows.Select(r => r.GuideId)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var result = new List<GuideVersionsDto>();
            foreach (var id in ids)
            {
                var active = await catalog.GetActiveAsync(id, ct);
                var versions = rows.Where(r => r.GuideId == id)
                    .Select(r => new VersionDto(r.Version, r.Title, nameof(GuideOrigin.Uploaded),
                        active?.Origin == GuideOrigin.Uploaded && active.Version == r.Version, r.UploadedBy, r.UploadedAt, r.Note))
                    .ToList();
                if (cache.Shipped.GetValueOrDefault(id) is { } shipped)
                    versions.Add(new VersionDto(shipped.Version, shipped.Definition.Title, nameof(GuideOrigin.Shipped), active?.Origin == GuideOrigin.Shipped, null, null, "随系统发布"));
                result.Add(new GuideVersionsDto(id, active?.Definition.Title ?? versions.OrderByDescending(v => v.Version).First().Title,
                    active?.Version, active?.Origin.ToString(), [.. versions.OrderByDescending(v => v.Version)]));
            }

            return result;
        }

        public async Task ActivateAsync(string id, int version, CancellationToken ct)
        {
            var row = await db.GuideVersions.FirstOrDefaultAsync(v => v.GuideId == id && v.Version == version, ct)
                ?? throw new NotFoundException("没有这个问卷版本（随系统发布的版本不需要启用，停用上传的版本即可恢复）。");
            if (cache.Parse(row.Sha256, row.Yaml, $"{id} v{version}") is null)
                throw new ConflictException("这个版本已无法被当前系统读取，不能启用。");
            await db.GuideVersions.Where(v => v.GuideId == id && v.IsActive && v.Id != row.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.IsActive, false), ct);
            row.IsActive = true;
            audit.Record("guide.activate", "Guide", $"{id}@{version}");
            await db.SaveChangesAsync(ct);
        }

        public async Task DeactivateAsync(string id, CancellationToken ct)
        {
            if (!await db.GuideVersions.AnyAsync(v => v.GuideId == id, ct))
                throw new NotFoundException("这个问卷没有上传过的版本。");
            await db.GuideVersions.Where(v => v.GuideId == id && v.IsActive).ExecuteUpdateAsync(u => u.SetProperty(v => v.IsActive, false), ct);
            audit.Record("guide.deactivate", "Guide", id);
            await db.SaveChangesAsync(ct);
        }

        public async Task<string> YamlAsync(string id, int version, CancellationToken ct)
        {
            if (cache.Shipped.GetValueOrDefault(id) is { } shipped && shipped.Version == version)
                return ShippedGuides.Sources.Select(s => s.Yaml).First(y => GuideCache.Sha256(y) == shipped.Sha256);
            return await db.GuideVersions.AsNoTracking().Where(v => v.GuideId == id && v.Version == version).Select(v => v.Yaml).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("没有这个问卷版本。");
        }
    }

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/guides", async Task<Ok<IReadOnlyList<GuideVersionsDto>>> (Handler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(ct)))
            .WithName("ListGuideVersions").WithSummary("全部问卷及其版本历史");
        admin.MapPost("/guides/{id}/versions/{version:int}/activate", async Task<NoContent> (string id, int version, Handler h, CancellationToken ct) =>
            {
                await h.ActivateAsync(id, version, ct);
                return TypedResults.NoContent();
            })
            .WithName("ActivateGuideVersion").WithSummary("启用某个上传的版本").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/guides/{id}/deactivate", async Task<NoContent> (string id, Handler h, CancellationToken ct) =>
            {
                await h.DeactivateAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeactivateGuide").WithSummary("停用上传的版本（恢复随系统发布的版本）").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/guides/{id}/versions/{version:int}/yaml", async (string id, int version, Handler h, CancellationToken ct) =>
                TypedResults.Text(await h.YamlAsync(id, version, ct), "application/yaml; charset=utf-8"))
            .WithName("DownloadGuideYaml").WithSummary("下载某个版本的 YAML").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
