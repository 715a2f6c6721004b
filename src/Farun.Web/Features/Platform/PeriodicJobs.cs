using Farun.Data;
using Farun.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Platform;

/// <summary>
/// A job that runs every <see cref="Interval"/> on one node of the cluster at a time. Register it with
/// <see cref="PeriodicJobServiceCollectionExtensions.AddPeriodicJob{TJob}"/>; it is resolved in a fresh scope for
/// every run, so it may take scoped services (the DbContext, <c>AuditLog</c>). A run must be safe to repeat: when a node
/// dies mid-run the job runs again after its lease expires.
/// </summary>
public interface IPeriodicJob
{
    /// <summary>Unique, stable name (at most 90 characters), e.g. "cases.overdue-alerts".</summary>
    string Name { get; }

    /// <summary>Minimum time between the starts of two runs, across all nodes.</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken ct);
}

/// <summary>Settings under <c>Farun:Jobs</c>.</summary>
public sealed class PeriodicJobOptions
{
    public const string Section = "Farun:Jobs";

    /// <summary>Run jobs on this node (turn off on nodes that should only serve requests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often this node looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time to live of a job's lease; renewed every third of it while the job runs, so a crashed node's
    /// job is picked up by another node after at most this long.</summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed record PeriodicJobRegistration(Type JobType);

public static class PeriodicJobServiceCollectionExtensions
{
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services)
        where TJob : class, IPeriodicJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new PeriodicJobRegistration(typeof(TJob)));
        return services;
    }
}

/// <summary>
/// Runs the registered periodic jobs. Every node polls; a due job runs only on the node that takes its lease
/// (<see cref="IDistributedLock"/>, name <c>job:{Name}</c>), and only if it is still due once the lease is held, so two
/// nodes never run the same job at the same time, nor twice in one interval. The lease is renewed while the job runs;
/// when renewal fails the run is cancelled. Bookkeeping (last start, finish, outcome, node) is in <c>PeriodicJobs</c>.
/// </summary>
public sealed class PeriodicJobRunner(
    IServiceScopeFactory scopes,
    IDistributedLock locks,
    IEnumerable<PeriodicJobRegistration> registrations,
    IOptions<PeriodicJobOptions> options,
    TimeProvider time,
    ILogger<PeriodicJobRunner> logger) : BackgroundService
{
    private readonly PeriodicJobRegistration[] _jobs = [.. registrations.DistinctBy(r => r.JobType)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || _jobs.Length == 0)
            return;
        // Nodes started together should not all poll in step.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Min(5000, o.PollInterval.TotalMilliseconds) + 1)), time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueJobsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Periodic job scan failed");
            }

            await Task.Delay(o.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>One pass: runs each due job whose lease this node gets. Returns the names of the jobs it ran.</summary>
    public async Task<IReadOnlyList<string>> RunDueJobsAsync(CancellationToken ct)
    {
        var ran = new List<string>();
        foreach (var registration in _jobs)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await TryRunAsync(registration, ct) is { } name)
                    ran.Add(name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Periodic job {Job} could not be run", registration.JobType.Name);
            }
        }

        return ran;
    }

    private async Task<string?> TryRunAsync(PeriodicJobRegistration registration, CancellationToken ct)
    {
        var o = options.Value;
        // The job runs in its own scope, so whatever it leaves in its DbContext cannot disturb the bookkeeping.
        await using var jobScope = scopes.CreateAsyncScope();
        var job = (IPeriodicJob)jobScope.ServiceProvider.GetRequiredService(registration.JobType);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        if (!IsDue(await db.PeriodicJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Name == job.Name, ct), job.Interval))
            return null;

        await using var lease = await locks.TryAcquireAsync("job:" + job.Name, o.LeaseTtl, ct);
        if (lease is null)
            return null;

        // Another node may have run it between the check and the lease.
        var state = await db.PeriodicJobs.FirstOrDefaultAsync(j => j.Name == job.Name, ct);
        if (!IsDue(state, job.Interval))
            return null;
        if (state is null)
        {
            state = new PeriodicJobState(job.Name);
            db.PeriodicJobs.Add(state);
        }

        state.Started(time.GetUtcNow(), DatabaseDistributedLock.Node);
        await db.SaveChangesAsync(ct);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewAsync(lease, o.LeaseTtl, run, heartbeat.Token);
        var outcome = JobOutcome.Succeeded;
        string? error = null;
        var started = time.GetTimestamp();
        try
        {
            await job.RunAsync(run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            outcome = JobOutcome.Cancelled;
            error = ct.IsCancellationRequested ? "节点停止，运行被取消。" : "任务租约丢失，运行被取消。";
        }
        catch (Exception ex)
        {
            outcome = JobOutcome.Failed;
            error = $"{ex.GetType().Name}: {ex.Message}";
            logger.LogError(ex, "Periodic job {Job} failed", job.Name);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await renewing;
        }

        state.Finished(time.GetUtcNow(), outcome, error);
        // Record the outcome even when the node is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Periodic job {Job} {Outcome} in {Elapsed} ms", job.Name, outcome, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return job.Name;
    }

    private bool IsDue(PeriodicJobState? state, TimeSpan interval) => state is null || state.IsDue(time.GetUtcNow(), interval);

    private async Task RenewAsync(ILease lease, TimeSpan ttl, CancellationTokenSource run, CancellationToken stop)
    {
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, ttl.Ticks / 3));
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, time, stop);
                if (!await lease.RenewAsync(ttl, stop))
                {
                    logger.LogWarning("Lost the lease of {Lease}; cancelling the run", lease.Name);
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not renew the lease of {Lease}; cancelling the run", lease.Name);
            await run.CancelAsync();
        }
    }
}
