using Farun.Data;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Platform;

/// <summary>Hourly: deletes rate-limit windows, one-time codes and leases that ended more than a day ago.</summary>
public sealed class PlatformCleanupJob(FarunDbContext db, TimeProvider time, ILogger<PlatformCleanupJob> logger) : IPeriodicJob
{
    public string Name => "platform.cleanup";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var cutoffMs = time.GetUtcNow().AddDays(-1).ToUnixTimeMilliseconds();
        var counters = await db.RateLimitCounters.Where(c => c.WindowEndsAt < cutoffMs).ExecuteDeleteAsync(ct);
        var locks = await db.DistributedLocks.Where(l => l.ExpiresAt < cutoffMs).ExecuteDeleteAsync(ct);
        var cutoff = time.GetUtcNow().AddDays(-1);
        var codes = await db.OtpChallenges.Where(c => c.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        logger.LogInformation("Cleanup removed {Counters} rate-limit counters, {Locks} leases and {Codes} sign-in codes", counters, locks, codes);
    }
}
