using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Web.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>Reads one case as <see cref="CaseDto"/> for a caller: their allowed actions, the deadline now, the timeline they may see.</summary>
public sealed class CaseReader(FarunDbContext db, CaseAccess access, ServicePointDirectory directory, CaseRules rules, TimeProvider time)
{
    /// <summary>Timeline kinds a citizen sees: what happened to their matter, not internal notes and assignments.</summary>
    private static readonly CaseEventKind[] CitizenEventKinds =
        [CaseEventKind.Created, CaseEventKind.Transition, CaseEventKind.Link, CaseEventKind.Referral, CaseEventKind.Transfer, CaseEventKind.Attachment];

    /// <summary>The case with the data transitions need, tracked, or 404 when the caller cannot see it.</summary>
    public async Task<Case> LoadForUpdateAsync(Guid id, CallerScope scope, CancellationToken ct) =>
        await access.Visible(scope)
            .Include(c => c.Parties)
            .Include(c => c.Clocks.Where(k => k.StoppedAt == null))
            .Include(c => c.Consultation)
            .Include(c => c.LegalAid)
            .Include(c => c.Mediation)
            .Include(c => c.Notarization)
            .Include(c => c.Complaint)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException("未找到该服务事项，或无权查看。");

    public async Task<CaseDto> ReadAsync(Guid id, CallerScope scope, CancellationToken ct)
    {
        var c = await access.Visible(scope).AsNoTracking()
            .Include(x => x.Parties)
            .Include(x => x.Events)
            .Include(x => x.Clocks.Where(k => k.StoppedAt == null))
            .Include(x => x.Referrals)
            .Include(x => x.LinksFrom)
            .Include(x => x.Consultation!).ThenInclude(d => d.Citations)
            .Include(x => x.LegalAid)
            .Include(x => x.Mediation!).ThenInclude(m => m.Sessions)
            .Include(x => x.Notarization)
            .Include(x => x.Complaint)
            .AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("未找到该服务事项，或无权查看。");
        return await ToDtoAsync(c, scope, ct);
    }

    private sealed record PersonMasks(Guid Id, string? IdNumberMasked, string? PhoneMasked, Farun.Features.Persons.SpecialGroups Groups);

    private sealed record OtherCase(Guid Id, string Number, CaseType Type, CaseState State);

    /// <param name="justCreated">The case was created in this request (nothing can link to it yet): its incoming links are
    /// not looked up.</param>
    public async Task<CaseDto> ToDtoAsync(Case c, CallerScope scope, CancellationToken ct, bool justCreated = false)
    {
        var now = time.GetUtcNow();
        var sps = await directory.GetAsync(ct);
        // Persons this unit of work already holds (registered or found by the request) are not read again.
        var persons = new Dictionary<Guid, PersonMasks>();
        foreach (var id in c.Parties.Where(p => p.PersonId != null).Select(p => p.PersonId!.Value).Distinct())
        {
            if (db.Persons.Local.FindEntry(id) is { State: EntityState.Unchanged } entry)
                persons[id] = new PersonMasks(id, entry.Entity.IdNumberMasked, entry.Entity.PhoneMasked, entry.Entity.Groups);
        }

        var personIds = c.Parties.Where(p => p.PersonId is { } id && !persons.ContainsKey(id)).Select(p => p.PersonId!.Value).ToList();
        if (personIds.Count > 0)
        {
            foreach (var p in await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .Select(p => new PersonMasks(p.Id, p.IdNumberMasked, p.PhoneMasked, p.Groups)).ToListAsync(ct))
                persons[p.Id] = p;
        }

        var incoming = justCreated ? [] : await db.CaseLinks.AsNoTracking().Where(l => l.ToCaseId == c.Id).ToListAsync(ct);
        var links = c.LinksFrom.Select(l => (Other: l.ToCaseId, l.Kind, Direction: "To"))
            .Concat(incoming.Select(l => (Other: l.FromCaseId, l.Kind, Direction: "From"))).ToList();
        var otherIds = links.Select(l => l.Other).ToList();
        var others = otherIds.Count == 0 ? [] : await db.Cases.AsNoTracking().Where(x => otherIds.Contains(x.Id))
            .Select(x => new OtherCase(x.Id, x.Number, x.Type, x.State)).ToDictionaryAsync(x => x.Id, ct);
        var events = c.Events.Where(e => !scope.IsCitizen || CitizenEventKinds.Contains(e.Kind)).OrderBy(e => e.At).ThenBy(e => e.Id);

        return new CaseDto(
            c.Id, c.Number, c.Type, c.Type.DisplayName(), c.State, c.State.DisplayName(), c.IsOpen,
            c.Channel, c.Channel.DisplayName(), new RefDto(c.ServicePointId, sps.Name(c.ServicePointId)), c.Priority,
            c.AssigneeId is { } a ? new RefDto(a, c.AssigneeName ?? "") : null,
            c.ApplicantName, c.Summary, CaseMapping.Deadline(c.RunningClock, now, rules, WorkingDayCalendar.China),
            CaseActionPolicy.AllowedFor(c, scope.Actor),
            [.. c.Parties.OrderBy(p => p.Role).ThenBy(p => p.Id).Select(p =>
            {
                var person = p.PersonId is { } pid ? persons.GetValueOrDefault(pid) : null;
                return new PartyDto(p.Id, p.Role, p.Role.DisplayName(), p.Name, p.PersonId, p.OrganisationId, person?.IdNumberMasked, person?.PhoneMasked,
                    person is null ? null : CaseMapping.GroupNames(person.Groups));
            })],
            c.Consultation is { } cd ? CaseMapping.ToDto(cd) : null,
            c.LegalAid is { } ld ? CaseMapping.ToDto(ld, ChinaTime.DateOf(now)) : null,
            [.. links.Where(l => others.ContainsKey(l.Other)).Select(l =>
            {
                var o = others[l.Other];
                return new LinkDto(o.Id, o.Number, o.Type, o.Type.DisplayName(), o.State, o.State.DisplayName(), l.Kind, l.Direction);
            })],
            [.. c.Referrals.OrderBy(r => r.At).Select(CaseMapping.ToDto)],
            [.. events.Select(CaseMapping.ToDto)],
            c.CreatedAt, c.CreatedByName, c.UpdatedAt, c.ClosedAt, c.Version,
            c.Mediation is { } md ? Farun.Web.Features.Mediation.MediationMapping.ToDto(md, c.RunningClock) : null,
            c.Notarization is { } nd ? Farun.Web.Features.Notarization.NotarizationActions.ToDto(nd, await db.NotaryBookings.AsNoTracking().Where(b => b.CaseId == c.Id).ToListAsync(ct)) : null,
            c.Complaint is { } td ? Farun.Web.Features.Complaints.ComplaintActions.ToDto(td) : null);
    }
}

/// <summary>GET /api/cases/{id} — the case with state, deadline, allowed actions for this caller, typed data and timeline.</summary>
public static class GetCase
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{id:guid}", async Task<Ok<CaseDto>> (Guid id, CaseReader reader, CaseAccess access, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await reader.ReadAsync(id, await access.ScopeAsync(http.User, ct), ct)))
            .WithName("GetCase")
            .WithSummary("服务事项详情：状态、期限、当前用户可执行的操作、类型数据、办理记录")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
