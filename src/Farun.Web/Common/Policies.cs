using Farun.Features.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Farun.Web.Common;

/// <summary>Named authorization policies. Every non-public endpoint names one of these (or a stricter check).</summary>
public static class Policies
{
    /// <summary>Reading the audit log: the audit administrator only (三员分立).</summary>
    public const string AuditRead = nameof(AuditRead);

    /// <summary>Accounts, roles and tokens: the security administrator only.</summary>
    public const string SecurityAdmin = nameof(SecurityAdmin);

    /// <summary>System configuration and data maintenance: the system administrator only.</summary>
    public const string SystemAdmin = nameof(SystemAdmin);

    /// <summary>Front-line and management work on cases: any staff role except the three administrators.</summary>
    public const string CaseWork = nameof(CaseWork);

    /// <summary>Managers: statistics and exports for their scope.</summary>
    public const string Management = nameof(Management);

    /// <summary>A citizen signed in by phone and code (the citizen cookie only; staff cookies and tokens do not pass).
    /// Citizens are anonymous to every other policy: they hold no staff role and the default scheme ignores their cookie.</summary>
    public const string Citizen = nameof(Citizen);

    public static readonly string[] CaseWorkRoles =
    [
        Roles.Manager, Roles.Staff, Roles.HotlineAgent, Roles.Mediator, Roles.LegalAidOfficer, Roles.Notary, Roles.Lawyer,
    ];

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(AuditRead, p => p.RequireRole(Roles.AuditAdmin));
        o.AddPolicy(SecurityAdmin, p => p.RequireRole(Roles.SecurityAdmin));
        o.AddPolicy(SystemAdmin, p => p.RequireRole(Roles.SystemAdmin));
        o.AddPolicy(CaseWork, p => p.RequireRole(CaseWorkRoles));
        o.AddPolicy(Management, p => p.RequireRole(Roles.Manager));
        o.AddPolicy(Citizen, p => p.AddAuthenticationSchemes(Features.Citizens.CitizenAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(Features.Audit.FarunClaims.ActorKind, nameof(Farun.Features.Audit.ActorKind.Citizen)));
    }
}
