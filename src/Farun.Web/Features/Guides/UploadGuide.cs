using System.Security.Claims;
using Farun.Data;
using Farun.Features.Guides;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Guides.Engine;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides;

/// <summary>
/// POST /api/admin/guides — a system administrator uploads a guide (a new guide or a new version of one). It is
/// validated like the shipped guides, with its citations checked against the law library in the database; problems
/// come back as a 400 whose <c>errors.yaml</c> lists "line:column message". The version must be higher than every
/// version of that guide, shipped or uploaded. Audited.
/// </summary>
public static class UploadGuide
{
    public sealed record Request(string? Yaml, string? Note, bool? Activate);

    public sealed record Response(string Id, int Version, string Title, bool Active, DateTimeOffset UploadedAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Yaml).NotEmpty().WithMessage("请提供问卷的 YAML 内容。")
                .MaximumLength(GuideYamlReader.MaxYamlLength).WithMessage($"问卷文件不能超过{GuideYamlReader.MaxYamlLength / 1000}千字符。");
            RuleFor(x => x.Note).MaximumLength(500).WithMessage("修改说明不能超过500个字符。").NoControlCharacters().WithName("修改说明");
        }
    }

    /// <summary>A 400 listing the problems of a guide, one "line:column message" each.</summary>
    public static BadRequestException Rejected(IReadOnlyList<GuideDiagnostic> problems) =>
        new($"问卷有{problems.Count}处问题：" + string.Join("；", problems.Take(3).Select(p => p.ToString())) + (problems.Count > 3 ? "……" : ""),
            new Dictionary<string, string[]> { ["yaml"] = [.. problems.Select(p => p.ToString())] });

    public sealed class Handler(FarunDbContext db, GuideCache cache, DbLawLookup laws, AuditLog audit, TimeProvider time)
    {
        /// <summary>Validates without storing (the admin page's "check" button).</summary>
        public async Task<(GuideDefinition? Guide, IReadOnlyList<GuideDiagnostic> Problems)> CheckAsync(string yaml, CancellationToken ct)
        {
            var read = GuideYamlReader.Read(yaml);
            if (read.Guide is null)
                return (null, read.Diagnostics);
            var lookup = await laws.ForAsync(read.Guide, ct);
            var problems = read.Diagnostics.Concat(GuideValidator.Validate(read.Guide, lookup)).Distinct()
                .OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ToList();
            if (problems.Count == 0)
            {
                var highest = await HighestVersionAsync(read.Guide.Id, ct);
                if (read.Guide.Version <= highest)
                    problems.Add(new GuideDiagnostic(new SourcePosition(1, 1), DiagnosticKind.Schema,
                        $"问卷“{read.Guide.Id}”已有第{highest}版，新上传的 version 必须大于{highest}"));
            }

            return (problems.Count == 0 ? read.Guide : null, problems);
        }

        public async Task<Response> HandleAsync(Request request, ClaimsPrincipal user, CancellationToken ct)
        {
            var yaml = request.Yaml!.Replace("\r\n", "\n", StringComparison.Ordinal);
            var (guide, problems) = await CheckAsync(yaml, ct);
            if (guide is null)
                throw Rejected(problems);

            var (_, actorId, actorName) = AuditLog.Actor(user);
            var sha = GuideCache.Sha256(yaml);
            var version = new GuideVersion(guide.Id, guide.Version, guide.Title, yaml, sha, actorId, actorName, time.GetUtcNow(), request.Note?.Trim());
            var activate = request.Activate ?? true;
            if (activate)
            {
                await db.GuideVersions.Where(v => v.GuideId == guide.Id && v.IsActive).ExecuteUpdateAsync(u => u.SetProperty(v => v.IsActive, false), ct);
                version.IsActive = true;
            }

            db.GuideVersions.Add(version);
            audit.Record("guide.upload", "Guide", $"{guide.Id}@{guide.Version}", new { id = guide.Id, version = guide.Version, sha256 = sha, active = activate, note = version.Note });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two uploads of the same version at once: the unique index keeps one.
                throw new ConflictException($"问卷“{guide.Id}”第{guide.Version}版已存在。");
            }

            cache.Parse(sha, yaml, $"{guide.Id} v{guide.Version}");
            return new Response(guide.Id, guide.Version, guide.Title, activate, version.UploadedAt);
        }

        private async Task<int> HighestVersionAsync(string id, CancellationToken ct)
        {
            var uploaded = await db.GuideVersions.Where(v => v.GuideId == id).Select(v => (int?)v.Version).MaxAsync(ct) ?? 0;
            var shipped = cache.Shipped.GetValueOrDefault(id)?.Version ?? 0;
            return Math.Max(uploaded, shipped);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapPost("/guides", async Task<Created<Response>> (Request request, Handler h, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var r = await h.HandleAsync(request, user, ct);
                return TypedResults.Created($"/api/guides/{r.Id}?version={r.Version}", r);
            })
            .Validate<Request>()
            .WithName("UploadGuide")
            .WithSummary("上传问卷（新问卷或新版本），校验不通过时返回逐行的问题列表")
            .ProducesProblem(StatusCodes.Status409Conflict);
}
