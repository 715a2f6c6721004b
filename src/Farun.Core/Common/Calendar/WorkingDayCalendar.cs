namespace Farun.Common.Calendar;

/// <summary>What kind of day a date is in the official calendar.</summary>
public enum DayKind
{
    /// <summary>Monday to Friday, not a holiday.</summary>
    WorkingDay = 1,

    /// <summary>A Saturday or Sunday made a working day to make up for a holiday (调休上班).</summary>
    MakeUpWorkingDay = 2,

    /// <summary>Saturday or Sunday (周休息日).</summary>
    Weekend = 3,

    /// <summary>A public holiday or a day off of a holiday arrangement.</summary>
    Holiday = 4,
}

/// <summary>A date as the calendar sees it.</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Working day, make-up working day, weekend or holiday.</param>
/// <param name="Name">The festival name for holidays and make-up working days, otherwise null.</param>
/// <param name="IsProvisional">The year's data is provisional (the official notice is not entered yet).</param>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string? Name, bool IsProvisional)
{
    public bool IsWorkingDay => Kind is DayKind.WorkingDay or DayKind.MakeUpWorkingDay;
}

/// <summary>
/// The working-day calendar of Chinese state organs: Saturdays and Sundays are rest days (《国务院关于职工工作时间的规定》
/// 第七条), public holidays and the days off of the State Council General Office's yearly arrangement are rest days,
/// and the make-up working days of that arrangement (调休) are working days.
/// <para>
/// Period conventions (《民法典》第二百零一条、第二百零三条, applicable unless another law provides otherwise, 第二百零四条):
/// the day on which a period starts is not counted, and when the last day of a period is a rest day the period ends on
/// the next working day; the last day ends at 24:00.
/// </para>
/// Dates in years without data raise <see cref="CalendarCoverageException"/> instead of being guessed.
/// </summary>
public sealed class WorkingDayCalendar
{
    private static readonly Lazy<WorkingDayCalendar> Embedded = new(() => new WorkingDayCalendar(HolidayYear.LoadEmbedded()));

    private readonly Dictionary<int, HolidayYear> years;
    private readonly Dictionary<DateOnly, string> holidays = [];
    private readonly Dictionary<DateOnly, string> makeUpWorkingDays = [];

    /// <summary>
    /// A calendar over the given years (e.g. for tests or a future database-held arrangement). The data is taken as
    /// given apart from duplicate years and days that are both holiday and make-up day; files are checked by
    /// <see cref="HolidayYear.FromJson"/>.
    /// </summary>
    public WorkingDayCalendar(IEnumerable<HolidayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        this.years = [];
        foreach (var year in years)
        {
            if (!this.years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"节假日数据重复：{year.Year}年出现两次", nameof(years));
            }

            foreach (var period in year.Holidays)
            {
                for (var day = period.From; day <= period.To; day = day.AddDays(1))
                {
                    // Overlapping festivals (国庆节 and 中秋节 on the same day) keep both names.
                    holidays[day] = holidays.TryGetValue(day, out var other) && other != period.Name ? $"{other}、{period.Name}" : period.Name;
                }
            }

            foreach (var makeUp in year.MakeUpWorkingDays)
            {
                makeUpWorkingDays[makeUp.Date] = makeUp.Festival;
            }
        }

        // Checked across years too: a notice may put a make-up day into the neighbouring year.
        var clashes = makeUpWorkingDays.Keys.Where(holidays.ContainsKey).Order().ToList();
        if (clashes.Count > 0)
        {
            throw new ArgumentException($"{string.Join("、", clashes.Select(d => d.ToString("yyyy-MM-dd")))} 既是假日又是调休上班日", nameof(years));
        }

        Years = [.. this.years.Values.OrderBy(y => y.Year)];
    }

    /// <summary>The official calendar from the data files embedded in Farun.Core, loaded once.</summary>
    public static WorkingDayCalendar China => Embedded.Value;

    /// <summary>The years this calendar has data for, in order.</summary>
    public IReadOnlyList<HolidayYear> Years { get; }

    /// <summary>Whether the calendar has data for the date's year.</summary>
    public bool Covers(DateOnly date) => years.ContainsKey(date.Year);

    /// <summary>Whether the date's year has only provisional data (statutory festivals, no official arrangement).</summary>
    public bool IsProvisional(DateOnly date) => Year(date).Provisional;

    /// <summary>Whether any year from <paramref name="from"/> to <paramref name="to"/> (inclusive) is provisional.</summary>
    public bool IsProvisional(DateOnly from, DateOnly to)
    {
        var (low, high) = from <= to ? (from, to) : (to, from);
        for (var year = low.Year; year <= high.Year; year++)
        {
            if (Year(new DateOnly(year, 1, 1)).Provisional)
            {
                return true;
            }
        }

        return false;
    }

    public CalendarDay GetDay(DateOnly date)
    {
        var provisional = Year(date).Provisional;
        if (holidays.TryGetValue(date, out var holiday))
        {
            return new CalendarDay(date, DayKind.Holiday, holiday, provisional);
        }

        if (makeUpWorkingDays.TryGetValue(date, out var festival))
        {
            return new CalendarDay(date, DayKind.MakeUpWorkingDay, festival, provisional);
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new CalendarDay(date, DayKind.Weekend, null, provisional)
            : new CalendarDay(date, DayKind.WorkingDay, null, provisional);
    }

    /// <summary>Weekdays are working days unless a holiday; weekends are rest days unless a make-up working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        Year(date);
        if (holidays.ContainsKey(date))
        {
            return false;
        }

        return makeUpWorkingDays.ContainsKey(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The date itself if it is a working day, otherwise the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days that starts on <paramref name="start"/>:
    /// the start day is not counted (《民法典》第二百零一条), so the result is the n-th working day after it; with
    /// n = 0 it is <paramref name="start"/> or, if that is a rest day, the next working day.
    /// Example: accepted on Friday 2025-09-26, 2 working days end on Monday 2025-09-29 (Sunday 09-28 is a make-up
    /// working day).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return WorkingDayOnOrAfter(start);
        }

        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The last day of a period of <paramref name="days"/> calendar days that starts on <paramref name="start"/>:
    /// the start day is not counted (《民法典》第二百零一条), so the period ends on start + n; if that day is a rest day
    /// (weekend or holiday) the period ends on the next working day (《民法典》第二百零三条第一款).
    /// </summary>
    public DateOnly AddCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return WorkingDayOnOrAfter(start.AddDays(days));
    }

    /// <summary>
    /// Working days after <paramref name="start"/> up to and including <paramref name="end"/>, counted like
    /// <see cref="AddWorkingDays"/> so that <c>WorkingDaysBetween(s, AddWorkingDays(s, n)) == n</c>;
    /// negative when <paramref name="end"/> is before <paramref name="start"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start);
        }

        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private HolidayYear Year(DateOnly date) =>
        years.TryGetValue(date.Year, out var year) ? year : throw new CalendarCoverageException(date, years.Keys);
}
