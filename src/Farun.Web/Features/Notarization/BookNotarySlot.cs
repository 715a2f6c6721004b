using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Notarization;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Notarization;

/// <summary>
/// Books a free slot for an open notarization case (the applicant themselves or staff who can see the case): a slot is
/// booked once whatever the concurrency (the unique booking per slot), the booking is recorded on the case and audited.
/// Used by <c>POST /api/cases/{id}/notarization/booking</c> and by the online appointment a guide ends with.
/// </summary>
public sealed class BookNotarySlot(FarunDbContext db, CaseAccess access, CaseReader reader, CaseRules rules, AuditLog audit, TimeProvider time)
{
    /// <summary>The slot, when it exists and is still ahead; otherwise a 400 on <paramref name="field"/>.</summary>
    public async Task<NotarySlot> FreeSlotAsync(Guid? slotId, string field, CancellationToken ct)
    {
        var slot = await db.NotarySlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct)
            ?? throw BadRequestException.ForField(field, "未找到该时段。");
        if (slot.StartsAt <= time.GetUtcNow())
            throw BadRequestException.ForField(field, "该时段已过。");
        if (await db.NotaryBookings.AnyAsync(b => b.SlotId == slot.Id, ct))
            throw BadRequestException.ForField(field, "该时段已被预约，请选择其他时段。");
        return slot;
    }

    public async Task<BookingDto> HandleAsync(Guid caseId, NotaryEndpoints.Book r, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(user, ct);
        var c = await reader.LoadForUpdateAsync(caseId, scope, ct);
        if (c.Notarization is null || !c.IsOpen)
            throw new ConflictException("只有办理中的公证事项可以预约。", []);
        var slot = await db.NotarySlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == r.SlotId, ct)
            ?? throw BadRequestException.ForField("slotId", "未找到该时段。");
        var now = time.GetUtcNow();
        if (slot.StartsAt <= now)
            throw BadRequestException.ForField("slotId", "该时段已过。");
        var booking = CaseErrors.Run(() => new NotaryBooking(slot, c.Id, r.Address, r.Note, now));
        db.NotaryBookings.Add(booking);
        c.RecordBooking(new CaseContext(scope.Actor, now, Farun.Common.Calendar.WorkingDayCalendar.China, rules),
            $"预约{slot.Kind.DisplayName()}：{slot.StartsAt.ToOffset(Farun.Common.Calendar.ChinaTime.Offset):yyyy年M月d日 HH:mm}{(booking.Address is null ? "" : "，地点：" + booking.Address)}");
        audit.Record("notarization.book", "Case", c.Id, new { c.Number, slot = slot.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("该时段已被预约，请选择其他时段。", []);
        }

        return new BookingDto(booking.SlotId, booking.Kind, booking.Kind.DisplayName(), booking.StartsAt, booking.Address, booking.Note);
    }
}
