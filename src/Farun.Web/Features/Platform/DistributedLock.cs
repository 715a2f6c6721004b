using Farun.Data;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Platform;

/// <summary>
/// A lease on a name, shared by every node on the database: at most one holder at a time until it expires.
/// A holder that crashes simply stops renewing, and the lease is free again after its time to live.
/// </summary>
public interface IDistributedLock
{
    /// <summary>Takes the lease when it is free or expired; null when someone else holds it.</summary>
    Task<ILease?> TryAcquireAsync(string name, TimeSpan ttl, CancellationToken ct = default);
}

/// <summary>A held lease. Disposing releases it (if still held).</summary>
public interface ILease : IAsyncDisposable
{
    string Name { get; }

    string Owner { get; }

    DateTimeOffset ExpiresAt { get; }

    /// <summary>Extends the lease to now + <paramref name="ttl"/>; false when it was lost (expired and taken by another owner).</summary>
    Task<bool> RenewAsync(TimeSpan ttl, CancellationToken ct = default);

    /// <summary>Gives the lease up; does nothing when another owner has it by now.</summary>
    Task ReleaseAsync(CancellationToken ct = default);
}

/// <summary>
/// <see cref="IDistributedLock"/> on the <c>DistributedLocks</c> table. Taking a lease is one atomic statement on both
/// providers: INSERT ... ON CONFLICT (name) DO UPDATE ... WHERE the current lease has expired, RETURNING the owner.
/// A row comes back only to the one caller that inserted or took over the lease. Expiry uses the nodes' clocks
/// (<see cref="TimeProvider"/>), so keep them in sync (NTP) and the time to live well above any skew.
/// </summary>
public sealed class DatabaseDistributedLock(IServiceScopeFactory scopes, TimeProvider time) : IDistributedLock
{
    /// <summary>This process, as shown in lease owners and job bookkeeping.</summary>
    public static readonly string Node = $"{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<ILease?> TryAcquireAsync(string name, TimeSpan ttl, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 100)
            throw new ArgumentException("Lock names have at most 100 characters.", nameof(name));
        if (ttl <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ttl), "The time to live must be positive.");

        var owner = $"{Node}/{Guid.NewGuid():N}";
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var expires = now + ttl;
        var expiresMs = expires.ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var rows = await db.Database.SqlQuery<string>($"""
            INSERT INTO "DistributedLocks" ("Name", "Owner", "AcquiredAt", "ExpiresAt") VALUES ({name}, {owner}, {nowMs}, {expiresMs})
            ON CONFLICT ("Name") DO UPDATE SET "Owner" = excluded."Owner", "AcquiredAt" = excluded."AcquiredAt", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "DistributedLocks"."ExpiresAt" <= {nowMs}
            RETURNING "Owner" AS "Value"
            """).ToListAsync(ct);
        return rows.Count == 1 && rows[0] == owner ? new Lease(this, name, owner, expires) : null;
    }

    private DateTimeOffset Now() => time.GetUtcNow();

    private async Task<bool> RenewAsync(string name, string owner, DateTimeOffset expires, CancellationToken ct)
    {
        var expiresMs = expires.ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var updated = await db.Database.ExecuteSqlAsync(
            $"""UPDATE "DistributedLocks" SET "ExpiresAt" = {expiresMs} WHERE "Name" = {name} AND "Owner" = {owner}""", ct);
        return updated == 1;
    }

    private async Task ReleaseAsync(string name, string owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "DistributedLocks" WHERE "Name" = {name} AND "Owner" = {owner}""", ct);
    }

    private sealed class Lease(DatabaseDistributedLock owner, string name, string ownerId, DateTimeOffset expiresAt) : ILease
    {
        private bool _released;

        public string Name => name;

        public string Owner => ownerId;

        public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;

        public async Task<bool> RenewAsync(TimeSpan ttl, CancellationToken ct = default)
        {
            if (_released)
                return false;
            var expires = owner.Now() + ttl;
            if (!await owner.RenewAsync(name, ownerId, expires, ct))
                return false;
            ExpiresAt = expires;
            return true;
        }

        public async Task ReleaseAsync(CancellationToken ct = default)
        {
            if (_released)
                return;
            _released = true;
            await owner.ReleaseAsync(name, ownerId, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await ReleaseAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // The database is unreachable: the lease expires by itself.
            }
        }
    }
}
