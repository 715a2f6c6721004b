using System.Security.Claims;
using Farun.Data;
using Farun.Features.Audit;
using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>What part of the case record a caller may see.</summary>
public enum ScopeKind
{
    /// <summary>Nothing: the three administrators (三员分立), anonymous callers.</summary>
    None = 0,

    /// <summary>Cases of the caller's service point, and those assigned to them.</summary>
    Staff = 1,

    /// <summary>Cases of the manager's service point and every service point below it, and those assigned to them.</summary>
    Manager = 2,

    /// <summary>A lawyer account: only the cases they handle or were assigned to as lawyer.</summary>
    Lawyer = 3,

    /// <summary>A citizen: only their own cases (filed by their account, or with them as applicant by phone).</summary>
    Citizen = 4,
}

/// <summary>The caller as the case rules see them, with the service points their scope covers.</summary>
/// <param name="AllServicePoints">The scope covers every service point (a manager at the district centre): every case is
/// visible, so queries need no visibility filter.</param>
public sealed record CallerScope(CaseActor Actor, ScopeKind Kind, IReadOnlyList<Guid> ServicePointIds, string? PhoneHash, bool AllServicePoints = false)
{
    public Guid? UserId => Actor.UserId;

    public bool IsCitizen => Kind == ScopeKind.Citizen;

    public bool CanWork => Kind is ScopeKind.Staff or ScopeKind.Manager or ScopeKind.Lawyer;
}

/// <summary>
/// The one place where case visibility is decided. Every case query goes through <see cref="Apply"/>, so lists, counts,
/// single reads and actions agree; a case outside the scope is "not found", not "forbidden", so its existence is not revealed.
/// </summary>
public sealed class CaseAccess(FarunDbContext db, ServicePointDirectory directory)
{
    /// <summary>Claim with the blind index of a citizen's verified phone (set by citizen sign-in).</summary>
    public const string PhoneHashClaim = "farun:phone-hash";

    public async Task<CallerScope> ScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var (kind, id, name) = AuditLog.Actor(user);
        var display = user.FindFirstValue("farun:name") is { Length: > 0 } n ? n : name;
        if (kind == ActorKind.Citizen && id is { } citizen)
            return new CallerScope(CaseActor.Citizen(citizen, display), ScopeKind.Citizen, [], user.FindFirstValue(PhoneHashClaim));
        if (kind is not (ActorKind.Staff or ActorKind.Partner) || id is not { } userId)
            return new CallerScope(new CaseActor(kind, id, display, new HashSet<string>(), null), ScopeKind.None, [], null);

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        Guid? sp = Guid.TryParse(user.FindFirstValue(FarunClaims.ServicePoint), out var g) ? g : null;
        Guid? lawyerId = null;
        if (roles.Contains(Roles.Lawyer))
            lawyerId = await db.Lawyers.Where(l => l.UserId == userId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        var actor = new CaseActor(kind, userId, display, roles, sp, lawyerId);
        if (actor.IsAdministrator || !roles.Overlaps(Common.Policies.CaseWorkRoles))
            return new CallerScope(actor, ScopeKind.None, [], null);
        if (roles.Contains(Roles.Manager))
        {
            var points = await directory.GetAsync(ct);
            var subtree = sp is { } m ? points.Subtree(m) : [];
            return new CallerScope(actor, ScopeKind.Manager, subtree, null, AllServicePoints: subtree.Count > 0 && subtree.Count == points.ById.Count);
        }

        if (roles.SetEquals([Roles.Lawyer]))
            return new CallerScope(actor, ScopeKind.Lawyer, [], null);
        return new CallerScope(actor, ScopeKind.Staff, sp is { } s ? [s] : [], null);
    }

    /// <summary>The cases <paramref name="scope"/> may see.</summary>
    public IQueryable<Case> Apply(IQueryable<Case> cases, CallerScope scope)
    {
        var me = scope.UserId;
        switch (scope.Kind)
        {
            case ScopeKind.Manager when scope.AllServicePoints:
                return cases;
            case ScopeKind.Staff:
            case ScopeKind.Manager:
                var points = scope.ServicePointIds;
                if (scope.Kind == ScopeKind.Staff)
                {
                    // Complaints are the managers' (the subject may work at the same service point): front-line staff see only
                    // those they registered or handle.
                    cases = cases.Where(c => c.Type != CaseType.Complaint || c.CreatedById == me || c.AssigneeId == me);
                }

                if (points.Count == 1)
                {
                    var only = points[0];
                    return cases.Where(c => c.ServicePointId == only || c.AssigneeId == me || c.LawyerUserId == me);
                }

                return cases.Where(c => points.Contains(c.ServicePointId) || c.AssigneeId == me || c.LawyerUserId == me);
            case ScopeKind.Lawyer:
                return cases.Where(c => c.AssigneeId == me || c.LawyerUserId == me);
            case ScopeKind.Citizen:
                var hash = scope.PhoneHash;
                if (hash is null)
                    return cases.Where(c => c.CitizenAccountId == me);
                return cases.Where(c => c.CitizenAccountId == me
                    || c.Parties.Any(p => p.Role == PartyRole.Applicant && db.Persons.Any(x => x.Id == p.PersonId && x.PhoneIndex == hash)));
            default:
                return cases.Where(c => false);
        }
    }

    public IQueryable<Case> Visible(CallerScope scope) => Apply(db.Cases, scope);

    /// <summary>The database, for queries that split the visibility rule into parts (see <see cref="ListCases.Handler.CountsAsync"/>).</summary>
    internal FarunDbContext Db => db;

    /// <summary>Whether the caller may create or move cases at <paramref name="servicePointId"/>.</summary>
    public static bool CanWorkAt(CallerScope scope, Guid servicePointId) =>
        scope.Kind is ScopeKind.Staff or ScopeKind.Manager or ScopeKind.Lawyer
        && (scope.ServicePointIds.Contains(servicePointId) || (scope.Kind == ScopeKind.Lawyer && scope.Actor.ServicePointId == servicePointId));
}
