using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>
/// Turns what a citizen typed or picked into a typed answer, with a message in plain Chinese when it cannot: forms and
/// the API give strings ("是", "3,000元", "2025年3月1日"); stored answers are bool, decimal, DateOnly or string.
/// </summary>
public static partial class AnswerInput
{
    public const decimal MaxNumber = 1_000_000_000_000m;

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DateRegex();

    public static (object? Value, string? Error) Parse(Question q, string? raw)
    {
        var text = Normalize(raw ?? "");
        if (text.Length == 0)
        {
            if (q.Type == QuestionType.Text && q.Optional)
                return ("", null);
            return (null, q.Type switch
            {
                QuestionType.YesNo => "请选择“是”或“否”。",
                QuestionType.Choice => "请选择一项。",
                QuestionType.Money => "请填写金额（元）。",
                QuestionType.Number => "请填写数字。",
                QuestionType.Date => "请填写日期。",
                _ => "请填写此项。",
            });
        }

        switch (q.Type)
        {
            case QuestionType.YesNo:
                return text.ToLowerInvariant() switch
                {
                    "yes" or "true" or "是" or "1" or "y" => (true, null),
                    "no" or "false" or "否" or "0" or "n" => (false, null),
                    _ => (null, "请选择“是”或“否”。"),
                };
            case QuestionType.Choice:
                var option = q.Options.FirstOrDefault(o => o.Value == text) ?? q.Options.FirstOrDefault(o => o.Label == text);
                return option is null ? (null, "请从给出的选项中选择一项。") : (option.Value, null);
            case QuestionType.Number or QuestionType.Money:
                var money = q.Type == QuestionType.Money;
                var digits = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
                if (money)
                    digits = digits.TrimStart('¥', '￥').TrimEnd('元').Trim();
                else if (q.Unit is { Length: > 0 } unit && digits.EndsWith(unit, StringComparison.Ordinal))
                    digits = digits[..^unit.Length].Trim();
                if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
                    || Math.Abs(d) > MaxNumber)
                    return (null, money ? "请填写金额（元），只写数字，如 3000。" : "请填写数字，如 3。");
                if (money && decimal.Round(d, 2) != d)
                    return (null, "金额最多精确到分（小数点后两位）。");
                return (d, null);
            case QuestionType.Date:
                var m = DateRegex().Match(text);
                if (!m.Success || !DateOnly.TryParseExact(
                        $"{m.Groups[1].Value}-{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture):00}",
                        "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return (null, "请按“年-月-日”填写日期，如 2025-03-01。");
                if (date.Year < 1900 || date.Year > 2200)
                    return (null, "日期的年份不对，请检查。");
                return (date, null);
            default:
                var t = (raw ?? "").Trim();
                if (t.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
                    return (null, "内容含有不可见的控制字符，请删除后重试。");
                if (t.Length > q.MaxLength)
                    return (null, $"最多填写{q.MaxLength}个字，现在是{t.Length}个字。");
                return (t, null);
        }
    }

    /// <summary>The text form of a stored answer, for refilling a form field.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "yes" : "no",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Checks a typed answer against the question: its kind, options, length and bounds (evaluated with the
    /// answers before it). Stored answers are re-checked this way, since a guide may have changed since.</summary>
    public static string? Check(Question q, object? value, Evaluator before)
    {
        switch (q.Type, value)
        {
            case (QuestionType.YesNo, bool):
                return null;
            case (QuestionType.Choice, string s):
                return q.Option(s) is null ? "请从给出的选项中选择一项。" : null;
            case (QuestionType.Text, string t):
                return t.Length > q.MaxLength ? $"最多填写{q.MaxLength}个字。" : (t.Length == 0 && !q.Optional ? "请填写此项。" : null);
            case (QuestionType.Number or QuestionType.Money, decimal d):
                var unit = q.Type == QuestionType.Money ? "元" : q.Unit ?? "";
                if (q.Min?.Parsed is { } lo && before.Evaluate(lo) is decimal min && d < min)
                    return $"不能小于{GuideFormat.Number(min)}{unit}。";
                if (q.Max?.Parsed is { } hi && before.Evaluate(hi) is decimal max && d > max)
                    return $"不能大于{GuideFormat.Number(max)}{unit}。";
                return null;
            case (QuestionType.Date, DateOnly date):
                if (q.Min?.Parsed is { } from && before.Evaluate(from) is DateOnly earliest && date < earliest)
                    return $"不能早于{GuideFormat.Date(earliest)}。";
                if (q.Max?.Parsed is { } to && before.Evaluate(to) is DateOnly latest && date > latest)
                    return latest == before.Clock.Today ? "不能晚于今天。" : $"不能晚于{GuideFormat.Date(latest)}。";
                return null;
            default:
                return "回答的格式不对，请重新回答。";
        }
    }

    /// <summary>Full-width digits and letters to ASCII, trimmed.</summary>
    private static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Trim())
        {
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '－' => '-',
                '／' => '/',
                '　' => ' ',
                _ => c,
            });
        }

        return sb.ToString().Trim();
    }
}
