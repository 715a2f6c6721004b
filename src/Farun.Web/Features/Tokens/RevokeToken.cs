using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Tokens;

/// <summary>DELETE /api/tokens/{id} — revokes a token (at once on this node, within <see cref="ApiTokenCache.Lifetime"/> on the others; idempotent); audited as "token.revoke".</summary>
public static class RevokeToken
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ApiTokenService tokens, CancellationToken ct) =>
            {
                await tokens.RevokeAsync(id, commandLineActor: null, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeToken")
            .WithSummary("吊销接口令牌（仅安全管理员）")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
