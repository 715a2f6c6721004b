using Farun.Common.Calendar;

namespace Farun.UnitTests.Common.Calendar;

public sealed class DeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.China;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Compute_WorkingDaysAcrossYearEnd_DueInJanuary()
    {
        var deadline = Deadline.Compute(Calendar, DeadlineKind.WorkingDays, 5, new DateOnly(2025, 12, 26), "测试依据");
        Assert.Equal(new DateOnly(2026, 1, 5), deadline.Due);
        Assert.Equal(DeadlineKind.WorkingDays, deadline.Kind);
        Assert.Equal(5, deadline.Amount);
        Assert.Equal("测试依据", deadline.LegalBasis);
        Assert.False(deadline.IsProvisional);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 0, 0, 0, Beijing), deadline.EndsAt);
    }

    [Fact]
    public void Compute_LegalAidReviewOverNationalDay_MovesPastHoliday()
    {
        // 《法律援助法》第四十三条: review within 7 days of receiving the application; received on the make-up Sunday
        // 2025-09-28, day 7 is 10-05 inside the break, so the period ends on 10-09 (《民法典》第二百零三条).
        var deadline = Deadline.Compute(Calendar, DeadlineKind.CalendarDays, 7, new DateOnly(2025, 9, 28), "《法律援助法》第四十三条");
        Assert.Equal(new DateOnly(2025, 10, 9), deadline.Due);
    }

    [Fact]
    public void Compute_IntoProvisionalYear_FlaggedProvisional()
    {
        var deadline = Deadline.Compute(Calendar, DeadlineKind.WorkingDays, 20, new DateOnly(2026, 12, 20), "测试依据");
        Assert.True(deadline.IsProvisional);
        Assert.Equal(2027, deadline.Due.Year);
    }

    [Theory]
    [InlineData("2025-12-29T10:00:00+08:00", DeadlineStatus.OnTime)] // 4 working days left
    [InlineData("2025-12-30T10:00:00+08:00", DeadlineStatus.OnTime)] // 3 left: 12-31, 01-04, 01-05
    [InlineData("2025-12-31T10:00:00+08:00", DeadlineStatus.DueSoon)] // 2 left: 01-04 (make-up Sunday), 01-05
    [InlineData("2026-01-02T10:00:00+08:00", DeadlineStatus.DueSoon)] // holiday, 2 left
    [InlineData("2026-01-05T23:59:59+08:00", DeadlineStatus.DueSoon)] // due day until 24:00
    [InlineData("2026-01-05T15:59:59+00:00", DeadlineStatus.DueSoon)] // 23:59:59 in Beijing
    [InlineData("2026-01-05T16:00:00+00:00", DeadlineStatus.Overdue)] // 00:00 on 01-06 in Beijing
    [InlineData("2026-02-01T09:00:00+08:00", DeadlineStatus.Overdue)]
    public void StatusAt_DefaultThreshold_ByBeijingDate(string instant, DeadlineStatus expected)
    {
        var deadline = Deadline.Compute(Calendar, DeadlineKind.WorkingDays, 5, new DateOnly(2025, 12, 26), "测试依据");
        Assert.Equal(expected, deadline.StatusAt(DateTimeOffset.Parse(instant), Calendar));
    }

    [Fact]
    public void StatusAt_CustomThreshold_Applied()
    {
        var deadline = Deadline.Compute(Calendar, DeadlineKind.WorkingDays, 5, new DateOnly(2025, 12, 26), "测试依据");
        var at = new DateTimeOffset(2025, 12, 31, 10, 0, 0, Beijing);
        Assert.Equal(DeadlineStatus.OnTime, deadline.StatusAt(at, Calendar, dueSoonWorkingDays: 1));
        Assert.Equal(DeadlineStatus.DueSoon, deadline.StatusAt(at, Calendar, dueSoonWorkingDays: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => deadline.StatusAt(at, Calendar, dueSoonWorkingDays: -1));
    }

    [Fact]
    public void WorkingDaysLeft_BeforeOnAndAfterDue()
    {
        var deadline = Deadline.Compute(Calendar, DeadlineKind.WorkingDays, 5, new DateOnly(2025, 12, 26), "测试依据");
        Assert.Equal(5, deadline.WorkingDaysLeft(new DateOnly(2025, 12, 26), Calendar));
        Assert.Equal(0, deadline.WorkingDaysLeft(new DateOnly(2026, 1, 5), Calendar));
        Assert.Equal(-2, deadline.WorkingDaysLeft(new DateOnly(2026, 1, 7), Calendar));
    }

    [Fact]
    public void Restore_StoredValues_KeptAndRecomputeGivesSameDue()
    {
        var computed = Deadline.Compute(Calendar, DeadlineKind.CalendarDays, 7, new DateOnly(2025, 1, 27), "测试依据");
        var restored = Deadline.Restore(computed.Kind, computed.Amount, computed.Start, computed.Due, computed.LegalBasis, computed.IsProvisional);
        Assert.Equal(computed, restored);
        Assert.Equal(computed, restored.Recompute(Calendar));
    }

    [Fact]
    public void Restore_DueBeforeStart_Rejected() =>
        Assert.Throws<ArgumentException>(() =>
            Deadline.Restore(DeadlineKind.CalendarDays, 7, new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 4), "测试依据", false));

    [Fact]
    public void Compute_BlankLegalBasis_Rejected() =>
        Assert.Throws<ArgumentException>(() => Deadline.Compute(Calendar, DeadlineKind.CalendarDays, 7, new DateOnly(2025, 3, 5), " "));
}
