using System.Globalization;

namespace Farun.Law.Evaluation;

/// <summary>
/// CPU time of the calling thread (Linux: /proc/thread-self/schedstat). Benchmarks on a shared machine report it next to
/// the wall clock: it is what the wall clock would be without waiting for a core.
/// </summary>
public static class ThreadCpu
{
    /// <summary>CPU time the current thread has run, in ms, or null where the kernel does not expose it.</summary>
    public static double? Milliseconds()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture) / 1e6;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
