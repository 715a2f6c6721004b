using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Mediation;

/// <summary>
/// The mediator registry: GET /api/mediation/committees, GET /api/mediation/mediators (filter by committee, stationed lawyers),
/// GET /api/cases/{id}/mediator-candidates (the case's committee and stationed lawyers, specialty match first, then load).
/// </summary>
public static class MediatorRegistry
{
    public sealed record CommitteeDto(Guid Id, string Name, CommitteeKind Kind, string KindName, Guid ServicePointId, bool IsActive);

    public sealed record MediatorDto(
        Guid Id, string Name, Guid CommitteeId, string CommitteeName, bool IsStationedLawyer, string? PoliceStation,
        IReadOnlyList<DisputeType> Specialties, string SpecialtyNames, bool HasAccount, int OpenCases);

    public sealed record Candidate(MediatorDto Mediator, bool SpecialtyMatches);

    public sealed class Handler(FarunDbContext db, CaseReader reader, CaseAccess access)
    {
        public async Task<IReadOnlyList<CommitteeDto>> CommitteesAsync(CancellationToken ct) =>
            [.. (await db.MediationCommittees.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct))
                .Select(c => new CommitteeDto(c.Id, c.Name, c.Kind, c.Kind.DisplayName(), c.ServicePointId, c.IsActive))];

        public async Task<IReadOnlyList<MediatorDto>> MediatorsAsync(Guid? committeeId, bool? stationed, CancellationToken ct)
        {
            var q = db.Mediators.AsNoTracking().Where(m => m.IsActive);
            if (committeeId is { } cid)
                q = q.Where(m => m.CommitteeId == cid);
            if (stationed is { } s)
                q = q.Where(m => m.IsStationedLawyer == s);
            return await ToDtosAsync(await q.OrderBy(m => m.Name).ToListAsync(ct), ct);
        }

        public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid caseId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ScopeAsync(user, ct);
            var c = await reader.LoadForUpdateAsync(caseId, scope, ct);
            var d = c.Mediation ?? throw new BadRequestException("该事项不是人民调解事项。");
            var mediators = await db.Mediators.AsNoTracking()
                .Where(m => m.IsActive && (m.CommitteeId == d.CommitteeId || (m.IsStationedLawyer && m.PoliceStation == d.PoliceStation)))
                .ToListAsync(ct);
            var dtos = await ToDtosAsync(mediators, ct);
            return [.. dtos.Select(m => new Candidate(m, m.Specialties.Contains(d.DisputeType)))
                .OrderByDescending(x => x.SpecialtyMatches).ThenBy(x => x.Mediator.OpenCases).ThenBy(x => x.Mediator.Name, StringComparer.Ordinal)];
        }

        private async Task<IReadOnlyList<MediatorDto>> ToDtosAsync(List<Mediator> mediators, CancellationToken ct)
        {
            var ids = mediators.Select(m => m.Id).ToList();
            var loads = await db.MediationDetails.AsNoTracking()
                .Where(d => d.MediatorId != null && ids.Contains(d.MediatorId.Value) && db.Cases.Any(c => c.Id == d.CaseId && c.IsOpen))
                .GroupBy(d => d.MediatorId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var committeeIds = mediators.Select(m => m.CommitteeId).Distinct().ToList();
            var committees = await db.MediationCommittees.AsNoTracking().Where(c => committeeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            return [.. mediators.Select(m => new MediatorDto(m.Id, m.Name, m.CommitteeId, committees.GetValueOrDefault(m.CommitteeId, ""), m.IsStationedLawyer, m.PoliceStation,
                m.SpecialtyList, string.Join("、", m.SpecialtyList.Select(s => s.DisplayName())), m.UserId is not null, loads.GetValueOrDefault(m.Id)))];
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/mediation/committees", async Task<Ok<IReadOnlyList<CommitteeDto>>> (Handler h, CancellationToken ct) => TypedResults.Ok(await h.CommitteesAsync(ct)))
            .WithName("ListMediationCommittees").WithSummary("人民调解委员会名册");
        app.MapGet("/mediation/mediators", async Task<Ok<IReadOnlyList<MediatorDto>>> (Guid? committeeId, bool? stationed, Handler h, CancellationToken ct) =>
                TypedResults.Ok(await h.MediatorsAsync(committeeId, stationed, ct)))
            .WithName("ListMediators").WithSummary("人民调解员名册（可按调解委员会、驻所律师筛选）");
        app.MapGet("/cases/{id:guid}/mediator-candidates", async Task<Ok<IReadOnlyList<Candidate>>> (Guid id, Handler h, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await h.CandidatesAsync(id, http.User, ct)))
            .WithName("MediatorCandidates").WithSummary("可指派的调解员：本调解委员会及该派出所驻所律师，擅长该类纠纷者优先，其次在办最少")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
