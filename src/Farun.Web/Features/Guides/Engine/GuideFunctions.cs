using Farun.Common.Calendar;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>What expressions see of the outside world: today's date in China and the official calendar.</summary>
public sealed record GuideClock(DateOnly Today, WorkingDayCalendar Calendar)
{
    public static GuideClock From(TimeProvider time, WorkingDayCalendar? calendar = null) =>
        new(ChinaTime.Today(time), calendar ?? WorkingDayCalendar.China);
}

/// <summary>An error while evaluating an expression (a guide bug the validator cannot see, e.g. division by zero).</summary>
public sealed class GuideEvaluationException(string message) : Exception(message);

/// <summary>A built-in function: parameter types (null = any), result type, optional extra static check, implementation.</summary>
public sealed record GuideFunction(
    string Name,
    string Usage,
    string Description,
    IReadOnlyList<GuideType?> Parameters,
    Func<IReadOnlyList<GuideType?>, GuideType?> Result,
    Func<IReadOnlyList<object>, GuideClock, object> Invoke,
    Func<CallExpr, IReadOnlyList<GuideType>, string?>? Check = null);

/// <summary>
/// The functions of the guide expression language. Period functions follow 《民法典》第二百零一条至第二百零三条:
/// the start day is not counted, a period of months or years ends on the corresponding day (the last day of the month
/// when there is none), and a last day that is a rest day moves to the next working day.
/// </summary>
public static class GuideFunctions
{
    private static readonly GuideType?[] None = [];

