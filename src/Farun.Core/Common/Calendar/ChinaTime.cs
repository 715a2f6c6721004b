namespace Farun.Common.Calendar;

/// <summary>
/// Dates as they are in China. Statutory periods run on Beijing time whatever the server's time zone; China has used a
/// fixed UTC+8 offset without daylight saving time since 1992, so no time-zone database is needed.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in China at the given instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Today's date in China according to <paramref name="timeProvider"/> (the system clock by default).</summary>
    public static DateOnly Today(TimeProvider? timeProvider = null) => DateOf((timeProvider ?? TimeProvider.System).GetUtcNow());

    /// <summary>The instant a day starts in China (00:00 Beijing time).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}
