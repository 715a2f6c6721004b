using System.Security.Claims;
using Farun.Data;
using Farun.Web.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Citizens;

/// <summary>GET /api/citizen/me — the signed-in citizen (masked phone); POST /api/citizen/signout.</summary>
public static class CitizenMe
{
    public sealed record Response(Guid AccountId, string Phone, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/me", async Task<Results<Ok<Response>, UnauthorizedHttpResult>> (ClaimsPrincipal user, FarunDbContext db, CancellationToken ct) =>
            {
                var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
                var account = await db.CitizenAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
                if (account is null)
                    return TypedResults.Unauthorized();
                return TypedResults.Ok(new Response(account.Id, user.Identity!.Name!, account.CreatedAt, account.LastSignInAt));
            })
            .RequireAuthorization(Policies.Citizen)
            .WithName("CitizenMe")
            .WithSummary("当前登录的群众账号");

        app.MapPost("/signout", async Task<NoContent> (HttpContext http) =>
            {
                await http.SignOutAsync(CitizenAuthentication.Scheme);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("SignOutCitizen")
            .WithSummary("群众退出登录");
    }
}
