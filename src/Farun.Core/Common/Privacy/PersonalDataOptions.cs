using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Farun.Common.Privacy;

/// <summary>
/// Keys for personal-data protection, bound from the configuration section <c>Farun:PersonalData</c>
/// (environment: <c>Farun__PersonalData__ActiveKeyId</c>, <c>Farun__PersonalData__Keys__{id}</c>,
/// <c>Farun__PersonalData__BlindIndexKey</c>). Keys are base64 of 32 random bytes and belong in a secret store or the
/// environment, never in a committed file. To rotate: add a new key, make it active, re-encrypt
/// (<see cref="PersonalDataProtector.Reencrypt"/>), and only then remove the old one.
/// </summary>
public sealed partial class PersonalDataOptions
{
    public const string SectionName = "Farun:PersonalData";

    /// <summary>Id of the key used for new encryptions; must be one of <see cref="Keys"/>.</summary>
    public string ActiveKeyId { get; set; } = string.Empty;

    /// <summary>Encryption keys by id (letters, digits, '-' and '_', at most 32); old keys stay for decryption.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>
    /// Key of the blind index (HMAC-SHA256), separate from the encryption keys. Changing it invalidates every stored
    /// index value: recompute them all (<see cref="BlindIndex.Recompute{T}"/>) in the same maintenance window.
    /// </summary>
    public string BlindIndexKey { get; set; } = string.Empty;

    /// <summary>Every problem with the options, in Chinese, naming the configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate() => [.. ValidateEncryptionKeys(), .. ValidateBlindIndexKey()];

    internal List<string> ValidateEncryptionKeys()
    {
        var problems = new List<string>();
        if (Keys is null || Keys.Count == 0)
        {
            problems.Add($"未配置个人信息加密密钥：{SectionName}:Keys 至少需要一个密钥（Base64 编码的32字节随机数）");
        }
        else
        {
            foreach (var (id, value) in Keys)
            {
                if (!KeyIdPattern().IsMatch(id ?? string.Empty))
                {
                    problems.Add($"密钥编号“{id}”无效：只能包含字母、数字、'-' 和 '_'，最长32个字符");
                }

                if (!TryDecodeKey(value, out _, out var problem))
                {
                    problems.Add($"{SectionName}:Keys:{id} {problem}");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(ActiveKeyId))
        {
            problems.Add($"未配置 {SectionName}:ActiveKeyId（用于新数据加密的密钥编号）");
        }
        else if (Keys is not null && !Keys.ContainsKey(ActiveKeyId))
        {
            problems.Add($"{SectionName}:ActiveKeyId 指向的密钥“{ActiveKeyId}”不在 {SectionName}:Keys 中");
        }

        return problems;
    }

    internal List<string> ValidateBlindIndexKey()
    {
        var problems = new List<string>();
        if (!TryDecodeKey(BlindIndexKey, out var indexKey, out var problem))
        {
            problems.Add($"{SectionName}:BlindIndexKey {problem}");
        }
        else if (Keys is not null && Keys.Values.Any(value => TryDecodeKey(value, out var key, out _) && key.AsSpan().SequenceEqual(indexKey)))
        {
            // One key for both purposes would tie the index's lifetime to encryption-key rotation.
            problems.Add($"{SectionName}:BlindIndexKey 不能与加密密钥相同");
        }

        return problems;
    }

    internal static bool TryDecodeKey(string? value, out byte[] key, out string problem)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = "未配置（需要 Base64 编码的32字节随机数）";
            return false;
        }

        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            problem = "不是有效的 Base64 编码";
            return false;
        }

        if (key.Length != 32)
        {
            problem = $"长度不对：应为32字节（256位），现为{key.Length}字节";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}

/// <summary>Runs <see cref="PersonalDataOptions.Validate"/> for the options system, so a bad key stops start-up.</summary>
public sealed class PersonalDataOptionsValidator : IValidateOptions<PersonalDataOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonalDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
