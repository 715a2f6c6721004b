using System.Diagnostics.CodeAnalysis;

namespace Farun.Common.Validation;

/// <summary>
/// A unified social credit code (统一社会信用代码) of a legal person or other organisation per GB 32100-2015:
/// registering authority (1 character), organisation type (1), administrative division of the registering authority (6),
/// subject identifier, i.e. the organisation code of GB 11714 (9), check character (1).
/// </summary>
public sealed class UnifiedSocialCreditCode : IEquatable<UnifiedSocialCreditCode>
{
    // GB 32100-2015 代码字符集: the 31 characters allowed, valued 0..30 in this order (no I, O, S, V, Z).
    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // GB 32100-2015 校验码: the weight of position i (1-based) is 3^(i-1) mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // Registering-authority codes (登记管理部门码): GB 32100-2015 itself defines 1, 5, 9 and Y; the others were assigned
    // by the national code administration later (2 外交, 3 司法行政, 4 文化, …) and appear on real certificates.
    private static readonly Dictionary<char, string> Authorities = new()
    {
        ['1'] = "机构编制",
        ['2'] = "外交",
        ['3'] = "司法行政",
        ['4'] = "文化",
        ['5'] = "民政",
        ['6'] = "旅游",
        ['7'] = "宗教",
        ['8'] = "工会",
        ['9'] = "市场监督管理（工商）",
        ['A'] = "中央军委改革和编制办公室",
        ['N'] = "农业",
        ['Y'] = "其他",
    };

    // Organisation-type codes (机构类别码) per registering authority, from the standard and the later assignments;
    // unknown pairs are accepted (the code list grows) and simply have no name.
    private static readonly Dictionary<string, string> OrganisationTypes = new()
    {
        ["11"] = "机关",
        ["12"] = "事业单位",
        ["13"] = "中央编办直接管理机构编制的群众团体",
        ["19"] = "其他",
        ["31"] = "律师执业机构",
        ["32"] = "公证处",
        ["33"] = "基层法律服务所",
        ["34"] = "司法鉴定机构",
        ["35"] = "仲裁委员会",
        ["39"] = "其他",
        ["51"] = "社会团体",
        ["52"] = "民办非企业单位",
        ["53"] = "基金会",
        ["59"] = "其他",
        ["91"] = "企业",
        ["92"] = "个体工商户",
        ["93"] = "农民专业合作社",
        ["Y1"] = "其他",
    };

    private UnifiedSocialCreditCode(string code) => Code = code;

    /// <summary>The normalised 18-character code.</summary>
    public string Code { get; }

    /// <summary>Registering-authority character (first position).</summary>
    public char AuthorityCode => Code[0];

    /// <summary>Chinese name of the registering authority, e.g. 司法行政 for law firms and notary offices.</summary>
    public string AuthorityName => Authorities[Code[0]];

    /// <summary>Chinese name of the organisation type, or null when the pair is not in the known list.</summary>
    public string? OrganisationTypeName => OrganisationTypes.GetValueOrDefault(Code[..2]);

    /// <summary>Administrative division code of the registering authority (positions 3 to 8).</summary>
    public string RegionCode => Code.Substring(2, 6);

    /// <summary>The 9-character organisation code (positions 9 to 17).</summary>
    public string OrganisationCode => Code.Substring(8, 9);

    public static bool TryParse(string? input, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, out string error)
    {
        code = null;
        var value = DocumentText.Normalize(input);
        if (value.Length == 0)
        {
            error = "请填写统一社会信用代码";
            return false;
        }

        if (value.Length != 18)
        {
            error = $"统一社会信用代码位数不对：应为18位，现为{value.Length}位";
            return false;
        }

        foreach (var c in value)
        {
            if (!Charset.Contains(c, StringComparison.Ordinal))
            {
                error = $"统一社会信用代码含有无效字符“{c}”：不使用I、O、S、V、Z";
                return false;
            }
        }

        if (!Authorities.ContainsKey(value[0]))
        {
            error = $"统一社会信用代码第1位“{value[0]}”不是有效的登记管理部门代码";
            return false;
        }

        if (!DocumentText.IsAsciiDigits(value.AsSpan(2, 6)))
        {
            error = "统一社会信用代码第3至8位应为行政区划代码（6位数字）";
            return false;
        }

        if (ComputeCheckCharacter(value[..17]) != value[17])
        {
            error = "校验码不符：统一社会信用代码最后一位与前17位不匹配，请核对是否输错";
            return false;
        }

        // The embedded organisation code has its own GB 11714 check digit, which is deliberately not enforced: the
        // national check above already catches typos, and a stricter rule risks rejecting codes printed on real licences.
        code = new UnifiedSocialCreditCode(value);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the Chinese reason.</summary>
    public static UnifiedSocialCreditCode Parse(string? input) =>
        TryParse(input, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>The check character for the first 17 characters (GB 32100-2015 校验码: C18 = 31 − (Σ Ci·Wi mod 31)).</summary>
    public static char ComputeCheckCharacter(string first17)
    {
        if (first17 is null || first17.Length != 17)
        {
            throw new ArgumentException("需要17位代码。", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Charset.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"无效字符“{first17[i]}”。", nameof(first17));
            }

            sum += value * Weights[i];
        }

        // A remainder of 0 would give 31, which is written as 0.
        return Charset[(31 - (sum % 31)) % 31];
    }

    public bool Equals(UnifiedSocialCreditCode? other) => other is not null && Code == other.Code;

    public override bool Equals(object? obj) => Equals(obj as UnifiedSocialCreditCode);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Code;
}
