namespace Farun.Features.Cases;

/// <summary>How a case is given to someone when nobody is named.</summary>
public enum AssignmentStrategy
{
    /// <summary>Leave it in the service point's queue for someone to claim.</summary>
    Queue = 0,

    /// <summary>Take turns among the eligible staff.</summary>
    RoundRobin = 1,

    /// <summary>The eligible staff member with the fewest open cases.</summary>
    LeastLoaded = 2,
}

/// <summary>A staff member who may receive a case, with their current number of open cases.</summary>
public sealed record AssignmentCandidate(Guid UserId, string Name, int OpenCases);

/// <summary>The choice rules, free of any database: the caller finds the eligible staff and their loads.</summary>
public static class AssignmentPicker
{
    /// <summary>The candidate after <paramref name="lastUserId"/> in id order (wrapping), or the first when there was none.</summary>
    public static AssignmentCandidate? RoundRobin(IEnumerable<AssignmentCandidate> candidates, Guid? lastUserId)
    {
        var ordered = candidates.OrderBy(c => c.UserId).ToList();
        if (ordered.Count == 0)
            return null;
        if (lastUserId is not { } last)
            return ordered[0];
        return ordered.FirstOrDefault(c => c.UserId.CompareTo(last) > 0) ?? ordered[0];
    }

    /// <summary>The candidate whose turn <paramref name="turn"/> (1, 2, 3, …) is, taking the candidates in id order.</summary>
    public static AssignmentCandidate? ByTurn(IEnumerable<AssignmentCandidate> candidates, long turn)
    {
        var ordered = candidates.OrderBy(c => c.UserId).ToList();
        return ordered.Count == 0 ? null : ordered[(int)((Math.Max(turn, 1) - 1) % ordered.Count)];
    }

    /// <summary>The candidate with the fewest open cases; ties go to the lower id, so the choice is repeatable.</summary>
    public static AssignmentCandidate? LeastLoaded(IEnumerable<AssignmentCandidate> candidates) =>
        candidates.OrderBy(c => c.OpenCases).ThenBy(c => c.UserId).FirstOrDefault();

    public static string DisplayName(this AssignmentStrategy s) => s switch
    {
        AssignmentStrategy.RoundRobin => "轮流分派",
        AssignmentStrategy.LeastLoaded => "按最少在办分派",
        _ => "进入服务点待办队列",
    };
}

/// <summary>The turns given so far, and whose turn it was last, per service point and case type, for round-robin
/// assignment. <see cref="Turns"/> is taken with one atomic upsert (see <c>CaseAssigner</c>), so concurrent creations get
/// distinct turns and spread evenly.</summary>
public sealed class AssignmentCursor
{
    private AssignmentCursor()
    {
    }

    public AssignmentCursor(Guid servicePointId, CaseType type, Guid lastUserId, DateTimeOffset at)
    {
        ServicePointId = servicePointId;
        Type = type;
        LastUserId = lastUserId;
        UpdatedAt = at;
    }

    public Guid ServicePointId { get; private set; }

    public CaseType Type { get; private set; }

    public Guid LastUserId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Number of turns given; turn n goes to the eligible staff member at position (n - 1) mod count in id order.</summary>
    public long Turns { get; private set; }

    public void Advance(Guid userId, DateTimeOffset at)
    {
        LastUserId = userId;
        UpdatedAt = at;
    }
}
