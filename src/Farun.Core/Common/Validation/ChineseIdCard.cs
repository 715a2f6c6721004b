using System.Diagnostics.CodeAnalysis;
using Farun.Common.Calendar;

namespace Farun.Common.Validation;

/// <summary>
/// An 18-character resident identity card number (居民身份证号码) per GB 11643-1999, parsed and normalised.
/// Legacy 15-digit numbers of the first-generation card are rejected: those cards stopped being valid on
/// 2013-01-01 (《居民身份证法》第二十三条 as amended in 2011); <see cref="TryConvertLegacy"/> upgrades an old
/// number for matching historical records.
/// </summary>
public sealed class ChineseIdCard : IEquatable<ChineseIdCard>
{
    private const string Label = "身份证号码";

    private ChineseIdCard(string number, DateOnly birthDate, Gender gender)
    {
        Number = number;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The normalised 18-character number (ASCII digits, upper-case X).</summary>
    public string Number { get; }

    /// <summary>The 6-digit administrative division code of the place of first registration.</summary>
    public string RegionCode => Number[..6];

    /// <summary>The province-level division named by the first two digits.</summary>
    public string ProvinceName => Gb11643.Provinces[Number[..2]];

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>Parses against today's date in China (birth dates in the future are rejected).</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out ChineseIdCard? card, out string error) =>
        TryParse(input, ChinaTime.Today(), out card, out error);

    /// <summary>Parses against the given date, so tests and batch checks do not depend on the clock.</summary>
    public static bool TryParse(string? input, DateOnly today, [NotNullWhen(true)] out ChineseIdCard? card, out string error)
    {
        card = null;
        var number = DocumentText.Normalize(input);
        if (number.Length == 0)
        {
            error = "请填写身份证号码";
            return false;
        }

        if (number.Length == 15 && DocumentText.IsAsciiDigits(number))
        {
            error = "这是15位的第一代身份证号码，已于2013年1月1日停止使用，请提供18位身份证号码";
            return false;
        }

        var problem = Gb11643.CheckShape(number, Label);
        if (problem is null)
        {
            // The residence permits share the structure; their fixed codes mean the wrong document type was chosen.
            if (IdDocument.ResidencePermitRegionCodes.Contains(number[..6]))
            {
                problem = "这是港澳台居民居住证号码，请将证件类型选为“港澳居民居住证”或“台湾居民居住证”";
            }
            else if (!Gb11643.Provinces.ContainsKey(number[..2]))
            {
                problem = $"行政区划代码无效：前两位“{number[..2]}”不是省级行政区代码";
            }
        }

        DateOnly birthDate = default;
        Gender gender = default;
        problem ??= Gb11643.CheckContent(number, Label, today, out birthDate, out gender);
        if (problem is not null)
        {
            error = problem;
            return false;
        }

        card = new ChineseIdCard(number, birthDate, gender);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the Chinese reason.</summary>
    public static ChineseIdCard Parse(string? input) =>
        TryParse(input, out var card, out var error) ? card : throw new FormatException(error);

    /// <summary>The check character (0-9 or X) for the first 17 digits.</summary>
    public static char ComputeCheckCharacter(string first17) => Gb11643.ComputeCheckCharacter(first17);

    /// <summary>
    /// Upgrades a legacy 15-digit number (6-digit code, yyMMdd, 3-digit sequence) to its 18-character form by inserting
    /// the century "19" and appending the check character, as the public security organs did when the second-generation
    /// card was issued. Only for matching old records; the result is not proof that a card is valid today.
    /// </summary>
    public static bool TryConvertLegacy(string? legacy, [NotNullWhen(true)] out string? number)
    {
        number = null;
        var digits = DocumentText.Normalize(legacy);
        if (digits.Length != 15 || !DocumentText.IsAsciiDigits(digits))
        {
            return false;
        }

        var first17 = string.Concat(digits.AsSpan(0, 6), "19", digits.AsSpan(6));
        number = first17 + Gb11643.ComputeCheckCharacter(first17);
        return true;
    }

    public bool Equals(ChineseIdCard? other) => other is not null && Number == other.Number;

    public override bool Equals(object? obj) => Equals(obj as ChineseIdCard);

    public override int GetHashCode() => Number.GetHashCode(StringComparison.Ordinal);

    /// <summary>The full number; use <c>Farun.Common.Privacy.Mask.IdNumber</c> for display and logs.</summary>
    public override string ToString() => Number;
}
