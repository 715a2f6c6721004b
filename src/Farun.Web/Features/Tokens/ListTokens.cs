using Farun.Data;
using Farun.Features.Tokens;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Tokens;

/// <summary>GET /api/tokens — every bearer token (never the secret or its hash); the security administrator only.</summary>
public static class ListTokens
{
    public sealed record Request(string? User, ApiTokenStatus? Status);

    public sealed record TokenDto(Guid Id, Guid UserId, string UserName, string Label, string Kind, string Hint, string Status,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt);

    public sealed record Response(IReadOnlyList<TokenDto> Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.User).MaximumLength(256).NoControlCharacters().WithName("账号");
            RuleFor(x => x.Status).IsInEnum().WithMessage("状态只能是 Active、Expired 或 Revoked。");
        }
    }

    public sealed class Handler(FarunDbContext db, TimeProvider time)
    {
        public async Task<Response> HandleAsync(Request r, CancellationToken ct)
        {
            var rows = from t in db.ApiTokens.AsNoTracking()
                       join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                       select new { Token = t, u.UserName, u.NormalizedUserName };
            if (!string.IsNullOrWhiteSpace(r.User))
            {
                var normalized = r.User.Trim().ToUpperInvariant();
                rows = rows.Where(x => x.NormalizedUserName == normalized);
            }

            var now = time.GetUtcNow();
            var list = await rows.ToListAsync(ct);
            return new Response([.. list
                .Where(x => r.Status is null || x.Token.StatusAt(now) == r.Status)
                .OrderByDescending(x => x.Token.CreatedAt)
                .Select(x => new TokenDto(x.Token.Id, x.Token.UserId, x.UserName ?? "", x.Token.Label, x.Token.Kind.ToString(), x.Token.Hint,
                    x.Token.StatusAt(now).ToString(), x.Token.CreatedAt, x.Token.CreatedBy, x.Token.ExpiresAt, x.Token.RevokedAt,
                    x.Token.RevokedBy, x.Token.LastUsedAt))]);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, ct)))
            .Validate<Request>()
            .WithName("ListTokens")
            .WithSummary("查询接口令牌（仅安全管理员）");
}