    public static readonly IReadOnlyDictionary<string, GuideFunction> All = new[]
    {
        new GuideFunction("today", "today()", "今天的日期（北京时间）", None, _ => GuideType.Date, (_, c) => c.Today),
        new GuideFunction("days_until", "days_until(日期)", "从今天到该日期还有多少天（已过去则为负数）", [GuideType.Date], _ => GuideType.Number,
            (a, c) => (decimal)(((DateOnly)a[0]).DayNumber - c.Today.DayNumber)),
        new GuideFunction("days_since", "days_since(日期)", "该日期距今天已过去多少天", [GuideType.Date], _ => GuideType.Number,
            (a, c) => (decimal)(c.Today.DayNumber - ((DateOnly)a[0]).DayNumber)),
        new GuideFunction("days_between", "days_between(开始日期, 结束日期)", "两个日期相差的天数", [GuideType.Date, GuideType.Date], _ => GuideType.Number,
            (a, _) => (decimal)(((DateOnly)a[1]).DayNumber - ((DateOnly)a[0]).DayNumber)),
        new GuideFunction("add_days", "add_days(日期, 天数)", "日期加若干天", [GuideType.Date, GuideType.Number], _ => GuideType.Date,
            (a, _) => ((DateOnly)a[0]).AddDays(Whole(a[1], "add_days"))),
        new GuideFunction("add_months", "add_months(日期, 月数)", "日期加若干个月（没有对应日时取月末）", [GuideType.Date, GuideType.Number], _ => GuideType.Date,
            (a, _) => ((DateOnly)a[0]).AddMonths(Whole(a[1], "add_months"))),
        new GuideFunction("add_years", "add_years(日期, 年数)", "日期加若干年（2月29日加一年为2月28日）", [GuideType.Date, GuideType.Number], _ => GuideType.Date,
            (a, _) => ((DateOnly)a[0]).AddYears(Whole(a[1], "add_years"))),
        new GuideFunction("period_end_days", "period_end_days(起算日, 天数)", "以日计算的期间的最后一日（起算日不计入，最后一日遇休息日顺延）", [GuideType.Date, GuideType.Number], _ => GuideType.Date,
            (a, c) => PeriodEnd(((DateOnly)a[0]).AddDays(Whole(a[1], "period_end_days")), c.Calendar)),
        new GuideFunction("period_end_months", "period_end_months(起算日, 月数)", "以月计算的期间的最后一日（到期月的对应日，遇休息日顺延）", [GuideType.Date, GuideType.Number], _ => GuideType.Date,
            (a, c) => PeriodEnd(((DateOnly)a[0]).AddMonths(Whole(a[1], "period_end_months")), c.Calendar)),
        new GuideFunction("period_end_years", "period_end_years(起算日, 年数)", "以年计算的期间的最后一日（到期年的对应日，遇休息日顺延）", [GuideType.Date, GuideType.Number], _ => GuideType.Date,
            (a, c) => PeriodEnd(((DateOnly)a[0]).AddYears(Whole(a[1], "period_end_years")), c.Calendar)),
        new GuideFunction("min", "min(a, b)", "两个数字、金额或日期中较小的", [null, null], MinMaxType, (a, _) => Compare(a[0], a[1]) <= 0 ? a[0] : a[1], CheckMinMax),
        new GuideFunction("max", "max(a, b)", "两个数字、金额或日期中较大的", [null, null], MinMaxType, (a, _) => Compare(a[0], a[1]) >= 0 ? a[0] : a[1], CheckMinMax),
        new GuideFunction("round", "round(数字或金额, 小数位数)", "四舍五入", [null, GuideType.Number], t => t[0], (a, _) =>
            decimal.Round((decimal)a[0], Whole(a[1], "round"), MidpointRounding.AwayFromZero),
            (c, t) => t[0].IsNumeric ? null : $"函数 round 的第1个参数应为数字或金额，实际是{t[0].DisplayName}"),
        new GuideFunction("if", "if(条件, 条件成立时的值, 否则的值)", "按条件取两个值之一", [GuideType.Bool, null, null], IfType,
            (a, _) => (bool)a[0] ? a[1] : a[2], CheckIf),
        new GuideFunction("label", "label(选择题的答案)", "选项的文字（而不是选项代码）", [null], _ => GuideType.Text,
            (a, _) => a[0], (c, t) => t[0].Kind == ValueKind.Choice ? null : $"函数 label 的参数应为选择题的答案，实际是{t[0].DisplayName}"),
        new GuideFunction("answered", "answered(问题)", "该问题在本次作答的路径上是否回答过；在 if(answered(x), …) 或 “answered(x) and …” 中可以使用 x", [null], _ => GuideType.Bool,
            (a, _) => throw new InvalidOperationException("answered() is evaluated by the evaluator"),
            (c, t) => c.Args[0] is NameExpr ? null : "函数 answered 的参数应为一个问题的编号"),
        new GuideFunction("date", "date(\"2026-01-31\")", "固定日期", [GuideType.Text], _ => GuideType.Date,
            (a, _) => DateOnly.ParseExact((string)a[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), CheckDateLiteral),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The official calendar moves a last day off weekends and holidays; beyond the years it covers, only
    /// weekends are known, which is the best that can be said without the State Council's arrangement.</summary>
    public static DateOnly PeriodEnd(DateOnly lastDay, WorkingDayCalendar calendar)
    {
        var day = lastDay;
        for (var i = 0; i < 60; i++)
        {
            var working = calendar.Covers(day) ? calendar.IsWorkingDay(day) : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            if (working)
                return day;
            day = day.AddDays(1);
        }

        return day;
    }

    private static int Whole(object value, string fn)
    {
        var d = (decimal)value;
        if (d != decimal.Truncate(d) || d > 100_000 || d < -100_000)
            throw new GuideEvaluationException($"函数 {fn} 的数量参数必须是不太大的整数，实际是 {d}");
        return (int)d;
    }

    private static int Compare(object a, object b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (DateOnly x, DateOnly y) => x.CompareTo(y),
        _ => throw new GuideEvaluationException("min/max 的两个参数类型不同"),
    };

    private static GuideType? MinMaxType(IReadOnlyList<GuideType?> t) =>
        t[0] is null || t[1] is null ? null
        : t[0]!.Kind == ValueKind.Date ? GuideType.Date
        : t[0]!.Kind == ValueKind.Money || t[1]!.Kind == ValueKind.Money ? GuideType.Money : GuideType.Number;

    private static string? CheckMinMax(CallExpr c, IReadOnlyList<GuideType> t) =>
        (t[0].IsNumeric && t[1].IsNumeric) || (t[0].Kind == ValueKind.Date && t[1].Kind == ValueKind.Date)
            ? null
            : $"函数 {c.Name} 的两个参数应同为数字（金额）或同为日期，实际是{t[0].DisplayName}和{t[1].DisplayName}";

    private static GuideType? IfType(IReadOnlyList<GuideType?> t)
    {
        if (t[1] is null || t[2] is null)
            return t[1] ?? t[2];
        var (a, b) = (t[1]!, t[2]!);
        if (a == b)
            return a;
        if (a.IsNumeric && b.IsNumeric)
            return a.Kind == ValueKind.Money || b.Kind == ValueKind.Money ? GuideType.Money : GuideType.Number;
        // A choice and a text literal (or two choices) read as text.
        return GuideType.Text;
    }

    private static string? CheckIf(CallExpr c, IReadOnlyList<GuideType> t)
    {
        var (a, b) = (t[1], t[2]);
        if (a == b || (a.IsNumeric && b.IsNumeric) || (a.Kind is ValueKind.Text or ValueKind.Choice && b.Kind is ValueKind.Text or ValueKind.Choice))
            return null;
        return $"函数 if 的两个取值类型应相同，实际是{a.DisplayName}和{b.DisplayName}";
    }

    private static string? CheckDateLiteral(CallExpr c, IReadOnlyList<GuideType> t) =>
        c.Args[0] is LiteralExpr { Value: string s } && DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? null
            : "函数 date 的参数应为“yyyy-MM-dd”格式的固定日期，如 date(\"2026-01-31\")";
}
