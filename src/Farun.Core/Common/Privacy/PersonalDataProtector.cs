using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Farun.Common.Privacy;

/// <summary>
/// Encrypts personal data (ID numbers, phone numbers, addresses …) for storage with AES-256-GCM: 《个人信息保护法》
/// 第五十一条第三项 calls for encryption among the security measures, and GB/T 35273-2020 附录B counts identity
/// document numbers as sensitive personal information.
/// <para>
/// Ciphertext format: <c>pd1:{keyId}:{base64(nonce[12] | ciphertext | tag[16])}</c>. "pd1" is the format version;
/// the key id says which configured key decrypts it, so several keys can coexist during rotation; version and key id are
/// authenticated as associated data. A random 96-bit nonce is drawn for every encryption, which is safe for well over a
/// billion encryptions per key (NIST SP 800-38D §8.3); rotate long before that.
/// </para>
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class PersonalDataProtector
{
    /// <summary>Prefix of every ciphertext this class writes (format version 1).</summary>
    public const string Prefix = "pd1:";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Checks the keys at once: a missing, short or malformed key throws with a message naming it.</summary>
    public PersonalDataProtector(PersonalDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.ValidateEncryptionKeys();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("个人信息加密配置错误：" + string.Join("；", problems));
        }

        foreach (var (id, value) in options.Keys)
        {
            PersonalDataOptions.TryDecodeKey(value, out var key, out _);
            keys[id] = key;
        }

        ActiveKeyId = options.ActiveKeyId;
    }

    /// <summary>The key id new ciphertexts are written with.</summary>
    public string ActiveKeyId { get; }

    /// <summary>Whether the value looks like a ciphertext of this format (it may still fail to decrypt).</summary>
    public static bool IsProtected(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Encrypts with the active key; every call gives a different ciphertext.</summary>
    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + plain.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(keys[ActiveKeyId], TagSize))
        {
            aes.Encrypt(nonce, plain, payload.AsSpan(NonceSize, plain.Length), payload.AsSpan(NonceSize + plain.Length), AssociatedData(ActiveKeyId));
        }

        CryptographicOperations.ZeroMemory(plain);
        return $"{Prefix}{ActiveKeyId}:{Convert.ToBase64String(payload)}";
    }

    /// <summary>Decrypts a ciphertext written with any configured key.</summary>
    /// <exception cref="PersonalDataException">Malformed, tampered, or written with a key that is not configured.</exception>
    public string Decrypt(string ciphertext)
    {
        var (keyId, payload) = Parse(ciphertext);
        var key = KeyFor(keyId);
        var plain = new byte[payload.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize, plain.Length), payload.AsSpan(NonceSize + plain.Length), plain, AssociatedData(keyId));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new PersonalDataException($"个人信息密文校验失败（密钥“{keyId}”）：数据被篡改或损坏，或该编号下的密钥已被更换", ex);
        }

        var text = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return text;
    }

    /// <summary>Whether the ciphertext was written with a key other than the active one.</summary>
    /// <exception cref="PersonalDataException">Malformed, or its key is not configured (it could not be rotated).</exception>
    public bool NeedsRotation(string ciphertext)
    {
        var (keyId, _) = Parse(ciphertext);
        KeyFor(keyId);
        return keyId != ActiveKeyId;
    }

    /// <summary>
    /// Moves a ciphertext to the active key: decrypts (which verifies it) and encrypts again; a ciphertext already under
    /// the active key is returned unchanged. Save the result before removing the old key from configuration.
    /// </summary>
    public string Reencrypt(string ciphertext)
    {
        var plaintext = Decrypt(ciphertext);
        return NeedsRotation(ciphertext) ? Encrypt(plaintext) : ciphertext;
    }

    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes(Prefix + keyId);

    private static (string KeyId, byte[] Payload) Parse(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        if (!IsProtected(ciphertext))
        {
            throw new PersonalDataException("不是个人信息密文：缺少“pd1:”前缀（可能是未加密的明文，或格式版本不受支持）");
        }

        var separator = ciphertext.IndexOf(':', Prefix.Length);
        if (separator <= Prefix.Length)
        {
            throw new PersonalDataException("个人信息密文格式错误：缺少密钥编号");
        }

        var keyId = ciphertext[Prefix.Length..separator];
        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(ciphertext[(separator + 1)..]);
        }
        catch (FormatException ex)
        {
            throw new PersonalDataException("个人信息密文格式错误：内容不是有效的 Base64 编码", ex);
        }

        if (payload.Length < NonceSize + TagSize)
        {
            throw new PersonalDataException("个人信息密文格式错误：长度不足，数据可能被截断");
        }

        return (keyId, payload);
    }

    private byte[] KeyFor(string keyId) =>
        keys.TryGetValue(keyId, out var key)
            ? key
            : throw new PersonalDataException($"无法解密个人信息：密钥“{keyId}”未配置（{PersonalDataOptions.SectionName}:Keys 中没有该编号，可能已被过早删除）");
}
