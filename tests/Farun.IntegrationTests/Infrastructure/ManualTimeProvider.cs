namespace Farun.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand; timers and delays still run on real time.
/// Replace the app's clock with <c>factory.WithWebHostBuilder(b =&gt; b.ConfigureTestServices(s =&gt; s.AddSingleton&lt;TimeProvider&gt;(clock)))</c>.</summary>
public sealed class ManualTimeProvider(DateTimeOffset? start = null) : TimeProvider
{
    private long _offsetTicks;
    private readonly DateTimeOffset? _start = start;
    private readonly long _origin = System.GetUtcNow().UtcTicks;

    public override DateTimeOffset GetUtcNow()
    {
        var now = _start is { } s ? s.UtcTicks + (System.GetUtcNow().UtcTicks - _origin) : System.GetUtcNow().UtcTicks;
        return new DateTimeOffset(now + Interlocked.Read(ref _offsetTicks), TimeSpan.Zero);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
