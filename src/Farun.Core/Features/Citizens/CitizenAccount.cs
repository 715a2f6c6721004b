namespace Farun.Features.Citizens;

/// <summary>
/// A citizen who signed in by phone number and one-time code. The phone number is stored encrypted
/// (<c>PersonalDataProtector</c>, canonical form) and found by its blind index; it is the only personal datum here.
/// The case spine links persons to accounts; an account is created at the first successful sign-in.
/// </summary>
public sealed class CitizenAccount
{
    private CitizenAccount()
    {
    }

    public CitizenAccount(string phoneCipher, string phoneHash, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneCipher);
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneHash);
        Id = Guid.NewGuid();
        PhoneCipher = phoneCipher;
        PhoneHash = phoneHash;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Ciphertext of the canonical mobile number (pd1:…).</summary>
    public string PhoneCipher { get; set; } = "";

    /// <summary>Blind index (Phone kind) of the canonical number; unique.</summary>
    public string PhoneHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    public void SignedIn(DateTimeOffset at) => LastSignInAt = at;
}

/// <summary>
/// A one-time sign-in code sent by SMS: 6 digits, stored only as a keyed hash, valid for a few minutes, a limited number
/// of attempts, used once. A newer code for the same phone supersedes older ones.
/// </summary>
public sealed class OtpChallenge
{
    public const int CodeLength = 6;

    private OtpChallenge()
    {
    }

    public OtpChallenge(Guid id, string phoneHash, string codeHash, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = id;
        PhoneHash = phoneHash;
        CodeHash = codeHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public string PhoneHash { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Wrong and right attempts so far (incremented atomically before each comparison).</summary>
    public int Attempts { get; private set; }

    /// <summary>When it was used, or superseded by a newer code; never valid again after that.</summary>
    public DateTimeOffset? ConsumedAt { get; private set; }
}
