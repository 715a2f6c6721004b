using System.Globalization;
using Farun.Common.Calendar;

namespace Farun.UnitTests.Common.Calendar;

public sealed class HolidayDataTests
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static TheoryData<int> Years() => [.. HolidayYear.LoadEmbedded().Select(y => y.Year)];

    [Fact]
    public void LoadEmbedded_CoversAtLeast2025To2027InOrder()
    {
        var years = HolidayYear.LoadEmbedded().Select(y => y.Year).ToList();
        Assert.Superset(new HashSet<int> { 2025, 2026, 2027 }, years.ToHashSet());
        Assert.Equal(years.Order(), years);
    }

    [Fact]
    public void LoadEmbedded_YearsWithoutNotice_AreMarkedProvisional()
    {
        var provisional = HolidayYear.LoadEmbedded().Where(y => y.Provisional).Select(y => y.Year).ToList();
        Assert.Equal([2027, 2028], provisional);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Source_EveryYear_NamesItsNoticeOrStatute(int year)
    {
        var data = HolidayYear.LoadEmbedded().Single(y => y.Year == year);
        if (data.Provisional)
        {
            Assert.Contains("全国年节及纪念日放假办法", data.Source.Title, StringComparison.Ordinal);
            Assert.Empty(data.MakeUpWorkingDays);
            Assert.Contains("provisional", data.Notes, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal($"国务院办公厅关于{year}年部分节假日安排的通知", data.Source.Title);
            Assert.NotEmpty(data.MakeUpWorkingDays);
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Festivals_EveryYear_ContainTheirLunarAndSolarDates(int year)
    {
        var data = HolidayYear.LoadEmbedded().Single(y => y.Year == year);
        AssertFestivalCovers(data, "元旦", new DateOnly(year, 1, 1));
        AssertFestivalCovers(data, "春节", FromLunar(year, 1, 1));
        AssertFestivalCovers(data, "端午节", FromLunar(year, 5, 5));
        AssertFestivalCovers(data, "中秋节", FromLunar(year, 8, 15));
        AssertFestivalCovers(data, "劳动节", new DateOnly(year, 5, 1));
        AssertFestivalCovers(data, "国庆节", new DateOnly(year, 10, 1));

        // 清明 is a solar term on 4 or 5 April in these years.
        var qingming = data.Holidays.Single(h => h.Name == "清明节");
        Assert.True(qingming.From <= new DateOnly(year, 4, 5) && qingming.To >= new DateOnly(year, 4, 4));
    }

    [Theory]
    [InlineData(2027)]
    [InlineData(2028)]
    public void ProvisionalYear_ListsStatutoryDaysOf2024Revision(int year)
    {
        // 《全国年节及纪念日放假办法》（2024年修订）第二条: 元旦1, 春节4 (除夕 to 初三), 清明1, 劳动节2, 端午1, 中秋1, 国庆3.
        var data = HolidayYear.LoadEmbedded().Single(y => y.Year == year);
        int Days(string name) => data.Holidays.Where(h => h.Name == name).Sum(h => h.To.DayNumber - h.From.DayNumber + 1);
        Assert.Equal(1, Days("元旦"));
        Assert.Equal(4, Days("春节"));
        Assert.Equal(1, Days("清明节"));
        Assert.Equal(2, Days("劳动节"));
        Assert.Equal(1, Days("端午节"));
        Assert.Equal(1, Days("中秋节"));
        Assert.Equal(3, Days("国庆节"));
        var springFestival = data.Holidays.Single(h => h.Name == "春节");
        Assert.Equal(FromLunar(year, 1, 1).AddDays(-1), springFestival.From);
    }

    [Fact]
    public void FromJson_MakeUpDayOnWeekday_Rejected()
    {
        const string json = """
            { "year": 2030, "provisional": true, "source": { "title": "测试", "documentNumber": null, "issued": null },
              "notes": null, "holidays": [], "makeUpWorkingDays": [ { "date": "2030-01-02", "festival": "元旦" } ] }
            """;
        var ex = Assert.Throws<InvalidDataException>(() => HolidayYear.FromJson(json, "2030.json"));
        Assert.Contains("不是周六或周日", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_ReversedRange_Rejected()
    {
        const string json = """
            { "year": 2030, "provisional": true, "source": { "title": "测试", "documentNumber": null, "issued": null },
              "notes": null, "holidays": [ { "name": "春节", "from": "2030-02-08", "to": "2030-02-02" } ], "makeUpWorkingDays": [] }
            """;
        var ex = Assert.Throws<InvalidDataException>(() => HolidayYear.FromJson(json, "2030.json"));
        Assert.Contains("早于开始日期", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_MissingSource_Rejected()
    {
        const string json = """{ "year": 2030, "provisional": true, "notes": null, "holidays": [], "makeUpWorkingDays": [] }""";
        var ex = Assert.Throws<InvalidDataException>(() => HolidayYear.FromJson(json, "2030.json"));
        Assert.Contains("2030.json", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertFestivalCovers(HolidayYear data, string festival, DateOnly date) =>
        Assert.Contains(data.Holidays, h => h.Name.Contains(festival, StringComparison.Ordinal) && h.From <= date && date <= h.To);

    private static DateOnly FromLunar(int year, int month, int day)
    {
        // Months after a leap month shift by one in ChineseLunisolarCalendar's numbering.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
