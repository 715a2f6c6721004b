using System.Globalization;
using System.Text;
using Farun.Common.Validation;

namespace Farun.Common.Privacy;

/// <summary>
/// Masking of personal data for display, lists and logs (《个人信息保护法》第五十一条: measures such as
/// de-identification to protect personal information). Every method accepts null, empty or malformed input and never
/// throws; characters are counted as text elements so rare characters outside the BMP (𠮷) are masked whole.
/// </summary>
public static class Mask
{
    private const char Star = '*';
    private const string Ellipsis = "…";

    // Words that end a district- or street-level division (区, 县, 旗, 街道, 镇, 乡), in the order they are searched.
    private static readonly string[] DivisionSuffixes = ["街道", "区", "县", "旗", "镇", "乡"];

    // Words ending in 区 that are not a district: province-level regions and places inside a district.
    // Real district names are not listed even when they end alike (东城区, 千山区), since missing one only shows less.
    private static readonly string[] NotDistricts = ["自治区", "行政区", "小区", "社区", "园区", "校区", "景区", "片区", "街区", "厂区", "营区", "矿区"];

    /// <summary>
    /// An identity document number: the first 4 and last 4 characters are kept and the rest replaced with asterisks,
    /// length preserved (<c>5101**********1234</c>). Numbers shorter than 16 characters keep a quarter of their length
    /// at each end (passport <c>E1*****78</c>), so that at most half is ever shown.
    /// </summary>
    public static string IdNumber(string? value) => KeepQuarterEnds(DocumentText.Normalize(value));

    /// <summary>A unified social credit code: first 2 and last 4 kept (<c>91************0Y43</c>).</summary>
    public static string CreditCode(string? value) => KeepEnds(DocumentText.Normalize(value), 2, 4);

    /// <summary>
    /// A phone number: mobile <c>138****5678</c>; landline keeps the area code and last 2 digits of the number
    /// (<c>028-******21</c>, an extension is kept since it belongs to the switchboard); service numbers are public and
    /// shown as they are. Anything unrecognised keeps only its last 2 characters.
    /// </summary>
    public static string Phone(string? value)
    {
        if (!PhoneNumber.TryNormalize(value, out var phone, out _))
        {
            var text = DocumentText.Normalize(value);
            return KeepEnds(text, 0, text.Length > 4 ? 2 : 0);
        }

        switch (phone.Kind)
        {
            case PhoneNumberKind.Mobile:
                return string.Concat(phone.Canonical.AsSpan(0, 3), "****", phone.Canonical.AsSpan(7));
            case PhoneNumberKind.Landline:
                var local = phone.Canonical.Split('-')[1];
                var masked = $"{phone.AreaCode}-{new string(Star, local.Length - 2)}{local[^2..]}";
                return phone.Extension is null ? masked : $"{masked}-{phone.Extension}";
            default:
                return phone.Canonical;
        }
    }

    /// <summary>
    /// A person's name: the first character kept, then asterisks; from three characters on the last is kept too
    /// (张* / 张*三 / 欧**明). A single character becomes *.
    /// </summary>
    public static string Name(string? value)
    {
        var elements = TextElements(value?.Trim());
        return elements.Count switch
        {
            0 => string.Empty,
            1 => Star.ToString(),
            2 => elements[0] + Star,
            _ => elements[0] + new string(Star, elements.Count - 2) + elements[^1],
        };
    }

    /// <summary>
    /// An address: kept up to and including the first district- or street-level division word (…区, …县, …旗,
    /// …街道, …镇, …乡, but not 自治区/小区/社区 …) and the rest replaced by "…":
    /// <c>四川省成都市锦江区…</c>. Without such a word only the first quarter (at most 6 characters) is kept.
    /// </summary>
    public static string Address(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var end = FirstDivisionEnd(text);
        if (end < 0)
        {
            var elements = TextElements(text);
            var keep = Math.Min(6, elements.Count / 4);
            return string.Concat(elements.Take(keep)) + Ellipsis;
        }

        return end >= text.Length ? text : text[..end] + Ellipsis;
    }

    /// <summary>The number of an identity document of any type, see <see cref="IdNumber"/>.</summary>
    public static string Document(IdDocumentType type, string? number) => KeepQuarterEnds(IdDocument.Normalize(type, number));

    /// <summary>
    /// Keeps <paramref name="head"/> leading and <paramref name="tail"/> trailing text elements and stars the middle,
    /// preserving the length. When that would reveal more than half of the value, everything is starred.
    /// </summary>
    public static string KeepEnds(string? value, int head, int tail)
    {
        var elements = TextElements(value);
        head = Math.Max(0, head);
        tail = Math.Max(0, tail);
        if (elements.Count == 0)
        {
            return string.Empty;
        }

        if ((head + tail) * 2 > elements.Count)
        {
            return new string(Star, elements.Count);
        }

        var builder = new StringBuilder(value!.Length);
        for (var i = 0; i < elements.Count; i++)
        {
            builder.Append(i < head || i >= elements.Count - tail ? elements[i] : Star.ToString());
        }

        return builder.ToString();
    }

    private static string KeepQuarterEnds(string value)
    {
        var length = TextElements(value).Count;
        var keep = length >= 16 ? 4 : length / 4;
        return KeepEnds(value, keep, keep);
    }

    private static int FirstDivisionEnd(string text)
    {
        var best = -1;
        foreach (var suffix in DivisionSuffixes)
        {
            for (var at = text.IndexOf(suffix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(suffix, at + 1, StringComparison.Ordinal))
            {
                var end = at + suffix.Length;

                // A division name has at least one character before its suffix ("区" alone is not a district).
                if (at == 0 || NotDistricts.Any(word => end >= word.Length && text.AsSpan(0, end).EndsWith(word, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (best < 0 || end < best)
                {
                    best = end;
                }

                break;
            }
        }

        return best;
    }

    private static List<string> TextElements(string? value)
    {
        var elements = new List<string>();
        if (string.IsNullOrEmpty(value))
        {
            return elements;
        }

        var enumerator = StringInfo.GetTextElementEnumerator(value);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
