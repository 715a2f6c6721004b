using System.Globalization;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>The kinds of value a guide works with: answers, computed values, parameters and expression results.</summary>
public enum ValueKind
{
    Bool,
    Number,
    Money,
    Date,
    Text,

    /// <summary>The value of a choice question: one of its option values (a string at run time).</summary>
    Choice,
}

/// <summary>A static type. A choice type names its question, so literals compared with it can be checked against the options.</summary>
public sealed record GuideType(ValueKind Kind, string? ChoiceQuestion = null)
{
    public static readonly GuideType Bool = new(ValueKind.Bool);
    public static readonly GuideType Number = new(ValueKind.Number);
    public static readonly GuideType Money = new(ValueKind.Money);
    public static readonly GuideType Date = new(ValueKind.Date);
    public static readonly GuideType Text = new(ValueKind.Text);

    public static GuideType ChoiceOf(string question) => new(ValueKind.Choice, question);

    public bool IsNumeric => Kind is ValueKind.Number or ValueKind.Money;

    /// <summary>The type's name as administrators read it in validator messages.</summary>
    public string DisplayName => Kind switch
    {
        ValueKind.Bool => "是/否",
        ValueKind.Number => "数字",
        ValueKind.Money => "金额",
        ValueKind.Date => "日期",
        ValueKind.Text => "文字",
        ValueKind.Choice => $"选项（问题“{ChoiceQuestion}”）",
        _ => Kind.ToString(),
    };

    public override string ToString() => DisplayName;
}

/// <summary>Formatting of run-time values for citizens: dates as 2026年3月5日, money as 3,000元.</summary>
public static class GuideFormat
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Money(decimal m) =>
        (decimal.Round(m, 2) == decimal.Truncate(m) ? decimal.Truncate(m).ToString("#,0", Zh) : m.ToString("#,0.00", Zh)) + "元";

    public static string Number(decimal n) =>
        decimal.Round(n, 2) == decimal.Truncate(n) ? decimal.Truncate(n).ToString("0", CultureInfo.InvariantCulture) : n.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Bool(bool b) => b ? "是" : "否";

    /// <summary>A value for display; <paramref name="choiceLabel"/> turns an option value into its label.</summary>
    public static string Value(object? value, GuideType type, Func<string, string, string>? choiceLabel = null) => value switch
    {
        null => "",
        bool b => Bool(b),
        DateOnly d => Date(d),
        decimal m when type.Kind == ValueKind.Money => Money(m),
        decimal n => Number(n),
        string s when type.Kind == ValueKind.Choice && choiceLabel is not null && type.ChoiceQuestion is not null => choiceLabel(type.ChoiceQuestion, s),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
