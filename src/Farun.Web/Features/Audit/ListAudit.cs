using Farun.Data;
using Farun.Features.Audit;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Audit;

/// <summary>GET /api/audit — the audit log, newest first; the audit administrator only. GET /api/audit/verify checks the chain.</summary>
public static class ListAudit
{
    public sealed record Request(DateTimeOffset? From, DateTimeOffset? To, string? Action, string? EntityType, string? EntityId, Guid? ActorId, int? Page, int? PageSize);

    public sealed record EntryDto(long Id, DateTimeOffset At, string ActorKind, Guid? ActorId, string ActorName, string Action,
        string? EntityType, string? EntityId, string? Details, string? IpAddress, string Hash);

    public sealed record Response(int Total, int Page, int PageSize, IReadOnlyList<EntryDto> Items);

    public sealed record VerifyResponse(bool Intact, long Checked, long? FirstBrokenId, string? Problem);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Action).MaximumLength(64).NoControlCharacters().WithName("操作");
            RuleFor(x => x.EntityType).MaximumLength(64).NoControlCharacters().WithName("对象类型");
            RuleFor(x => x.EntityId).MaximumLength(64).NoControlCharacters().WithName("对象ID");
            RuleFor(x => x.Page).InclusiveBetween(1, 100_000).When(x => x.Page is not null).WithMessage("页码须在1到100000之间。");
            RuleFor(x => x.PageSize).InclusiveBetween(1, 200).When(x => x.PageSize is not null).WithMessage("每页条数须在1到200之间。");
            RuleFor(x => x).Must(x => x.From is null || x.To is null || x.From <= x.To).WithName("to").WithMessage("结束时间不能早于开始时间。");
        }
    }

    public sealed class Handler(FarunDbContext db)
    {
        public async Task<Response> HandleAsync(Request r, CancellationToken ct)
        {
            var page = r.Page ?? 1;
            var size = r.PageSize ?? 50;
            var q = db.AuditEntries.AsNoTracking();
            if (r.From is { } from)
                q = q.Where(a => a.At >= from);
            if (r.To is { } to)
                q = q.Where(a => a.At <= to);
            if (!string.IsNullOrWhiteSpace(r.Action))
                q = q.Where(a => a.Action == r.Action);
            if (!string.IsNullOrWhiteSpace(r.EntityType))
                q = q.Where(a => a.EntityType == r.EntityType);
            if (!string.IsNullOrWhiteSpace(r.EntityId))
                q = q.Where(a => a.EntityId == r.EntityId);
            if (r.ActorId is { } actor)
                q = q.Where(a => a.ActorId == actor);
            var total = await q.CountAsync(ct);
            var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
            return new Response(total, page, size, [.. items.Select(a => new EntryDto(a.Id, a.At, a.ActorKind.ToString(), a.ActorId, a.ActorName,
                a.Action, a.EntityType, a.EntityId, a.Details, a.IpAddress, a.Hash))]);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("审计日志").RequireAuthorization(Policies.AuditRead);
        group.MapGet("", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, AuditLog audit, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(request, ct);
                // Reading the audit log is itself audited.
                await audit.RecordNowAsync("audit.read", details: new { request.Action, request.EntityType, request.EntityId, page = request.Page ?? 1 }, ct: ct);
                return TypedResults.Ok(result);
            })
            .Validate<Request>()
            .WithName("ListAudit")
            .WithSummary("查询审计日志（仅安全审计员）");
        group.MapGet("/verify", async Task<Ok<VerifyResponse>> (FarunDbContext db, CancellationToken ct) =>
            {
                var report = await AuditCommands.VerifyAsync(db, ct);
                return TypedResults.Ok(new VerifyResponse(report.IsIntact, report.Checked, report.FirstBrokenId, report.Problem));
            })
            .WithName("VerifyAudit")
            .WithSummary("校验审计日志哈希链");
    }
}
