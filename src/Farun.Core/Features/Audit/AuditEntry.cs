using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Farun.Features.Audit;

/// <summary>Who acted: a staff member, a citizen, a partner system (bearer token) or the system itself.</summary>
public enum ActorKind
{
    System = 0,
    Staff = 1,
    Citizen = 2,
    Partner = 3,
    Anonymous = 4,
}

/// <summary>
/// One entry of the append-only audit log. Entries form a hash chain: each carries the hash of the previous one,
/// so a changed or deleted entry breaks the chain at that point (checked by <c>audit verify</c>). The database
/// refuses UPDATE and DELETE on the table (triggers in the migrations).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>The actor-name column's length.</summary>
    public const int MaxActorNameLength = 100;

    /// <summary>An actor's name as the log keeps it: without control characters (PostgreSQL refuses a NUL), cut to the
    /// column with an ellipsis. A failed sign-in records whatever name was typed, which may be anything.</summary>
    public static string BoundActorName(string name)
    {
        var text = new string([.. name.Where(c => !char.IsControl(c))]);
        return text.Length <= MaxActorNameLength ? text : text[..(MaxActorNameLength - 1)] + "…";
    }

    public AuditEntry(DateTimeOffset at, ActorKind actorKind, Guid? actorId, string actorName, string action,
        string? entityType, string? entityId, string? details, string? ipAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        // Whole milliseconds: both databases store that exactly, so the hash recomputed from a read-back entry matches.
        var utc = at.ToUniversalTime();
        At = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        ActorKind = actorKind;
        ActorId = actorId;
        ActorName = BoundActorName(actorName);
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Details = details;
        IpAddress = ipAddress;
        LocalSequence = Interlocked.Increment(ref _sequence);
    }

    private static long _sequence;

    /// <summary>Creation order within this process, so entries added together are chained in the order they were made.</summary>
    internal long LocalSequence { get; }

    /// <summary>Position in the chain (ascending).</summary>
    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>Dotted action name, e.g. "signin.failed", "person.reveal", "case.transition".</summary>
    public string Action { get; private set; } = "";

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    /// <summary>JSON with the particulars. Never holds personal data in clear.</summary>
    public string? Details { get; private set; }

    public string? IpAddress { get; private set; }

    public string PreviousHash { get; private set; } = "";

    public string Hash { get; private set; } = "";

    /// <summary>Hash of the first entry's predecessor.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Links this entry after <paramref name="previousHash"/>; called once, under the append lock.</summary>
    public void Seal(long id, string previousHash)
    {
        if (Hash.Length > 0)
            throw new InvalidOperationException("An audit entry is sealed once.");
        Id = id;
        PreviousHash = previousHash;
        Hash = ComputeHash(previousHash);
    }

    /// <summary>SHA-256 over the previous hash and every field except the id (assigned by the database).</summary>
    public string ComputeHash(string previousHash)
    {
        var canonical = string.Join('\u001f',
            previousHash,
            At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ((int)ActorKind).ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "",
            ActorName,
            Action,
            EntityType ?? "",
            EntityId ?? "",
            Details ?? "",
            IpAddress ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
