namespace Farun.Common.Calendar;

/// <summary>
/// Thrown when a date lies in a year for which the calendar has no holiday data: guessing whether it is a working day
/// could put a statutory deadline on the wrong day.
/// </summary>
public sealed class CalendarCoverageException : InvalidOperationException
{
    public CalendarCoverageException()
    {
    }

    public CalendarCoverageException(string message)
        : base(message)
    {
    }

    public CalendarCoverageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalendarCoverageException(DateOnly date, IReadOnlyCollection<int> coveredYears)
        : base($"工作日历未覆盖{date.Year}年（已有：{(coveredYears.Count == 0 ? "无" : string.Join("、", coveredYears.Order()))}年），"
            + $"无法判断{date:yyyy-MM-dd}是否为工作日。请在 Common/Calendar/Data 中添加 {date.Year}.json。")
    {
        Date = date;
    }

    /// <summary>The date that is not covered.</summary>
    public DateOnly? Date { get; }
}
