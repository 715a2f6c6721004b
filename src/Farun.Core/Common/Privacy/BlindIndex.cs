using System.Security.Cryptography;
using System.Text;
using Farun.Common.Validation;
using Microsoft.Extensions.Options;

namespace Farun.Common.Privacy;

/// <summary>What a blind-index value is; each kind has its own normalisation and its own hash domain.</summary>
public enum BlindIndexKind
{
    /// <summary>Identity document numbers: full-width to ASCII, upper case, only letters and digits kept.</summary>
    IdNumber = 1,

    /// <summary>Phone numbers: the canonical form of <see cref="PhoneNumber"/>, else the digits alone.</summary>
    Phone = 2,

    /// <summary>Personal names: NFKC, trimmed, inner spaces collapsed, upper case, middle-dot variants unified.</summary>
    Name = 3,

    /// <summary>Any other value: NFKC and trimmed.</summary>
    Exact = 4,
}

/// <summary>
/// Keyed hashes (HMAC-SHA256) of normalised personal data, stored beside the ciphertext so that an exact match
/// ("does this ID number already exist?") can be found without decrypting every row; equal values after normalisation
/// give equal hashes. The key is separate from the encryption keys (<see cref="PersonalDataOptions.BlindIndexKey"/>).
/// <para>
/// The key must not be rotated casually: every stored index value depends on it, so changing it breaks all lookups
/// until every value has been recomputed (<see cref="Recompute{T}"/>) from the decrypted data. Store
/// <see cref="KeyFingerprint"/> with the data to detect a key change.
/// </para>
/// Thread-safe; register as a singleton.
/// </summary>
public sealed class BlindIndex
{
    private readonly byte[] key;

    public BlindIndex(IOptions<PersonalDataOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Checks the key at once: a missing, short or malformed key throws with a message naming it.</summary>
    public BlindIndex(PersonalDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.ValidateBlindIndexKey();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("盲索引配置错误：" + string.Join("；", problems));
        }

        PersonalDataOptions.TryDecodeKey(options.BlindIndexKey, out key, out _);
        KeyFingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(key, "farun:blind-index:fingerprint"u8))[..16];
    }

    /// <summary>A short identifier of the key (not the key): different fingerprints mean index values are not comparable.</summary>
    public string KeyFingerprint { get; }

    /// <summary>
    /// The index value (64 lower-case hex characters) of the normalised value, or null when nothing is left after
    /// normalisation. The kind is part of the hashed input, so the same text in two kinds gives unrelated values.
    /// </summary>
    public string? Compute(BlindIndexKind kind, string? value)
    {
        var normalized = Normalize(kind, value);
        if (normalized.Length == 0)
        {
            return null;
        }

        var input = Encoding.UTF8.GetBytes($"{Domain(kind)}\n{normalized}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, input));
    }

    /// <summary>The normalised form that <see cref="Compute"/> hashes.</summary>
    public static string Normalize(BlindIndexKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        switch (kind)
        {
            case BlindIndexKind.IdNumber:
                // Brackets and hyphens vary in how people type 台胞证 suffixes and foreign numbers; they carry no identity.
                return string.Concat(DocumentText.Normalize(value).Where(char.IsAsciiLetterOrDigit));
            case BlindIndexKind.Phone:
                return PhoneNumber.TryNormalize(value, out var phone, out _)
                    ? phone.Canonical
                    : string.Concat(DocumentText.Normalize(value).Where(char.IsAsciiDigit));
            case BlindIndexKind.Name:
                var folded = value.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
                var builder = new StringBuilder(folded.Length);
                foreach (var c in folded)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        if (builder.Length > 0 && builder[^1] != ' ')
                        {
                            builder.Append(' ');
                        }
                    }
                    else
                    {
                        // Names of ethnic minorities and foreigners are joined by a middle dot typed in many ways.
                        builder.Append(c is '•' or '・' or '‧' or '·' or '･' ? '·' : c);
                    }
                }

                return builder.ToString();
            case BlindIndexKind.Exact:
                return value.Normalize(NormalizationForm.FormKC).Trim();
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的盲索引类型");
        }
    }

    /// <summary>
    /// Recomputes the index of every record after a key change (or a change of normalisation): reads each record's
    /// plaintext (typically by decrypting its stored ciphertext), computes the new value and hands it to
    /// <paramref name="setIndex"/>. Returns the number of records whose value changed. The caller saves in batches.
    /// </summary>
    public int Recompute<T>(IEnumerable<T> records, BlindIndexKind kind, Func<T, string?> plaintext, Func<T, string?> currentIndex, Action<T, string?> setIndex)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(currentIndex);
        ArgumentNullException.ThrowIfNull(setIndex);
        var changed = 0;
        foreach (var record in records)
        {
            var value = Compute(kind, plaintext(record));
            if (!string.Equals(value, currentIndex(record), StringComparison.Ordinal))
            {
                setIndex(record, value);
                changed++;
            }
        }

        return changed;
    }

    private static string Domain(BlindIndexKind kind) => kind switch
    {
        BlindIndexKind.IdNumber => "id",
        BlindIndexKind.Phone => "phone",
        BlindIndexKind.Name => "name",
        BlindIndexKind.Exact => "exact",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的盲索引类型"),
    };
}
