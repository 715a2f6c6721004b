namespace Farun.Common.Calendar;

/// <summary>How a statutory period is counted.</summary>
public enum DeadlineKind
{
    /// <summary>Calendar days ("日"); a last day that is a rest day moves to the next working day.</summary>
    CalendarDays = 1,

    /// <summary>Working days ("工作日"), not counting weekends and holidays (e.g. 《行政许可法》第八十二条).</summary>
    WorkingDays = 2,
}

/// <summary>Where a deadline stands at a given moment.</summary>
public enum DeadlineStatus
{
    OnTime = 1,

    /// <summary>The due date is within the warning threshold (by default 2 working days, the due date itself included).</summary>
    DueSoon = 2,

    /// <summary>The due date has ended (24:00 Beijing time of the due date has passed).</summary>
    Overdue = 3,
}

/// <summary>
/// A statutory deadline: N calendar or working days from a start date, computed with a <see cref="WorkingDayCalendar"/>
/// (start day not counted, a last day on a rest day moved to the next working day, 《民法典》第二百零一条、第二百零三条).
/// The due date is fixed when computed, so it can be stored; <see cref="Recompute"/> applies newer calendar data.
/// </summary>
public sealed record Deadline
{
    /// <summary>Default warning threshold of <see cref="StatusAt"/>, in working days.</summary>
    public const int DefaultDueSoonWorkingDays = 2;

    private Deadline(DeadlineKind kind, int amount, DateOnly start, DateOnly due, string legalBasis, bool isProvisional)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的期限类型");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalBasis);
        if (due < start)
        {
            throw new ArgumentException($"期限届满日 {due:yyyy-MM-dd} 早于起算日 {start:yyyy-MM-dd}", nameof(due));
        }

        Kind = kind;
        Amount = amount;
        Start = start;
        Due = due;
        LegalBasis = legalBasis;
        IsProvisional = isProvisional;
    }

    public DeadlineKind Kind { get; }

    /// <summary>Number of days of the period.</summary>
    public int Amount { get; }

    /// <summary>The day the period starts (e.g. the day an application is received); not itself counted.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the period; the period ends at 24:00 Beijing time of this day (《民法典》第二百零三条第二款).</summary>
    public DateOnly Due { get; }

    /// <summary>The provision that sets the period, e.g. 《法律援助法》第四十三条.</summary>
    public string LegalBasis { get; }

    /// <summary>The period touches a year whose holiday data is provisional, so <see cref="Due"/> may still change.</summary>
    public bool IsProvisional { get; }

    /// <summary>The instant the period ends: 00:00 Beijing time of the day after <see cref="Due"/>.</summary>
    public DateTimeOffset EndsAt => ChinaTime.StartOf(Due.AddDays(1));

    /// <summary>Computes the due date of a period of <paramref name="amount"/> days starting on <paramref name="start"/>.</summary>
    public static Deadline Compute(WorkingDayCalendar calendar, DeadlineKind kind, int amount, DateOnly start, string legalBasis)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = kind switch
        {
            DeadlineKind.CalendarDays => calendar.AddCalendarDays(start, amount),
            DeadlineKind.WorkingDays => calendar.AddWorkingDays(start, amount),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的期限类型"),
        };
        return new Deadline(kind, amount, start, due, legalBasis, calendar.IsProvisional(start, due));
    }

    /// <summary>Rebuilds a stored deadline without recomputing its due date.</summary>
    public static Deadline Restore(DeadlineKind kind, int amount, DateOnly start, DateOnly due, string legalBasis, bool isProvisional) =>
        new(kind, amount, start, due, legalBasis, isProvisional);

    /// <summary>The same period computed again, e.g. after a provisional year's notice was entered.</summary>
    public Deadline Recompute(WorkingDayCalendar calendar) => Compute(calendar, Kind, Amount, Start, LegalBasis);

    /// <summary>
    /// <see cref="DeadlineStatus.Overdue"/> once <see cref="EndsAt"/> has passed; <see cref="DeadlineStatus.DueSoon"/>
    /// when at most <paramref name="dueSoonWorkingDays"/> working days remain after today (Beijing date of
    /// <paramref name="instant"/>), so the due date itself is always DueSoon; otherwise <see cref="DeadlineStatus.OnTime"/>.
    /// </summary>
    public DeadlineStatus StatusAt(DateTimeOffset instant, WorkingDayCalendar calendar, int dueSoonWorkingDays = DefaultDueSoonWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonWorkingDays);
        if (instant >= EndsAt)
        {
            return DeadlineStatus.Overdue;
        }

        return WorkingDaysLeft(ChinaTime.DateOf(instant), calendar) <= dueSoonWorkingDays ? DeadlineStatus.DueSoon : DeadlineStatus.OnTime;
    }

    /// <summary>Working days after <paramref name="today"/> up to the due date; 0 on the due date, negative once past.</summary>
    public int WorkingDaysLeft(DateOnly today, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(today, Due);
    }
}
