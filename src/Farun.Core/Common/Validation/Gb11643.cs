using System.Globalization;

namespace Farun.Common.Validation;

/// <summary>
/// The 18-character citizen identification number of GB 11643-1999, shared by the resident identity card and the
/// residence permits for Hong Kong, Macao and Taiwan residents (which use the same structure and check digit).
/// Layout: 6-digit administrative division code, 8-digit birth date (yyyyMMdd), 3-digit sequence (odd = male),
/// 1 check character.
/// </summary>
internal static class Gb11643
{
    public const int Length = 18;

    // GB 11643-1999 校验码: ISO 7064:1983 MOD 11-2, weight of position i (1-based from the left) is 2^(18-i) mod 11.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // The check character for (sum mod 11) = 0..10; "X" stands for 10 (GB 11643-1999 校验码).
    private const string CheckCharacters = "10X98765432";

    // Earliest birth date accepted: the standard allows older dates, but nobody alive or bringing a case was born
    // before 1900, so an earlier date is far more likely a typo.
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>Province-level codes of GB/T 2260 (mainland provinces plus 71 Taiwan, 81 Hong Kong, 82 Macao).</summary>
    public static readonly IReadOnlyDictionary<string, string> Provinces = new Dictionary<string, string>
    {
        ["11"] = "北京市",
        ["12"] = "天津市",
        ["13"] = "河北省",
        ["14"] = "山西省",
        ["15"] = "内蒙古自治区",
        ["21"] = "辽宁省",
        ["22"] = "吉林省",
        ["23"] = "黑龙江省",
        ["31"] = "上海市",
        ["32"] = "江苏省",
        ["33"] = "浙江省",
        ["34"] = "安徽省",
        ["35"] = "福建省",
        ["36"] = "江西省",
        ["37"] = "山东省",
        ["41"] = "河南省",
        ["42"] = "湖北省",
        ["43"] = "湖南省",
        ["44"] = "广东省",
        ["45"] = "广西壮族自治区",
        ["46"] = "海南省",
        ["50"] = "重庆市",
        ["51"] = "四川省",
        ["52"] = "贵州省",
        ["53"] = "云南省",
        ["54"] = "西藏自治区",
        ["61"] = "陕西省",
        ["62"] = "甘肃省",
        ["63"] = "青海省",
        ["64"] = "宁夏回族自治区",
        ["65"] = "新疆维吾尔自治区",
        ["71"] = "台湾省",
        ["81"] = "香港特别行政区",
        ["82"] = "澳门特别行政区",
    };

    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1 || !DocumentText.IsAsciiDigits(first17))
        {
            throw new ArgumentException("需要17位数字。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Checks length and characters of an already normalised number; null when they are right.</summary>
    public static string? CheckShape(string normalized, string label)
    {
        if (normalized.Length != Length)
        {
            return $"{label}位数不对：应为18位，现为{normalized.Length}位";
        }

        var span = normalized.AsSpan();
        if (!DocumentText.IsAsciiDigits(span[..17]) || !(char.IsAsciiDigit(span[17]) || span[17] == 'X'))
        {
            return $"{label}含有无效字符：前17位应为数字，最后一位应为数字或X";
        }

        return null;
    }

    /// <summary>
    /// Checks birth date and check character of a number that passed <see cref="CheckShape"/>; the caller checks the
    /// division code before, because the resident card and the residence permits accept different codes.
    /// Returns null when valid, otherwise a Chinese message.
    /// </summary>
    public static string? CheckContent(string normalized, string label, DateOnly today, out DateOnly birthDate, out Gender gender)
    {
        gender = default;
        var birth = normalized.Substring(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            return $"出生日期无效：{birth}不是真实存在的日期";
        }

        if (birthDate < EarliestBirthDate)
        {
            return $"出生日期无效：{birth}早于1900年";
        }

        if (birthDate > today)
        {
            return $"出生日期无效：{birth}晚于今天";
        }

        if (ComputeCheckCharacter(normalized.AsSpan(0, 17)) != normalized[17])
        {
            return $"校验码不符：{label}最后一位与前17位不匹配，请核对是否输错";
        }

        // GB 11643-1999 顺序码: the sequence code is odd for men and even for women.
        gender = (normalized[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;
        return null;
    }
}
