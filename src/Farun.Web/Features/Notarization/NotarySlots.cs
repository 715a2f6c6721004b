using System.Security.Claims;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Features.Notarization;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Notarization;

/// <summary>
/// A notary office opens bookable slots (window appointments, home visits, on-site supervision) and sees them with their
/// bookings. Notaries and managers only, at the service points of their scope. Used by <c>POST /api/notarization/slots</c>
/// and the page <c>/notarization/slots</c>.
/// </summary>
public sealed class OpenNotarySlots(FarunDbContext db, CaseAccess access, AuditLog audit, TimeProvider time)
{
    public const int MaxRows = 300;

    /// <summary>A slot of the schedule with its booking, if any (the case number and applicant only for cases the caller may see).</summary>
    public sealed record ScheduleRow(
        Guid SlotId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, SlotKind Kind, string KindName, Guid ServicePointId,
        Guid? CaseId, string? CaseNumber, string? Applicant, string? CaseState, int? VisitCount, string? Address, string? Note);

    public static bool MayOpen(ClaimsPrincipal user) => user.IsInRole(Roles.Notary) || user.IsInRole(Roles.Manager);

    public async Task<IReadOnlyList<SlotDto>> HandleAsync(NotaryEndpoints.OpenSlots r, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MayOpen(user))
            throw new ForbiddenException("只有公证员或管理人员可以开放预约时段。");
        if (!await db.ServicePoints.AnyAsync(p => p.Id == r.ServicePointId, ct))
            throw BadRequestException.ForField("servicePointId", "未找到该服务点。");
        if (!CaseAccess.CanWorkAt(await access.ScopeAsync(user, ct), r.ServicePointId!.Value))
            throw new ForbiddenException("只能为本人所在（或所管辖）的服务点开放预约时段。");
        var now = time.GetUtcNow();
        if (r.StartsAt!.Value <= now)
            throw BadRequestException.ForField("startsAt", "开始时间须晚于现在。");
        var minutes = r.Minutes ?? 30;
        var kind = r.Kind ?? SlotKind.Window;
        var slots = Enumerable.Range(0, r.Count ?? 1)
            .SelectMany(i => Enumerable.Range(0, r.Capacity ?? 1).Select(_ => new NotarySlot(r.ServicePointId!.Value, r.StartsAt!.Value.AddMinutes(i * minutes),
                r.StartsAt.Value.AddMinutes((i + 1) * minutes), kind, now)))
            .ToList();
        db.NotarySlots.AddRange(slots);
        audit.Record("notarization.slots", "ServicePoint", r.ServicePointId, new { count = slots.Count, capacity = r.Capacity ?? 1, kind = kind.ToString() });
        await db.SaveChangesAsync(ct);
        return [.. slots.Select(s => new SlotDto(s.Id, s.ServicePointId, s.StartsAt, s.EndsAt, s.Kind, s.Kind.DisplayName()))];
    }

    /// <summary>The slots of the caller's service points from <paramref name="from"/> on (earliest first), booked or free.</summary>
    public async Task<IReadOnlyList<ScheduleRow>> ScheduleAsync(ClaimsPrincipal user, DateTimeOffset from, CancellationToken ct)
    {
        if (!MayOpen(user))
            throw new ForbiddenException("只有公证员或管理人员可以管理预约时段。");
        var scope = await access.ScopeAsync(user, ct);
        var points = scope.ServicePointIds;
        var fromUtc = from.ToUniversalTime();
        var slots = await db.NotarySlots.AsNoTracking().Where(s => points.Contains(s.ServicePointId) && s.EndsAt > fromUtc)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Kind).Take(MaxRows).ToListAsync(ct);
        var ids = slots.Select(s => s.Id).ToList();
        var bookings = await db.NotaryBookings.AsNoTracking().Where(b => ids.Contains(b.SlotId)).ToListAsync(ct);
        var caseIds = bookings.Select(b => b.CaseId).ToList();
        var cases = await access.Visible(scope).AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.ApplicantName, c.State, Visits = db.NotarizationDetails.Where(d => d.CaseId == c.Id).Select(d => (int?)d.VisitCount).FirstOrDefault() })
            .ToListAsync(ct);
        var byCase = cases.ToDictionary(c => c.Id);
        var bySlot = bookings.ToDictionary(b => b.SlotId);
        return [.. slots.Select(s =>
        {
            var b = bySlot.GetValueOrDefault(s.Id);
            var c = b is null ? null : byCase.GetValueOrDefault(b.CaseId);
            return new ScheduleRow(s.Id, s.StartsAt, s.EndsAt, s.Kind, s.Kind.DisplayName(), s.ServicePointId, c?.Id, c?.Number ?? (b is null ? null : "（无权查看）"),
                c?.ApplicantName, c?.State.DisplayName(), c?.Visits, b?.Address, b?.Note);
        })];
    }
}
