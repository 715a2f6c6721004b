using System.Security.Cryptography;
using System.Text;

namespace Farun.Features.Tokens;

/// <summary>Who a token speaks for: a staff member's own scripts, or a partner system (12345 platform, a court's
/// system) acting through a named service account.</summary>
public enum ApiTokenKind
{
    Staff = 1,
    Partner = 2,
}

public enum ApiTokenStatus
{
    Active = 1,
    Expired = 2,
    Revoked = 3,
}

/// <summary>
/// A bearer token for partner systems and scripts, issued to a staff account (<c>tokens issue</c>). The secret is shown
/// once at issue; only its SHA-256 is stored (the secret has 256 random bits, so a fast hash is enough to make the
/// stored value useless to a thief). Requests with it act as that account, with its roles and service point.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Every secret starts with this, so leaked tokens are easy to recognise (e.g. by secret scanners).</summary>
    public const string SecretPrefix = "frn_";

    public const int MaxLabelLength = 100;

    private ApiToken()
    {
    }

    private ApiToken(Guid userId, string label, ApiTokenKind kind, string tokenHash, string hint, DateTimeOffset createdAt, DateTimeOffset expiresAt, string createdBy)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Label = label;
        Kind = kind;
        TokenHash = tokenHash;
        Hint = hint;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    /// <summary>The staff account the token acts as.</summary>
    public Guid UserId { get; private set; }

    /// <summary>What it is for, e.g. "12345平台对接" (shown in lists; not secret).</summary>
    public string Label { get; private set; } = "";

    public ApiTokenKind Kind { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string TokenHash { get; private set; } = "";

    /// <summary>The first characters of the secret (e.g. "frn_Ab3x"), to tell tokens apart in lists.</summary>
    public string Hint { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    /// <summary>Updated at most once a minute.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public ApiTokenStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiTokenStatus.Revoked : ExpiresAt <= now ? ApiTokenStatus.Expired : ApiTokenStatus.Active;

    /// <summary>A new token and its secret; the secret is not kept anywhere.</summary>
    public static (ApiToken Token, string Secret) Issue(Guid userId, string label, ApiTokenKind kind, DateTimeOffset now, TimeSpan lifetime, string createdBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (label.Length > MaxLabelLength)
            throw new ArgumentException($"令牌名称不能超过{MaxLabelLength}个字符。", nameof(label));
        if (lifetime <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lifetime), "有效期必须为正。");
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken(userId, label.Trim(), kind, Hash(secret), secret[..8], now, now + lifetime, createdBy);
        return (token, secret);
    }

    /// <summary>Revokes; false when it was already revoked.</summary>
    public bool Revoke(DateTimeOffset now, string by)
    {
        if (RevokedAt is not null)
            return false;
        RevokedAt = now;
        RevokedBy = by;
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether the text has the shape of a secret (prefix and 43 base64url characters).</summary>
    public static bool LooksLikeSecret(string? text) =>
        text is { Length: 47 } && text.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && text.AsSpan(SecretPrefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
