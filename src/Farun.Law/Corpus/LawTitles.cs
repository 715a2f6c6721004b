using System.Text;

namespace Farun.Law.Corpus;

/// <summary>
/// Normalisation of law names, shared by the corpus (law keys) and citation matching. It follows STARD's rule:
/// drop 中华人民共和国 at the start and right after 《 or 〈, ignore 、 and whitespace, treat ASCII and full-width
/// brackets alike.
/// </summary>
public static class LawTitles
{
    /// <summary>The prefix dropped by <see cref="Normalize"/> and <see cref="ShortTitle"/>.</summary>
    public const string StatePrefix = "中华人民共和国";

    /// <summary>
    /// Normalises a law name: 《中华人民共和国劳动合同法》 → 劳动合同法;
    /// 最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 → 最高人民法院关于适用《民事诉讼法》的解释;
    /// 最高人民法院 最高人民检察院关于… and 最高人民法院、最高人民检察院关于… → 最高人民法院最高人民检察院关于….
    /// Full-width brackets become ASCII, 〈〉 become 《》, full-width digits become ASCII.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var raw in name)
        {
            var c = MapChar(raw);
            if (IsIgnorable(c))
            {
                continue;
            }

            sb.Append(c);
            if (EndsWith(sb, StatePrefix) && (sb.Length == StatePrefix.Length || sb[^(StatePrefix.Length + 1)] == '《'))
            {
                sb.Length -= StatePrefix.Length;
            }
        }

        // A whole name in book-title marks: 《劳动合同法》 → 劳动合同法 (the prefix after 《 is already gone).
        if (IsWrappedInBookMarks(sb))
        {
            sb.Length--;
            sb.Remove(0, 1);
        }

        return sb.ToString();
    }

    /// <summary>The title without a leading 中华人民共和国 (中华人民共和国劳动合同法 → 劳动合同法).</summary>
    public static string ShortTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.StartsWith(StatePrefix, StringComparison.Ordinal) && title.Length > StatePrefix.Length
            ? title[StatePrefix.Length..]
            : title;
    }

    /// <summary>Maps a character to its normalised form (brackets, digits), keeping one character for one.</summary>
    internal static char MapChar(char c) => c switch
    {
        '（' => '(',
        '）' => ')',
        '〈' => '《',
        '〉' => '》',
        >= '０' and <= '９' => (char)(c - '０' + '0'),
        _ => c,
    };

    /// <summary>Characters that <see cref="Normalize"/> drops: whitespace, zero-width characters and 、.</summary>
    internal static bool IsIgnorable(char c) =>
        char.IsWhiteSpace(c) || c is '、' or '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff';

    private static bool EndsWith(StringBuilder sb, string value)
    {
        if (sb.Length < value.Length)
        {
            return false;
        }

        var offset = sb.Length - value.Length;
        for (var i = 0; i < value.Length; i++)
        {
            if (sb[offset + i] != value[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWrappedInBookMarks(StringBuilder sb)
    {
        if (sb.Length < 3 || sb[0] != '《' || sb[^1] != '》')
        {
            return false;
        }

        var depth = 0;
        for (var i = 0; i < sb.Length; i++)
        {
            depth += sb[i] switch
            {
                '《' => 1,
                '》' => -1,
                _ => 0,
            };
            if (depth == 0 && i < sb.Length - 1)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
