using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Platform;

public sealed class DistributedLockTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentAcquisitions_FromTwoHosts_ExactlyOneWins(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var a = new FarunFactory(database);
        await using var b = new FarunFactory(database);
        _ = a.Server;
        _ = b.Server;
        var lockA = a.Services.GetRequiredService<IDistributedLock>();
        var lockB = b.Services.GetRequiredService<IDistributedLock>();

        for (var round = 0; round < 3; round++)
        {
            var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                (i % 2 == 0 ? lockA : lockB).TryAcquireAsync("test.exclusive", TimeSpan.FromMinutes(1))));
            var winners = attempts.Where(l => l is not null).ToList();
            Assert.Single(winners);
            await winners[0]!.ReleaseAsync();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrashedOwnersLease_ExpiresAndIsTakenOver_AndTheOldOwnerCannotRenewOrRelease(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualTimeProvider();
        await using var aa = new FarunFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var bb = new FarunFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var lockA = aa.Services.GetRequiredService<IDistributedLock>();
        var lockB = bb.Services.GetRequiredService<IDistributedLock>();

        var crashed = await lockA.TryAcquireAsync("test.crash", TimeSpan.FromSeconds(30));
        Assert.NotNull(crashed);
        Assert.Null(await lockB.TryAcquireAsync("test.crash", TimeSpan.FromSeconds(30)));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(await lockB.TryAcquireAsync("test.crash", TimeSpan.FromSeconds(30)));

        // Node A dies without releasing: after the time to live, B takes over.
        clock.Advance(TimeSpan.FromSeconds(11));
        var takeover = await lockB.TryAcquireAsync("test.crash", TimeSpan.FromSeconds(30));
        Assert.NotNull(takeover);

        // A comes back: it cannot renew, and releasing does not free B's lease.
        Assert.False(await crashed.RenewAsync(TimeSpan.FromSeconds(30)));
        await crashed.ReleaseAsync();
        Assert.Null(await lockA.TryAcquireAsync("test.crash", TimeSpan.FromSeconds(30)));

        Assert.True(await takeover.RenewAsync(TimeSpan.FromSeconds(30)));
        await takeover.ReleaseAsync();
        await using var next = await lockA.TryAcquireAsync("test.crash", TimeSpan.FromSeconds(30));
        Assert.NotNull(next);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoHostsRunningJobs_NeverRunTheSameJobConcurrently(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var probe = new JobProbe();
        var settings = new Dictionary<string, string?> { ["Farun:Jobs:PollInterval"] = "00:00:00.050", ["Farun:Jobs:LeaseTtl"] = "00:00:30" };
        await using var aa = new FarunFactory(database, settings, s => AddProbe(s, probe, "A"));
        await using var bb = new FarunFactory(database, settings, s => AddProbe(s, probe, "B"));
        _ = aa.Server;
        _ = bb.Server;

        // Both hosts poll every 50 ms; the job is always due and takes 150 ms.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (probe.Runs < 8 && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        // Also race two explicit passes against the background loops.
        await Task.WhenAll(
            aa.Services.GetRequiredService<PeriodicJobRunner>().RunDueJobsAsync(CancellationToken.None),
            bb.Services.GetRequiredService<PeriodicJobRunner>().RunDueJobsAsync(CancellationToken.None));

        Assert.True(probe.Runs >= 8, $"only {probe.Runs} runs");
        Assert.Equal(1, probe.MaxConcurrent);

        await using var scope = aa.Scope();
        var state = await aa.Db(scope).PeriodicJobs.AsNoTracking().SingleAsync(j => j.Name == ProbeJob.JobName);
        Assert.True(state.Runs >= 8);
        Assert.Equal(0, state.Failures);
        Assert.NotNull(state.LastSucceededAt);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JobNotDueYet_IsNotRunAgain_AndFailuresAreRecorded(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var probe = new JobProbe { Fail = true };
        var settings = new Dictionary<string, string?> { ["Farun:Jobs:Enabled"] = "false" };
        await using var aa = new FarunFactory(database, settings, s => AddProbe(s, probe, "A", TimeSpan.FromHours(1)));
        var runner = aa.Services.GetRequiredService<PeriodicJobRunner>();

        Assert.Contains(ProbeJob.JobName, await runner.RunDueJobsAsync(CancellationToken.None));
        Assert.DoesNotContain(ProbeJob.JobName, await runner.RunDueJobsAsync(CancellationToken.None));
        Assert.Equal(1, probe.Runs);

        await using var scope = aa.Scope();
        var state = await aa.Db(scope).PeriodicJobs.AsNoTracking().SingleAsync(j => j.Name == ProbeJob.JobName);
        Assert.Equal(Farun.Features.Platform.JobOutcome.Failed, state.LastOutcome);
        Assert.Contains("probe failure", state.LastError);
        Assert.Equal(1, state.Failures);
    }

    private static void AddProbe(IServiceCollection services, JobProbe probe, string node, TimeSpan? interval = null)
    {
        services.AddSingleton(probe);
        services.AddSingleton(new ProbeNode(node, interval ?? TimeSpan.Zero));
        services.AddPeriodicJob<ProbeJob>();
    }

    public sealed class JobProbe
    {
        private int _current;
        private int _max;
        private int _runs;

        public bool Fail { get; init; }

        public int MaxConcurrent => Volatile.Read(ref _max);

        public int Runs => Volatile.Read(ref _runs);

        public async Task RunAsync(CancellationToken ct)
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            Interlocked.Increment(ref _runs);
            try
            {
                await Task.Delay(150, ct);
                if (Fail)
                    throw new InvalidOperationException("probe failure");
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }

    public sealed record ProbeNode(string Name, TimeSpan Interval);

    public sealed class ProbeJob(JobProbe probe, ProbeNode node) : IPeriodicJob
    {
        public const string JobName = "test.probe";

        public string Name => JobName;

        public TimeSpan Interval => node.Interval;

        public Task RunAsync(CancellationToken ct) => probe.RunAsync(ct);
    }
}
