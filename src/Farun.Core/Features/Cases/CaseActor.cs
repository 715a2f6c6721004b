using Farun.Features.Audit;
using Farun.Features.Identity;

namespace Farun.Features.Cases;

/// <summary>Who performs an action on a case: enough to decide what they may do and to record it on the timeline.</summary>
/// <param name="Kind">Staff, citizen, partner system or the system itself.</param>
/// <param name="UserId">The staff user or citizen account.</param>
/// <param name="Name">Display name for the timeline.</param>
/// <param name="Roles">Staff roles (empty for citizens).</param>
/// <param name="ServicePointId">The staff member's service point.</param>
/// <param name="LawyerId">The lawyer-registry entry of a lawyer's account.</param>
public sealed record CaseActor(ActorKind Kind, Guid? UserId, string Name, IReadOnlySet<string> Roles, Guid? ServicePointId, Guid? LawyerId = null)
{
    public static readonly CaseActor System = new(ActorKind.System, null, "系统", new HashSet<string>(), null);

    public bool Is(string role) => Roles.Contains(role);

    public bool IsCitizen => Kind == ActorKind.Citizen;

    public bool IsStaff => Kind is ActorKind.Staff or ActorKind.Partner;

    public bool IsManager => IsStaff && Is(Identity.Roles.Manager);

    /// <summary>An administrator (三员) does no case work at all.</summary>
    public bool IsAdministrator => Roles.Any(r => Identity.Roles.Administrators.Contains(r));

    public static CaseActor Staff(Guid userId, string name, Guid? servicePointId, params string[] roles) =>
        new(ActorKind.Staff, userId, name, new HashSet<string>(roles), servicePointId);

    public static CaseActor Citizen(Guid accountId, string name) =>
        new(ActorKind.Citizen, accountId, name, new HashSet<string>(), null);
}
