using Farun.Data;
using Farun.Features.Mediation;
using Farun.Features.Notarization;
using Farun.Web.Features.Guides.Engine;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides.Apply;

/// <summary>What the application page offers besides the pre-filled fields: the people's mediation committees a request
/// can go to, and the free notarization slots (window or home visit) an appointment can book.</summary>
public sealed class ApplicationChoices(FarunDbContext db, TimeProvider time)
{
    public const int MaxSlots = 30;

    public sealed record Committee(Guid Id, string Name, string KindName);

    public sealed record Slot(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string KindName, string ServicePoint);

    public async Task<IReadOnlyList<Committee>> CommitteesAsync(CancellationToken ct)
    {
        var rows = await db.MediationCommittees.AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Kind == CommitteeKind.Street ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new Committee(c.Id, c.Name, c.Kind.DisplayName()))];
    }

    /// <summary>The kind of slot a notarization application books: a home visit when the guide found the applicant cannot
    /// come (<c>home_visit</c>), otherwise the window (on-site slots are for lotteries and evidence).</summary>
    public static SlotKind SlotKindFor(IReadOnlyDictionary<string, object?> fields) => fields.GetValueOrDefault("home_visit") is true ? SlotKind.HomeVisit : SlotKind.Window;

    /// <summary>Free slots of the kind ahead, earliest first; a time offered to several applicants at once (a slot's
    /// capacity) is listed once, as its first free place.</summary>
    public async Task<IReadOnlyList<Slot>> FreeSlotsAsync(SlotKind kind, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var slots = await db.NotarySlots.AsNoTracking()
            .Where(s => s.StartsAt > now && s.Kind == kind && !db.NotaryBookings.Any(b => b.SlotId == s.Id))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(MaxSlots * 4)
            .Join(db.ServicePoints, s => s.ServicePointId, p => p.Id, (s, p) => new { s.Id, s.StartsAt, s.EndsAt, s.Kind, s.ServicePointId, p.Name })
            .ToListAsync(ct);
        return [.. slots.DistinctBy(s => (s.StartsAt, s.EndsAt, s.ServicePointId)).Take(MaxSlots).Select(s => new Slot(s.Id, s.StartsAt, s.EndsAt, s.Kind.DisplayName(), s.Name))];
    }

    public async Task<(IReadOnlyList<Committee> Committees, IReadOnlyList<Slot> Slots)> ForAsync(RenderedAction action, CancellationToken ct) => action.Kind switch
    {
        ApplicationKind.Mediation => (await CommitteesAsync(ct), []),
        ApplicationKind.Notarization => ([], await FreeSlotsAsync(SlotKindFor(action.Values), ct)),
        _ => ([], []),
    };
}
