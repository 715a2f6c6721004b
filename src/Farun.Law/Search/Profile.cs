using System.Diagnostics;

namespace Farun.Law.Search;

/// <summary>Optional per-stage timing of the engine (FARUN_SEARCH_PROFILE=1), for tuning; off by default.</summary>
public static class Profile
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("FARUN_SEARCH_PROFILE") == "1";
    private static readonly long[] Ticks = new long[8];

    [ThreadStatic]
    private static long _last;

    [ThreadStatic]
    private static long[]? _query;

    /// <summary>True when FARUN_SEARCH_PROFILE=1.</summary>
    public static bool IsEnabled => Enabled;

    /// <summary>Milliseconds per stage of the last query on this thread (empty when disabled).</summary>
    public static double[] LastQuery() => _query is null ? [] : [.. _query.Select(t => t * 1000.0 / Stopwatch.Frequency)];

    /// <summary>Starts timing a query on this thread.</summary>
    public static void Start()
    {
        if (Enabled)
        {
            _query ??= new long[Ticks.Length];
            Array.Clear(_query);
            _last = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Adds the time since the last mark to a stage.</summary>
    public static void Mark(int stage)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[stage], now - _last);
        if (_query is not null)
        {
            _query[stage] += now - _last;
        }

        _last = now;
    }

    /// <summary>Milliseconds per stage so far (empty when disabled).</summary>
    public static string Report() => Enabled
        ? string.Join("  ", Ticks.Select((t, i) => $"s{i}={t * 1000.0 / Stopwatch.Frequency:F0}ms"))
        : string.Empty;
}
