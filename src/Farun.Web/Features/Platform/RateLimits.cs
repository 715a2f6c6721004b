using Farun.Data;
using Farun.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Platform;

/// <summary>At most <see cref="Limit"/> hits per <see cref="Window"/> for one key (a fixed window that starts at the first hit).</summary>
/// <param name="Key">What is counted, e.g. "otp:phone:{blind index}". Never personal data in clear; at most 200 characters.</param>
/// <param name="Message">The Chinese message for the caller when this rule refuses.</param>
public sealed record RateLimitRule(string Key, int Limit, TimeSpan Window, string Message);

public sealed record RateLimitDecision(bool Allowed, RateLimitRule? RefusedBy, TimeSpan RetryAfter)
{
    public static readonly RateLimitDecision Allow = new(true, null, TimeSpan.Zero);
}

/// <summary>Rate limits shared by every node behind the load balancer: the counters live in the database.</summary>
public interface IRateLimiter
{
    /// <summary>Counts one hit against every rule, all or nothing: when any rule refuses, no counter moves and the
    /// decision names the first refusing rule and when to retry.</summary>
    Task<RateLimitDecision> TryAcquireAsync(IReadOnlyList<RateLimitRule> rules, CancellationToken ct = default);
}

/// <summary>
/// <see cref="IRateLimiter"/> on the <c>RateLimitCounters</c> table. Each rule is one atomic upsert
/// (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, the same SQL on SQLite and PostgreSQL) that starts a new window
/// or adds one to the current one; the rules of one request run in one transaction that is rolled back when any of
/// them refuses. Concurrent requests for the same key serialise on its row (PostgreSQL) or on the writer lock (SQLite).
/// </summary>
public sealed class DatabaseRateLimiter(IServiceScopeFactory scopes, TimeProvider time) : IRateLimiter
{
    public async Task<RateLimitDecision> TryAcquireAsync(IReadOnlyList<RateLimitRule> rules, CancellationToken ct = default)
    {
        if (rules.Count == 0)
            return RateLimitDecision.Allow;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var rule in rules)
        {
            var endsMs = nowMs + (long)rule.Window.TotalMilliseconds;
            var rows = await db.Database.SqlQuery<CounterRow>($"""
                INSERT INTO "RateLimitCounters" ("Key", "Count", "WindowEndsAt") VALUES ({rule.Key}, 1, {endsMs})
                ON CONFLICT ("Key") DO UPDATE SET
                    "Count" = CASE WHEN "RateLimitCounters"."WindowEndsAt" <= {nowMs} THEN 1 ELSE "RateLimitCounters"."Count" + 1 END,
                    "WindowEndsAt" = CASE WHEN "RateLimitCounters"."WindowEndsAt" <= {nowMs} THEN excluded."WindowEndsAt" ELSE "RateLimitCounters"."WindowEndsAt" END
                RETURNING "Count", "WindowEndsAt"
                """).ToListAsync(ct);
            var row = rows.Single();
            if (row.Count > rule.Limit)
            {
                await transaction.RollbackAsync(ct);
                var retry = TimeSpan.FromMilliseconds(Math.Max(1000, row.WindowEndsAt - nowMs));
                return new RateLimitDecision(false, rule, retry);
            }
        }

        await transaction.CommitAsync(ct);
        return RateLimitDecision.Allow;
    }

    /// <summary>One row of the upsert's RETURNING clause.</summary>
    public sealed class CounterRow
    {
        public int Count { get; set; }

        public long WindowEndsAt { get; set; }
    }
}

/// <summary>429: too many requests; answered with a Retry-After header (whole seconds).</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : DomainException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public int RetryAfterSeconds => (int)Math.Ceiling(Math.Max(1, RetryAfter.TotalSeconds));

    public override int StatusCode => StatusCodes.Status429TooManyRequests;

    public override string Title => "请求过于频繁";
}
