namespace Farun.Features.Platform;

/// <summary>
/// A named lease held by one owner until <see cref="ExpiresAt"/>: the row behind the database-backed distributed lock.
/// Times are Unix milliseconds (UTC) so the same atomic SQL works on SQLite and PostgreSQL.
/// </summary>
public sealed class DistributedLockRecord
{
    public string Name { get; set; } = "";

    /// <summary>Unique per acquisition: node, process and a random part.</summary>
    public string Owner { get; set; } = "";

    public long AcquiredAt { get; set; }

    public long ExpiresAt { get; set; }
}

/// <summary>A fixed-window counter shared by every node: <see cref="Count"/> hits until <see cref="WindowEndsAt"/>
/// (Unix milliseconds); the first hit after that starts a new window.</summary>
public sealed class RateLimitCounter
{
    /// <summary>What is counted, e.g. "otp:phone:{blind index}"; never personal data in clear.</summary>
    public string Key { get; set; } = "";

    public int Count { get; set; }

    public long WindowEndsAt { get; set; }
}

public enum JobOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>The node lost its lease (or stopped) while the job ran; the run was cancelled.</summary>
    Cancelled = 3,
}

/// <summary>Bookkeeping of a periodic job across all nodes: when it last started and finished, where, and how it went.</summary>
public sealed class PeriodicJobState
{
    private PeriodicJobState()
    {
    }

    public PeriodicJobState(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; private set; } = "";

    public DateTimeOffset? LastStartedAt { get; private set; }

    public DateTimeOffset? LastFinishedAt { get; private set; }

    public DateTimeOffset? LastSucceededAt { get; private set; }

    public JobOutcome? LastOutcome { get; private set; }

    /// <summary>The exception type and message of the last failure (no stack trace, at most 2000 characters).</summary>
    public string? LastError { get; private set; }

    public string? LastNode { get; private set; }

    public long Runs { get; private set; }

    public long Failures { get; private set; }

    /// <summary>Due when it never ran or its last start is at least <paramref name="interval"/> ago.</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan interval) => LastStartedAt is not { } started || now - started >= interval;

    public void Started(DateTimeOffset at, string node)
    {
        LastStartedAt = at;
        LastNode = node;
        LastOutcome = JobOutcome.Running;
        Runs++;
    }

    public void Finished(DateTimeOffset at, JobOutcome outcome, string? error)
    {
        LastFinishedAt = at;
        LastOutcome = outcome;
        if (outcome == JobOutcome.Succeeded)
        {
            LastSucceededAt = at;
            LastError = null;
        }
        else
        {
            Failures++;
            LastError = error is { Length: > 2000 } ? error[..2000] : error;
        }
    }
}
