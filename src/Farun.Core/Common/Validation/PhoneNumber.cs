using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Farun.Common.Validation;

/// <summary>What kind of number a <see cref="PhoneNumber"/> is.</summary>
public enum PhoneNumberKind
{
    /// <summary>Mainland mobile number, 11 digits starting 13–19.</summary>
    Mobile = 1,

    /// <summary>Fixed line with area code, optionally an extension.</summary>
    Landline = 2,

    /// <summary>Public short service number such as 12348 or 110; it identifies a service, not a person.</summary>
    ServiceNumber = 3,
}

/// <summary>
/// A mainland China phone number in canonical form. Canonical forms: mobile <c>13812345678</c>; landline
/// <c>028-86123456</c>, with extension <c>028-86123456-801</c>; service number <c>12348</c>.
/// </summary>
public sealed partial record PhoneNumber
{
    // Public service numbers a caller may leave or be referred to; these identify services, not people.
    private static readonly Dictionary<string, string> ServiceNumbers = new(StringComparer.Ordinal)
    {
        ["110"] = "报警电话",
        ["119"] = "火警电话",
        ["120"] = "急救电话",
        ["122"] = "交通事故报警电话",
        ["12315"] = "市场监管投诉举报热线",
        ["12333"] = "人力资源和社会保障服务热线",
        ["12338"] = "妇女维权公益服务热线",
        ["12345"] = "政务服务便民热线",
        ["12348"] = "公共法律服务热线",
        ["12351"] = "职工服务热线",
        ["12355"] = "青少年服务台",
    };

    private PhoneNumber(PhoneNumberKind kind, string canonical, string? areaCode, string? extension, string? serviceName)
    {
        Kind = kind;
        Canonical = canonical;
        AreaCode = areaCode;
        Extension = extension;
        ServiceName = serviceName;
    }

    public PhoneNumberKind Kind { get; }

    /// <summary>The canonical form (see the type's summary); store, compare and index this.</summary>
    public string Canonical { get; }

    /// <summary>Area code with its leading 0 (e.g. 028) for landlines, otherwise null.</summary>
    public string? AreaCode { get; }

    /// <summary>Extension digits for landlines that have one, otherwise null.</summary>
    public string? Extension { get; }

    /// <summary>Chinese name of the service for <see cref="PhoneNumberKind.ServiceNumber"/>, otherwise null.</summary>
    public string? ServiceName { get; }

    /// <summary>
    /// Recognises a mobile number (an international prefix +86/0086/86, a trunk 0, and spaces, hyphens, dots and
    /// brackets are removed), a landline with area code (0 + 2 or 3 digits, then 7 or 8 digits, optional extension written with
    /// 转, ext, x, # or a hyphen) or a known service number.
    /// </summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out PhoneNumber? phone, out string error)
    {
        phone = null;
        var text = DocumentText.Normalize(input);
        if (text.Length == 0)
        {
            error = "请填写电话号码";
            return false;
        }

        // Split off an extension before separators are dropped, so "028-86123456-801" keeps its third group apart.
        string? extension = null;
        var extensionMatch = ExtensionPattern().Match(text);
        if (extensionMatch.Success)
        {
            extension = extensionMatch.Groups["ext"].Value;
            text = text[..extensionMatch.Index];
        }

        // Brackets only group digits ("(028)", "(+86)"); the extension, which needed them, is already split off.
        text = text.Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal);
        var plus = text.StartsWith('+');
        if (plus)
        {
            text = text[1..];
        }

        var digits = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not ('-' or '.' or '/'))
            {
                error = $"电话号码含有无效字符“{c}”";
                return false;
            }
        }

        var number = digits.ToString();
        if (number.Length == 0)
        {
            error = "电话号码无效：没有数字";
            return false;
        }

        var international = plus || number.StartsWith("00", StringComparison.Ordinal);
        if (international)
        {
            var countryCode = plus ? "86" : "0086";
            if (!number.StartsWith(countryCode, StringComparison.Ordinal))
            {
                error = "仅支持中国大陆电话号码（国家代码+86）";
                return false;
            }

            number = number[countryCode.Length..];
        }
        else if (number.Length == 13 && number.StartsWith("861", StringComparison.Ordinal))
        {
            // A bare 86 before a mobile number: 13 digits cannot be a national number, so the prefix is the country code.
            international = true;
            number = number[2..];
        }

        if (international && number.Length > 0 && number[0] != '1' && number[0] != '0')
        {
            // Area codes are dialled without their trunk 0 from abroad: +86 28 8612 3456.
            number = "0" + number;
        }

        if (number.Length == 12 && number[0] == '0' && MobilePattern().IsMatch(number.AsSpan(1)))
        {
            // A trunk 0 before a mobile number, as dialled from a landline to a mobile of another city.
            number = number[1..];
        }

        if (extension is null && ServiceNumbers.TryGetValue(number, out var serviceName) && !international)
        {
            phone = new PhoneNumber(PhoneNumberKind.ServiceNumber, number, null, null, serviceName);
            error = string.Empty;
            return true;
        }

        if (MobilePattern().IsMatch(number))
        {
            if (extension is not null)
            {
                error = "手机号码不能带分机号";
                return false;
            }

            phone = new PhoneNumber(PhoneNumberKind.Mobile, number, null, null, null);
            error = string.Empty;
            return true;
        }

        if (number.StartsWith('1') && number.Length == 11)
        {
            error = "手机号码无效：第二位应为3至9";
            return false;
        }

        if (number.StartsWith('1'))
        {
            error = $"手机号码位数不对：应为11位，现为{number.Length}位";
            return false;
        }

        if (!number.StartsWith('0'))
        {
            error = "固定电话请加区号，例如 028-86123456";
            return false;
        }

        // Chinese numbering plan: area codes beginning 01 or 02 have three digits (010, 020–029), all others four;
        // 00 is the international prefix and 01 is only used by 010 (Beijing).
        if (number.Length < 4 || number[1] == '0' || (number[1] == '1' && number[2] != '0'))
        {
            error = "区号无效";
            return false;
        }

        var areaLength = number[1] is '1' or '2' ? 3 : 4;
        var local = number[areaLength..];

        if (local.Length is < 7 or > 8 || local[0] is '0' or '1')
        {
            error = "固定电话号码无效：区号后应为7或8位号码，且不以0或1开头";
            return false;
        }

        var area = number[..areaLength];
        var canonical = extension is null ? $"{area}-{local}" : $"{area}-{local}-{extension}";
        phone = new PhoneNumber(PhoneNumberKind.Landline, canonical, area, extension, null);
        error = string.Empty;
        return true;
    }

    /// <summary>True for the public short service numbers (12348, 12345, 110 …).</summary>
    public static bool IsServiceNumber(string? input) =>
        TryNormalize(input, out var phone, out _) && phone.Kind == PhoneNumberKind.ServiceNumber;

    public override string ToString() => Canonical;

    // 1[3-9] + 9 digits: the mobile number blocks allocated by the MIIT numbering plan.
    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();

    // An extension after a full landline: 转801, EXT801, EXT.801, X801, #801, or a hyphen after a 7–8 digit local number
    // that itself follows a hyphen or bracket: 028-86123456-801, (028)86123456-801.
    [GeneratedRegex(@"(?:(?:转|EXT\.?|X|#)(?<ext>[0-9]{1,6})|(?<=^\+?[0-9()\-]*[)\-][0-9]{7,8})-(?<ext>[0-9]{1,6}))$")]
    private static partial Regex ExtensionPattern();
}
