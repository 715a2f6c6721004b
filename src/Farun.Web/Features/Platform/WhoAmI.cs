using System.Security.Claims;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Platform;

/// <summary>GET /api/me — who the caller is signed in as (staff cookie or bearer token): for partner systems checking
/// their token and for scripts.</summary>
public static class WhoAmI
{
    public sealed record Response(string Actor, Guid? Id, string Name, string? FullName, IReadOnlyList<string> Roles, Guid? ServicePointId,
        Guid? TokenId, string? Partner);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Ok<Response> (ClaimsPrincipal user) =>
            {
                var (kind, id, name) = AuditLog.Actor(user);
                return TypedResults.Ok(new Response(kind.ToString(), id, name, user.FindFirstValue("farun:name"),
                    [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)],
                    Guid.TryParse(user.FindFirstValue(FarunClaims.ServicePoint), out var sp) ? sp : null,
                    Guid.TryParse(user.FindFirstValue(FarunAuthentication.TokenClaim), out var token) ? token : null,
                    user.FindFirstValue(FarunAuthentication.PartnerClaim)));
            })
            .RequireAuthorization()
            .WithTags("账号")
            .WithName("WhoAmI")
            .WithSummary("当前调用者（工作人员登录或接口令牌）");
}
