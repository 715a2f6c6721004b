using System.Security.Claims;
using System.Text.Encodings.Web;
using Farun.Data;
using Farun.Features.Identity;
using Farun.Features.Tokens;
using Farun.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Tokens;

/// <summary>Authentication schemes and the claims a bearer token adds.</summary>
public static class FarunAuthentication
{
    /// <summary>The default scheme: forwards to <see cref="ApiTokenScheme"/> when the request carries
    /// <c>Authorization: Bearer …</c>, else to the staff sign-in cookie. Citizens' cookie is NOT part of it: a citizen is
    /// anonymous to every endpoint that does not name <c>Policies.Citizen</c>.</summary>
    public const string DefaultScheme = "Farun";

    public const string ApiTokenScheme = "ApiToken";

    /// <summary>Id of the token a request was authenticated with.</summary>
    public const string TokenClaim = "farun:token";

    /// <summary>Label of the partner's token (partner tokens only).</summary>
    public const string PartnerClaim = "farun:partner";

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } h && h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddFarunAuthenticationSchemes(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = DefaultScheme;
                o.DefaultAuthenticateScheme = DefaultScheme;
                o.DefaultChallengeScheme = DefaultScheme;
                o.DefaultForbidScheme = DefaultScheme;
            })
            .AddPolicyScheme(DefaultScheme, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx => HasBearer(ctx.Request) ? ApiTokenScheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenScheme, "API token", null);
        return services;
    }
}

/// <summary>
/// <c>Authorization: Bearer frn_…</c>: looks the token up by its hash and keeps the result for a few seconds per node
/// (<see cref="ApiTokenCache"/>: a revocation applies at once on the node that made it, within that bound on the others),
/// and signs the request in as the token's staff account, with the same claims as the cookie sign-in
/// (<see cref="StaffClaimsFactory"/>: roles, <c>farun:sp</c>, <c>farun:name</c>), plus <c>farun:token</c>.
/// A partner token has <c>farun:actor</c> = Partner (audited as a partner system) and <c>farun:partner</c> = its label.
/// Unknown, expired or revoked tokens, and tokens of locked-out accounts, answer 401.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!FarunAuthentication.HasBearer(Request))
            return AuthenticateResult.NoResult();
        var secret = Request.Headers.Authorization.ToString()[7..].Trim();
        if (!ApiToken.LooksLikeSecret(secret))
            return Fail("malformed token");

        var services = Context.RequestServices;
        var hash = ApiToken.Hash(secret);
        var cache = services.GetRequiredService<ApiTokenCache>();
        if (cache.TryGet(hash, TimeProvider.GetUtcNow(), out var cached))
        {
            var fromCache = new ClaimsIdentity(FarunAuthentication.ApiTokenScheme, ClaimTypes.Name, ClaimTypes.Role);
            foreach (var (type, value) in cached.Claims)
                fromCache.AddClaim(new Claim(type, value));
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(fromCache), FarunAuthentication.ApiTokenScheme));
        }

        var db = services.GetRequiredService<FarunDbContext>();
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null)
            return Fail("unknown token");
        var now = TimeProvider.GetUtcNow();
        var status = token.StatusAt(now);
        if (status != ApiTokenStatus.Active)
            return Fail($"token {token.Id} is {status}");

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null)
            return Fail($"token {token.Id}: account is gone");
        if (await users.IsLockedOutAsync(user))
            return Fail($"token {token.Id}: account {user.UserName} is locked out");

        var staff = await services.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
        var identity = new ClaimsIdentity(FarunAuthentication.ApiTokenScheme, ClaimTypes.Name, ClaimTypes.Role);
        foreach (var claim in staff.Claims)
        {
            if (token.Kind == ApiTokenKind.Partner && claim.Type == FarunClaims.ActorKind)
                continue;
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        identity.AddClaim(new Claim(FarunAuthentication.TokenClaim, token.Id.ToString()));
        if (token.Kind == ApiTokenKind.Partner)
        {
            identity.AddClaim(new Claim(FarunClaims.ActorKind, "Partner"));
            identity.AddClaim(new Claim(FarunAuthentication.PartnerClaim, token.Label));
        }

        if (token.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            var threshold = now - LastUsedResolution;
            // Conditional, so a busy token costs one write a minute however many nodes serve it.
            await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < threshold))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        cache.Add(hash, identity, token.ExpiresAt, now);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), FarunAuthentication.ApiTokenScheme));
    }

    private AuthenticateResult Fail(string reason)
    {
        Logger.LogWarning("Bearer token refused for {Method} {Path} from {Ip}: {Reason}",
            Request.Method, Request.Path, Context.Connection.RemoteIpAddress, reason);
        return AuthenticateResult.Fail(reason);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return Task.CompletedTask;
    }
}
