using System.Text.RegularExpressions;
using Farun.Common.Calendar;

namespace Farun.Common.Validation;

/// <summary>Outcome of <see cref="IdDocument.Validate(IdDocumentType, string?)"/>.</summary>
/// <param name="Type">The document type that was checked.</param>
/// <param name="IsValid">Whether the number is acceptable for that type.</param>
/// <param name="Number">The normalised number (store and compare this form); empty when the input was blank.</param>
/// <param name="Error">A Chinese message saying what is wrong, or null when valid.</param>
/// <param name="BirthDate">Birth date encoded in the number (resident card and residence permits).</param>
/// <param name="Gender">Sex encoded in the number (resident card and residence permits).</param>
public sealed record IdDocumentCheck(
    IdDocumentType Type, bool IsValid, string Number, string? Error, DateOnly? BirthDate = null, Gender? Gender = null);

/// <summary>One entry point to validate and normalise any supported identity document number.</summary>
public static partial class IdDocument
{
    /// <summary>The fixed division codes of the residence permits for Hong Kong, Macao and Taiwan residents.</summary>
    internal static readonly IReadOnlySet<string> ResidencePermitRegionCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "810000", "820000", "830000",
    };

    /// <summary>Validates against today's date in China.</summary>
    public static IdDocumentCheck Validate(IdDocumentType type, string? number) => Validate(type, number, ChinaTime.Today());

    /// <summary>Validates against the given date (used for birth dates in the future).</summary>
    public static IdDocumentCheck Validate(IdDocumentType type, string? number, DateOnly today)
    {
        var normalized = Normalize(type, number);
        if (normalized.Length == 0)
        {
            return Fail(type, normalized, $"请填写{type.DisplayName()}号码");
        }

        return type switch
        {
            IdDocumentType.ResidentIdCard => ChineseIdCard.TryParse(normalized, today, out var card, out var error)
                ? new IdDocumentCheck(type, true, card.Number, null, card.BirthDate, card.Gender)
                : Fail(type, normalized, error),
            IdDocumentType.HongKongMacaoResidencePermit => ResidencePermit(type, normalized, today, "810000", "820000"),
            IdDocumentType.TaiwanResidencePermit => ResidencePermit(type, normalized, today, "830000"),
            IdDocumentType.ChinesePassport => Match(type, normalized, ChinesePassportPattern(),
                "中国护照号码格式不对：应为E加8位数字、E加1个字母和7位数字，或G加8位数字"),
            IdDocumentType.ForeignPassport => Match(type, normalized, ForeignPassportPattern(),
                "外国护照号码格式不对：应为5至20位字母或数字"),
            IdDocumentType.HongKongMacaoTravelPermit => Match(type, normalized, HongKongMacaoTravelPermitPattern(),
                "港澳居民来往内地通行证号码格式不对：应为H或M开头，后接8位或10位数字"),
            IdDocumentType.TaiwanTravelPermit => Match(type, normalized, TaiwanTravelPermitPattern(),
                "台湾居民来往大陆通行证号码格式不对：应为8位数字，或10位数字加括号内的1个字母"),
            IdDocumentType.Other => Match(type, normalized, OtherDocumentPattern(),
                "证件号码格式不对：应为2至40位文字、字母或数字"),
            _ => Fail(type, normalized, "不支持的证件类型"),
        };
    }

    /// <summary>
    /// The canonical form of a number of the given type: <see cref="DocumentText.Normalize"/>, plus for the Taiwan
    /// travel permit the booklet's letter suffix written as "(B)" whether typed with brackets or not.
    /// </summary>
    public static string Normalize(IdDocumentType type, string? number)
    {
        var normalized = DocumentText.Normalize(number);
        if (type == IdDocumentType.TaiwanTravelPermit && normalized.Length == 11
            && DocumentText.IsAsciiDigits(normalized.AsSpan(0, 10)) && char.IsAsciiLetterUpper(normalized[10]))
        {
            return $"{normalized[..10]}({normalized[10]})";
        }

        return normalized;
    }

    private static IdDocumentCheck ResidencePermit(IdDocumentType type, string number, DateOnly today, params string[] codes)
    {
        var label = type.DisplayName() + "号码";
        var problem = Gb11643.CheckShape(number, label);
        if (problem is null && !codes.Contains(number[..6]))
        {
            problem = $"{label}应以{string.Join("或", codes)}开头";
        }

        DateOnly birthDate = default;
        Gender gender = default;
        problem ??= Gb11643.CheckContent(number, label, today, out birthDate, out gender);
        return problem is null ? new IdDocumentCheck(type, true, number, null, birthDate, gender) : Fail(type, number, problem);
    }

    private static IdDocumentCheck Match(IdDocumentType type, string number, Regex pattern, string error) =>
        pattern.IsMatch(number) ? new IdDocumentCheck(type, true, number, null) : Fail(type, number, error);

    private static IdDocumentCheck Fail(IdDocumentType type, string number, string error) => new(type, false, number, error);

    // Ordinary passports: G + 8 digits (2006–2012 series), E + 8 digits (e-passports from 2012), then E + letter +
    // 7 digits once the E-digit series ran out.
    [GeneratedRegex("^(?:E[0-9]{8}|E[A-Z][0-9]{7}|G[0-9]{8})$")]
    private static partial Regex ChinesePassportPattern();

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex ForeignPassportPattern();

    // H = Hong Kong, M = Macao; the card issued since 2013 has 8 digits, the older one 10.
    [GeneratedRegex("^[HM](?:[0-9]{8}|[0-9]{10})$")]
    private static partial Regex HongKongMacaoTravelPermitPattern();

    // The card-type permit since 2015 has 8 digits; the older booklet 10 digits and a letter, e.g. 1234567890(B).
    [GeneratedRegex(@"^(?:[0-9]{8}|[0-9]{10}(?:\([A-Z]\))?)$")]
    private static partial Regex TaiwanTravelPermitPattern();

    // Other documents may hold Chinese characters (军官证 "南字第123456号") and brackets.
    [GeneratedRegex(@"^[\p{L}\p{Nd}()\-]{2,40}$")]
    private static partial Regex OtherDocumentPattern();
}
