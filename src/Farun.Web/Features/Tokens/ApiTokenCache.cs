using System.Collections.Concurrent;
using System.Security.Claims;

namespace Farun.Web.Features.Tokens;

/// <summary>
/// Validated bearer tokens, per node, for a few seconds (<c>Farun:Tokens:CacheSeconds</c>, default 10, at most 30, 0 turns
/// it off): a script or partner system sending many requests is signed in from memory instead of with six queries (token,
/// account, lockout, claims, roles, role claims) per request. Keyed by the token's SHA-256 (the secret is never kept).
/// Only accepted tokens are cached; an entry never outlives the token's own expiry. A revocation on this node removes its
/// entry at once; on other nodes, and for a locked-out account or changed roles, the change applies when the entry
/// expires, so within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiTokenCache
{
    public const int MaxSeconds = 30;

    /// <summary>Beyond this many entries the cache starts again empty (a bound on memory whatever the traffic).</summary>
    public const int MaxEntries = 10_000;

    public sealed record Entry(IReadOnlyList<(string Type, string Value)> Claims, DateTimeOffset ValidUntil);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ApiTokenCache(IConfiguration configuration)
    {
        var seconds = configuration.GetValue<int?>("Farun:Tokens:CacheSeconds") ?? 10;
        Lifetime = TimeSpan.FromSeconds(Math.Clamp(seconds, 0, MaxSeconds));
    }

    public TimeSpan Lifetime { get; }

    public bool TryGet(string tokenHash, DateTimeOffset now, out Entry entry)
    {
        if (_entries.TryGetValue(tokenHash, out entry!) && entry.ValidUntil > now)
            return true;
        entry = null!;
        return false;
    }

    public void Add(string tokenHash, ClaimsIdentity identity, DateTimeOffset tokenExpiresAt, DateTimeOffset now)
    {
        if (Lifetime <= TimeSpan.Zero)
            return;
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        var until = now + Lifetime < tokenExpiresAt ? now + Lifetime : tokenExpiresAt;
        _entries[tokenHash] = new Entry([.. identity.Claims.Select(c => (c.Type, c.Value))], until);
    }

    /// <summary>Forgets a token on this node (after its revocation).</summary>
    public void Remove(string tokenHash) => _entries.TryRemove(tokenHash, out _);
}
