using System.Text;

namespace Farun.Law;

/// <summary>
/// Converts between non-negative integers and Chinese numerals as written in statutes
/// (一千零七十九, 二百八十七, 十二, 两百, 一〇七九).
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] SectionUnits = ["千", "百", "十", string.Empty];
    private static readonly string[] GroupUnits = ["亿", "万", string.Empty];

    /// <summary>Formats <paramref name="value"/> the way statutes number articles: 10 → 十, 110 → 一百一十, 1079 → 一千零七十九.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static string ToChinese(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return "零";
        }

        int[] groups = [value / 100_000_000, value / 10_000 % 10_000, value % 10_000];
        var sb = new StringBuilder();
        var started = false;
        var pendingZero = false;
        for (var gi = 0; gi < groups.Length; gi++)
        {
            var group = groups[gi];
            if (group == 0)
            {
                pendingZero |= started;
                continue;
            }

            if (started && (pendingZero || group < 1000))
            {
                sb.Append('零');
            }

            pendingZero = false;
            AppendSection(sb, group, shortTen: !started);
            sb.Append(GroupUnits[gi]);
            started = true;
        }

        return sb.ToString();
    }

    private static void AppendSection(StringBuilder sb, int section, bool shortTen)
    {
        int[] digits = [section / 1000, section / 100 % 10, section / 10 % 10, section % 10];
        var emitted = false;
        var zero = false;
        for (var p = 0; p < digits.Length; p++)
        {
            var d = digits[p];
            if (d == 0)
            {
                zero |= emitted;
                continue;
            }

            if (zero)
            {
                sb.Append('零');
                zero = false;
            }

            // 十二 rather than 一十二 at the very start of a number.
            if (!(p == 2 && d == 1 && !emitted && shortTen))
            {
                sb.Append(Digits[d]);
            }

            sb.Append(SectionUnits[p]);
            emitted = true;
        }
    }

    /// <summary>True for the characters a Chinese numeral can consist of (digits 零〇一…九两 and units 十百千万亿).</summary>
    public static bool IsNumeralChar(char c) => DigitValue(c) >= 0 || UnitValue(c) > 0 || c is '万' or '亿';

    /// <summary>Parses <paramref name="text"/> as a Chinese numeral.</summary>
    /// <exception cref="FormatException">The text is not a valid Chinese numeral.</exception>
    public static int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var value) ? value : throw new FormatException($"“{text}”不是有效的中文数字。");
    }

    /// <summary>
    /// Parses a Chinese numeral: positional (一千零七十九, 十二 = 12, 两百 = 200, colloquial 一百五 = 150)
    /// or digit by digit (一〇七九 = 1079). Surrounding whitespace is ignored.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var hasUnit = false;
        foreach (var c in text)
        {
            if (!IsNumeralChar(c))
            {
                return false;
            }

            hasUnit |= DigitValue(c) < 0;
        }

        if (!hasUnit)
        {
            return TryParseDigitByDigit(text, out value);
        }

        long yi = 0, wan = 0, section = 0;
        var digit = -1; // pending digit, -1 = none
        var afterZero = false;
        var lastUnit = int.MaxValue; // units within a section must decrease
        var lastUnitBeforeDigit = 0; // the unit right before a trailing digit (for 一百五 = 150)
        var seenWan = false;
        var seenYi = false;
        foreach (var c in text)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                if (digit > 0 && !afterZero)
                {
                    return false; // two digits in a row: 一二百
                }

                if (d == 0)
                {
                    afterZero = true;
                    digit = -1;
                    lastUnitBeforeDigit = 0;
                    continue;
                }

                digit = d;
                lastUnitBeforeDigit = afterZero ? 0 : lastUnitBeforeDigit;
                afterZero = false;
                continue;
            }

            var unit = UnitValue(c);
            if (unit > 0)
            {
                if (unit >= lastUnit)
                {
                    return false; // 十百, 百百
                }

                if (digit < 0)
                {
                    if (unit != 10)
                    {
                        return false; // 百 without a digit
                    }

                    digit = 1; // 十 at the start = 10, 一千零十 = 1010
                }

                section += digit * unit;
                lastUnit = unit;
                lastUnitBeforeDigit = unit;
                digit = -1;
                afterZero = false;
                continue;
            }

            // 万 or 亿 closes a group.
            section += Math.Max(digit, 0);
            digit = -1;
            afterZero = false;
            lastUnit = int.MaxValue;
            lastUnitBeforeDigit = 0;
            if (c == '万')
            {
                if (seenWan || section == 0)
                {
                    return false;
                }

                wan = section;
                seenWan = true;
            }
            else
            {
                if (seenYi || seenWan || (section == 0 && wan == 0))
                {
                    return false;
                }

                yi = section;
                seenYi = true;
            }

            section = 0;
        }

        if (digit > 0)
        {
            // 一百五 = 150: a digit straight after a unit of 100 or more counts one unit lower.
            section += lastUnitBeforeDigit >= 100 ? digit * (lastUnitBeforeDigit / 10) : digit;
        }

        var total = (yi * 100_000_000) + (wan * 10_000) + section;
        if (total > int.MaxValue)
        {
            return false;
        }

        value = (int)total;
        return true;
    }

    private static bool TryParseDigitByDigit(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            var d = DigitValue(c);
            if (d < 0 || (c == '两' && text.Length > 1))
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int UnitValue(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => 0,
    };
}
