using Farun.Data;
using Farun.Features.Audit;
using Farun.Features.Identity;
using Farun.Features.Tokens;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Tokens;

/// <summary>Issuing and revoking bearer tokens; both are audited in the same unit of work as the change.</summary>
public sealed class ApiTokenService(FarunDbContext db, AuditLog audit, TimeProvider time, IHttpContextAccessor http, ApiTokenCache cache)
{
    public const int MaxDays = 366;

    public sealed record Issued(ApiToken Token, string Secret, string UserName);

    /// <summary>Issues a token for the account <paramref name="userName"/>; the secret is returned once and never stored.</summary>
    public async Task<Issued> IssueAsync(string userName, int days, string? label, ApiTokenKind kind, string issuedBy, CancellationToken ct)
    {
        if (days is < 1 or > MaxDays)
            throw BadRequestException.ForField("days", $"有效天数须在1到{MaxDays}之间。");
        label = string.IsNullOrWhiteSpace(label) ? $"{userName}的令牌" : label.Trim();
        if (label.Length > ApiToken.MaxLabelLength || label.Any(char.IsControl))
            throw BadRequestException.ForField("name", $"令牌名称不能超过{ApiToken.MaxLabelLength}个字符，且不能含控制字符。");
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? throw new NotFoundException($"没有名为“{userName}”的账号。");

        var (token, secret) = ApiToken.Issue(user.Id, label, kind, time.GetUtcNow(), TimeSpan.FromDays(days), issuedBy);
        db.ApiTokens.Add(token);
        audit.RecordAs(ActorKind.System, null, issuedBy, "token.issue", nameof(ApiToken), token.Id,
            new { user = user.UserName, userId = user.Id, label = token.Label, kind = token.Kind.ToString(), token.ExpiresAt, token.Hint });
        await db.SaveChangesAsync(ct);
        return new Issued(token, secret, user.UserName!);
    }

    /// <summary>Revokes at once on this node, within <see cref="ApiTokenCache.Lifetime"/> on the others. False when it was already revoked (nothing is changed or audited then).
    /// <paramref name="commandLineActor"/> names the operator of a verb; otherwise the signed-in caller is the actor.</summary>
    public async Task<bool> RevokeAsync(Guid id, string? commandLineActor, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("没有这个令牌。");
        var by = commandLineActor ?? AuditLog.Actor(http.HttpContext?.User).Name;
        if (!token.Revoke(time.GetUtcNow(), by))
            return false;
        var details = new { token.Label, token.UserId, token.Hint };
        if (commandLineActor is not null)
            audit.RecordAs(ActorKind.System, null, commandLineActor, "token.revoke", nameof(ApiToken), token.Id, details);
        else
            audit.Record("token.revoke", nameof(ApiToken), token.Id, details);
        await db.SaveChangesAsync(ct);
        cache.Remove(token.TokenHash);
        return true;
    }
}
