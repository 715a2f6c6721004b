using System.Text.Encodings.Web;
using Farun.Web.Features.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Citizens;

/// <summary>
/// The scheme of endpoints open to staff and citizens alike (the case API, <c>CasePolicies.CaseAccess</c>): the app's
/// default authentication first (a bearer token or the staff cookie), and only when that finds nobody, the citizen
/// cookie. The two are never merged into one principal, so a browser holding both cookies acts as the staff member, and
/// a request with a bad bearer token does not fall back to a citizen cookie. Challenges and refusals go to the default
/// scheme (401/403 under /api).
/// </summary>
public sealed class StaffOrCitizenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaffOrCitizen";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The default authenticate scheme (FarunAuthentication.DefaultScheme: bearer token or staff cookie).
        var staff = await Context.AuthenticateAsync();
        if (staff.Succeeded)
            return AuthenticateResult.Success(new AuthenticationTicket(staff.Principal, staff.Properties, Scheme.Name));
        if (FarunAuthentication.HasBearer(Request))
            return staff;

        var citizen = await Context.AuthenticateAsync(CitizenAuthentication.Scheme);
        if (citizen.Succeeded)
            return AuthenticateResult.Success(new AuthenticationTicket(citizen.Principal, citizen.Properties, Scheme.Name));
        return staff.None ? citizen : staff;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(properties);
}
