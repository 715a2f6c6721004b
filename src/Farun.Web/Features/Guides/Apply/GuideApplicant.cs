using System.Security.Claims;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Citizens;
using Microsoft.AspNetCore.Authentication;

namespace Farun.Web.Features.Guides.Apply;

/// <summary>
/// Who is applying at the end of a guide. Guides are public and the default scheme ignores the citizen cookie (citizens
/// are anonymous to staff policies), so the signed-in citizen is read from the citizen scheme explicitly.
/// </summary>
public static class GuideApplicant
{
    public static bool IsCitizen(ClaimsPrincipal user) => user.FindFirst(FarunClaims.ActorKind)?.Value == "Citizen";

    /// <summary>The request's user when it is a citizen, else the citizen signed in by phone, else the request's user.</summary>
    public static async Task<ClaimsPrincipal> ResolveAsync(HttpContext? http)
    {
        if (http is null)
            return new ClaimsPrincipal(new ClaimsIdentity());
        if (IsCitizen(http.User))
            return http.User;
        var citizen = await http.AuthenticateAsync(CitizenAuthentication.Scheme);
        return citizen.Succeeded && citizen.Principal is { } p && IsCitizen(p) ? p : http.User;
    }
}
