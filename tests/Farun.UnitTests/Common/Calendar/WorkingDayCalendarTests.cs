using Farun.Common.Calendar;

namespace Farun.UnitTests.Common.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;

    [Theory]
    [InlineData("2025-01-26")] // Sunday, make-up day for 春节 2025
    [InlineData("2025-02-08")] // Saturday, make-up day for 春节 2025
    [InlineData("2025-04-27")] // Sunday, make-up day for 劳动节 2025
    [InlineData("2025-09-28")] // Sunday, make-up day for 国庆节、中秋节 2025
    [InlineData("2025-10-11")] // Saturday, make-up day for 国庆节、中秋节 2025
    [InlineData("2026-01-04")] // Sunday, make-up day for 元旦 2026
    [InlineData("2026-02-14")] // Saturday, make-up day for 春节 2026
    [InlineData("2026-02-28")] // Saturday, make-up day for 春节 2026
    [InlineData("2024-05-11")] // Saturday, make-up day for 劳动节 2024
    public void IsWorkingDay_MakeUpWeekend_True(string date)
    {
        var day = DateOnly.Parse(date);
        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(Calendar.IsWorkingDay(day));
        Assert.Equal(DayKind.MakeUpWorkingDay, Calendar.GetDay(day).Kind);
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2025-02-04")] // last day of 春节 2025, a Tuesday
    [InlineData("2025-05-05")] // Monday off for 劳动节 2025
    [InlineData("2025-10-08")] // Wednesday, last day of the merged 国庆节、中秋节 break
    [InlineData("2026-01-02")]
    [InlineData("2026-02-23")] // Monday, last day of the 9-day 春节 2026
    [InlineData("2026-10-07")]
    [InlineData("2027-02-05")] // 除夕 2027 (provisional data)
    public void IsWorkingDay_WeekdayHoliday_False(string date)
    {
        var day = DateOnly.Parse(date);
        Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.False(Calendar.IsWorkingDay(day));
        Assert.Equal(DayKind.Holiday, Calendar.GetDay(day).Kind);
    }

    [Theory]
    [InlineData("2025-03-08", false)] // ordinary Saturday
    [InlineData("2025-03-09", false)] // ordinary Sunday
    [InlineData("2025-03-05", true)] // ordinary Wednesday
    [InlineData("2025-12-31", true)]
    public void IsWorkingDay_OrdinaryDay_FollowsWeek(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void GetDay_MergedNationalDayAndMidAutumn_NamesBoth()
    {
        var day = Calendar.GetDay(new DateOnly(2025, 10, 6));
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Equal("国庆节、中秋节", day.Name);
        Assert.False(day.IsWorkingDay);
        Assert.False(day.IsProvisional);
    }

    [Fact]
    public void GetDay_OverlappingFestivalsInProvisionalYear_JoinsNames()
    {
        // 2028: 中秋 (八月十五) falls on 10-03, inside the statutory 国庆 days.
        var day = Calendar.GetDay(new DateOnly(2028, 10, 3));
        Assert.Equal(DayKind.Holiday, day.Kind);
        Assert.Contains("国庆节", day.Name, StringComparison.Ordinal);
        Assert.Contains("中秋节", day.Name, StringComparison.Ordinal);
        Assert.True(day.IsProvisional);
    }

    [Fact]
    public void AddWorkingDays_AcrossYearEndWithMakeUpSunday_EndsInJanuary()
    {
        // Accepted Friday 2025-12-26: 12-29, 12-30, 12-31, then 元旦 01-01..03 off, Sunday 01-04 works (4), Monday 01-05 (5).
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddWorkingDays(new DateOnly(2025, 12, 26), 5));
        Assert.Equal(new DateOnly(2026, 1, 4), Calendar.AddWorkingDays(new DateOnly(2025, 12, 26), 4));
    }

    [Fact]
    public void AddWorkingDays_StartDayNotCounted()
    {
        // 《民法典》第二百零一条: the day the period starts is not counted, even when it is a working day.
        Assert.Equal(new DateOnly(2025, 3, 6), Calendar.AddWorkingDays(new DateOnly(2025, 3, 5), 1));
        Assert.Equal(new DateOnly(2025, 3, 10), Calendar.AddWorkingDays(new DateOnly(2025, 3, 7), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossSpringFestival2026_SkipsNineDayBreakAndCountsMakeUpSaturday()
    {
        // Friday 02-13: Saturday 02-14 works (1), 02-15..02-23 off, 02-24 (2), 02-25 (3).
        Assert.Equal(new DateOnly(2026, 2, 14), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 1));
        Assert.Equal(new DateOnly(2026, 2, 25), Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 3));
    }

    [Fact]
    public void AddWorkingDays_BeforeSpringFestival2025_LandsOnMakeUpSunday() =>
        Assert.Equal(new DateOnly(2025, 1, 26), Calendar.AddWorkingDays(new DateOnly(2025, 1, 24), 1));

    [Fact]
    public void AddWorkingDays_MergedNationalDayAndMidAutumn2025_SkipsEightDays()
    {
        Assert.Equal(new DateOnly(2025, 9, 29), Calendar.AddWorkingDays(new DateOnly(2025, 9, 26), 2));
        Assert.Equal(new DateOnly(2025, 10, 9), Calendar.AddWorkingDays(new DateOnly(2025, 9, 30), 1));
        Assert.Equal(new DateOnly(2025, 10, 11), Calendar.AddWorkingDays(new DateOnly(2025, 9, 30), 3));
    }

    [Fact]
    public void AddWorkingDays_SeparateMidAutumnAndNationalDay2026_SkipsBoth()
    {
        // 中秋 09-25..27 off, Sunday 09-20 worked earlier; 国庆 10-01..07 off, Saturday 10-10 works.
        Assert.Equal(new DateOnly(2026, 9, 29), Calendar.AddWorkingDays(new DateOnly(2026, 9, 24), 2));
        Assert.Equal(new DateOnly(2026, 10, 8), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 1));
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddWorkingDays(new DateOnly(2026, 10, 9), 1));
    }

    [Fact]
    public void AddWorkingDays_Zero_IsStartOrNextWorkingDay()
    {
        Assert.Equal(new DateOnly(2025, 3, 5), Calendar.AddWorkingDays(new DateOnly(2025, 3, 5), 0));
        Assert.Equal(new DateOnly(2025, 3, 10), Calendar.AddWorkingDays(new DateOnly(2025, 3, 8), 0));
    }

    [Fact]
    public void AddCalendarDays_EndOnOrdinaryDay_Unchanged() =>
        Assert.Equal(new DateOnly(2025, 3, 12), Calendar.AddCalendarDays(new DateOnly(2025, 3, 5), 7));

    [Fact]
    public void AddCalendarDays_EndOnWeekend_MovesToMonday() =>
        Assert.Equal(new DateOnly(2025, 3, 10), Calendar.AddCalendarDays(new DateOnly(2025, 3, 1), 7));

    [Fact]
    public void AddCalendarDays_EndInSpringFestival_MovesToFirstDayAfterBreak() =>
        // 01-27 + 7 = 02-03, inside 春节 2025 (01-28..02-04): 《民法典》第二百零三条 moves it to 02-05.
        Assert.Equal(new DateOnly(2025, 2, 5), Calendar.AddCalendarDays(new DateOnly(2025, 1, 27), 7));

    [Fact]
    public void AddCalendarDays_EndInNationalDay_MovesToFirstDayAfterBreak() =>
        Assert.Equal(new DateOnly(2025, 10, 9), Calendar.AddCalendarDays(new DateOnly(2025, 9, 24), 7));

    [Fact]
    public void AddCalendarDays_EndOnMakeUpSaturday_StaysThere() =>
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddCalendarDays(new DateOnly(2026, 10, 3), 7));

    [Fact]
    public void AddCalendarDays_EndOnNewYearAcrossYearEnd_MovesToMakeUpSunday()
    {
        // 12-17 + 15 = 2026-01-01 (元旦, off to 01-03); the next day 01-04 is a make-up working Sunday.
        Assert.Equal(new DateOnly(2026, 1, 4), Calendar.AddCalendarDays(new DateOnly(2025, 12, 17), 15));
    }

    [Fact]
    public void WorkingDaysBetween_LongHolidaySpanningWeekends_CountsOnlyWorkingDays()
    {
        // 02-14 (make-up Saturday), then 02-24..02-27 after the 02-15..02-23 break.
        Assert.Equal(5, Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 27)));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 27), new DateOnly(2026, 2, 13)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 23)));
    }

    [Theory]
    [InlineData("2024-12-20")]
    [InlineData("2025-01-20")]
    [InlineData("2025-09-25")]
    [InlineData("2025-12-24")]
    [InlineData("2026-02-10")]
    [InlineData("2026-09-18")]
    public void WorkingDaysBetween_IsInverseOfAddWorkingDays(string start)
    {
        var from = DateOnly.Parse(start);
        for (var n = 1; n <= 40; n++)
        {
            Assert.Equal(n, Calendar.WorkingDaysBetween(from, Calendar.AddWorkingDays(from, n)));
        }
    }

    [Fact]
    public void IsProvisional_OfficialAndProvisionalYears_Reported()
    {
        Assert.False(Calendar.IsProvisional(new DateOnly(2026, 6, 1)));
        Assert.True(Calendar.IsProvisional(new DateOnly(2027, 6, 1)));
        Assert.True(Calendar.IsProvisional(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 10)));
        Assert.False(Calendar.IsProvisional(new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 10)));
    }

    [Fact]
    public void IsWorkingDay_YearWithoutData_ThrowsCoverageException()
    {
        var ex = Assert.Throws<CalendarCoverageException>(() => Calendar.IsWorkingDay(new DateOnly(2023, 6, 1)));
        Assert.Equal(new DateOnly(2023, 6, 1), ex.Date);
        Assert.Contains("2023", ex.Message, StringComparison.Ordinal);
        Assert.False(Calendar.Covers(new DateOnly(2023, 6, 1)));
    }

    [Fact]
    public void AddWorkingDays_RunningPastLastYear_ThrowsInsteadOfGuessing()
    {
        var last = Calendar.Years[^1].Year;
        Assert.Throws<CalendarCoverageException>(() => Calendar.AddWorkingDays(new DateOnly(last, 12, 20), 20));
    }

    [Fact]
    public void Constructor_DuplicateYear_Rejected()
    {
        var year = Calendar.Years[0];
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([year, year]));
    }

    [Fact]
    public void Constructor_CustomData_UsedInsteadOfEmbedded()
    {
        var source = new HolidaySource("测试", null, null);
        var custom = new WorkingDayCalendar([
            new HolidayYear(2030, false, source, null, [new HolidayPeriod("测试假", new DateOnly(2030, 3, 6), new DateOnly(2030, 3, 6))],
                [new MakeUpWorkingDay(new DateOnly(2030, 3, 9), "测试假")]),
        ]);
        Assert.False(custom.IsWorkingDay(new DateOnly(2030, 3, 6)));
        Assert.True(custom.IsWorkingDay(new DateOnly(2030, 3, 9)));
        Assert.Equal(new DateOnly(2030, 3, 7), custom.AddWorkingDays(new DateOnly(2030, 3, 5), 1));
    }

    [Fact]
    public void AddDays_NegativeAmount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddCalendarDays(new DateOnly(2025, 3, 5), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2025, 3, 5), -1));
    }

    [Fact]
    public void ChinaTime_DateOf_UsesBeijingDate()
    {
        Assert.Equal(new DateOnly(2026, 1, 1), ChinaTime.DateOf(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 12, 31), ChinaTime.DateOf(new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero)));
    }
}
