using System.Globalization;

namespace Farun.Law.Corpus;

/// <summary>
/// The number of an article (条): <see cref="Number"/> plus an optional <see cref="Suffix"/> for inserted articles
/// such as 刑法第二百八十七条之二 (287, 2). Ordered as integers, so X之Y sorts between X and X+1.
/// </summary>
public readonly record struct ArticleNumber : IComparable<ArticleNumber>, IComparable
{
    /// <summary>Creates an article number.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is below 1 or <paramref name="suffix"/> is negative.</exception>
    public ArticleNumber(int number, int suffix = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(suffix);
        Number = number;
        Suffix = suffix;
    }

    /// <summary>The main number: 287 in 第二百八十七条之二.</summary>
    public int Number { get; }

    /// <summary>The 之Y suffix: 2 in 第二百八十七条之二; 0 when there is none.</summary>
    public int Suffix { get; }

    /// <summary>A stable key: "82" or "287-2".</summary>
    public string Key => Suffix == 0
        ? Number.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Number}-{Suffix}");

    /// <summary>The article as written in statutes: 第八十二条, 第二百八十七条之二.</summary>
    public string Display => Suffix == 0
        ? $"第{ChineseNumerals.ToChinese(Number)}条"
        : $"第{ChineseNumerals.ToChinese(Number)}条之{ChineseNumerals.ToChinese(Suffix)}";

    /// <summary>Parses an article number; see <see cref="TryParse(string?, out ArticleNumber)"/>.</summary>
    /// <exception cref="FormatException">The text is not an article number.</exception>
    public static ArticleNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"“{text}”不是有效的条文序号。");

    /// <summary>
    /// Parses 第一千零七十九条, 1079, 第82条, 第１０７９条, 第一百二十八 条 (stray space), 第二百八十七条之二,
    /// the <see cref="Key"/> form 287-2, and the corpus typo 第三十－条 (a dash standing for 一, so 31).
    /// </summary>
    public static bool TryParse(string? text, out ArticleNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var length = 0;
        foreach (var raw in text)
        {
            if (char.IsWhiteSpace(raw) || raw is '\u200b' or '\ufeff')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return false;
            }

            buffer[length++] = raw is >= '０' and <= '９' ? (char)(raw - '０' + '0') : raw;
        }

        ReadOnlySpan<char> s = buffer[..length];
        if (s.StartsWith('第'))
        {
            s = s[1..];
        }

        var dash = s.IndexOf('-');
        if (dash > 0 && IsAsciiDigits(s[..dash]) && IsAsciiDigits(s[(dash + 1)..]))
        {
            return TryCreate(s[..dash], s[(dash + 1)..], out number);
        }

        var suffix = s[s.Length..];
        var zhi = s.IndexOf("条之", StringComparison.Ordinal);
        if (zhi >= 0)
        {
            suffix = s[(zhi + 2)..];
            s = s[..zhi];
            if (suffix.IsEmpty)
            {
                return false;
            }
        }
        else if (s.EndsWith('条'))
        {
            s = s[..^1];
        }

        return TryCreate(s, suffix, out number);
    }

    private static bool TryCreate(ReadOnlySpan<char> main, ReadOnlySpan<char> suffix, out ArticleNumber number)
    {
        number = default;
        if (!TryParseNumeral(main, out var n) || n < 1)
        {
            return false;
        }

        var sfx = 0;
        if (!suffix.IsEmpty && (!TryParseNumeral(suffix, out sfx) || sfx < 1))
        {
            return false;
        }

        number = new ArticleNumber(n, sfx);
        return true;
    }

    /// <summary>Arabic digits or a Chinese numeral; inside a Chinese numeral a dash (－, —, -) is read as 一.</summary>
    internal static bool TryParseNumeral(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        if (IsAsciiDigits(text))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (text.IndexOfAny('－', '—', '-') < 0)
        {
            return ChineseNumerals.TryParse(text, out value);
        }

        Span<char> fixedText = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            fixedText[i] = text[i] is '－' or '—' or '-' ? '一' : text[i];
        }

        return ChineseNumerals.TryParse(fixedText, out value);
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ArticleNumber other)
    {
        var c = Number.CompareTo(other.Number);
        return c != 0 ? c : Suffix.CompareTo(other.Suffix);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        ArticleNumber other => CompareTo(other),
        _ => throw new ArgumentException("Object must be an ArticleNumber.", nameof(obj)),
    };

    /// <summary>Compares two article numbers.</summary>
    public static bool operator <(ArticleNumber left, ArticleNumber right) => left.CompareTo(right) < 0;

    /// <summary>Compares two article numbers.</summary>
    public static bool operator >(ArticleNumber left, ArticleNumber right) => left.CompareTo(right) > 0;

    /// <summary>Compares two article numbers.</summary>
    public static bool operator <=(ArticleNumber left, ArticleNumber right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two article numbers.</summary>
    public static bool operator >=(ArticleNumber left, ArticleNumber right) => left.CompareTo(right) >= 0;

    /// <summary>Returns <see cref="Display"/>.</summary>
    public override string ToString() => Display;
}
