using System.Reflection;
using System.Text.Json;

namespace Farun.Common.Calendar;

/// <summary>Where a year's holiday arrangement comes from (a State Council General Office notice, or the statute).</summary>
/// <param name="Title">Title of the notice or statute.</param>
/// <param name="DocumentNumber">Document number such as 国办发明电〔2024〕12号, or null when not verified.</param>
/// <param name="Issued">Date of issue, yyyy-MM-dd or yyyy-MM when the day is not verified.</param>
public sealed record HolidaySource(string Title, string? DocumentNumber, string? Issued);

/// <summary>A run of days off for a festival, both ends included, as the notice states it.</summary>
public sealed record HolidayPeriod(string Name, DateOnly From, DateOnly To);

/// <summary>A Saturday or Sunday that is a working day (调休上班) to make up for a festival's extra days off.</summary>
public sealed record MakeUpWorkingDay(DateOnly Date, string Festival);

/// <summary>
/// One year's public holidays and make-up working days, as kept in <c>Common/Calendar/Data/{year}.json</c>.
/// A provisional year lists only the statutory festival days of 《全国年节及纪念日放假办法》 because the year's notice
/// has not been entered; its weekday compensation (补假) and make-up working days are missing.
/// </summary>
public sealed record HolidayYear(
    int Year,
    bool Provisional,
    HolidaySource Source,
    string? Notes,
    IReadOnlyList<HolidayPeriod> Holidays,
    IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays)
{
    private const string ResourcePrefix = "Farun.Common.Calendar.Data.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads one year's file and checks it; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static HolidayYear FromJson(string json, string origin)
    {
        HolidayYear? year;
        try
        {
            year = JsonSerializer.Deserialize<HolidayYear>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"节假日数据 {origin} 格式错误：{ex.Message}", ex);
        }

        if (year is null)
        {
            throw new InvalidDataException($"节假日数据 {origin} 为空");
        }

        year.Validate(origin);
        return year;
    }

    /// <summary>The years embedded in Farun.Core (one JSON file per year), ordered by year.</summary>
    public static IReadOnlyList<HolidayYear> LoadEmbedded()
    {
        var assembly = typeof(HolidayYear).Assembly;
        var years = new List<HolidayYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var year = FromJson(ReadResource(assembly, name), name);

            // The file name is what maintainers look for; a copied file whose "year" was not edited must not load.
            if (name != $"{ResourcePrefix}{year.Year}.json")
            {
                throw new InvalidDataException($"节假日数据 {name} 的 year 为 {year.Year}，与文件名不符");
            }

            years.Add(year);
        }

        return [.. years.OrderBy(y => y.Year)];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"找不到嵌入资源 {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private void Validate(string origin)
    {
        // Catches typos in hand-entered data: a wrong year, a reversed range, a make-up day on a weekday.
        var problems = new List<string>();
        if (Year is < 1949 or > 2200)
        {
            problems.Add($"年份 {Year} 不合理");
        }

        if (string.IsNullOrWhiteSpace(Source?.Title))
        {
            problems.Add("缺少来源（source.title）");
        }

        var holidayDays = new HashSet<DateOnly>();
        foreach (var holiday in Holidays)
        {
            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                problems.Add($"{holiday.From:yyyy-MM-dd} 的假期缺少名称");
            }

            if (holiday.To < holiday.From)
            {
                problems.Add($"{holiday.Name} 的结束日期 {holiday.To:yyyy-MM-dd} 早于开始日期 {holiday.From:yyyy-MM-dd}");
            }

            // A notice may reach a few days into the neighbouring year (元旦 joined to a weekend), never further.
            if (Math.Abs(holiday.From.Year - Year) > 1 || Math.Abs(holiday.To.Year - Year) > 1)
            {
                problems.Add($"{holiday.Name} 的日期不在 {Year} 年前后");
            }

            for (var day = holiday.From; day <= holiday.To && day.DayNumber - holiday.From.DayNumber < 60; day = day.AddDays(1))
            {
                holidayDays.Add(day);
            }
        }

        foreach (var makeUp in MakeUpWorkingDays)
        {
            if (makeUp.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                problems.Add($"调休上班日 {makeUp.Date:yyyy-MM-dd} 不是周六或周日");
            }

            if (holidayDays.Contains(makeUp.Date))
            {
                problems.Add($"{makeUp.Date:yyyy-MM-dd} 既是假日又是调休上班日");
            }

            if (Math.Abs(makeUp.Date.Year - Year) > 1)
            {
                problems.Add($"调休上班日 {makeUp.Date:yyyy-MM-dd} 不在 {Year} 年前后");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"节假日数据 {origin} 有误：{string.Join("；", problems)}");
        }
    }
}
