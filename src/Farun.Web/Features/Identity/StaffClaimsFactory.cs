using System.Security.Claims;
using Farun.Features.Identity;
using Farun.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Identity;

/// <summary>Adds the staff member's service point and display name to the sign-in cookie, so scoping needs no lookup.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<StaffRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FarunClaims.ActorKind, "Staff"));
        if (user.ServicePointId is { } sp)
            identity.AddClaim(new Claim(FarunClaims.ServicePoint, sp.ToString()));
        if (!string.IsNullOrWhiteSpace(user.FullName))
            identity.AddClaim(new Claim("farun:name", user.FullName));
        return identity;
    }
}
