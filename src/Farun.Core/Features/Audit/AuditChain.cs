namespace Farun.Features.Audit;

/// <summary>Result of checking the chain: the first entry whose hash or link does not hold, if any.</summary>
public sealed record AuditChainReport(long Checked, long? FirstBrokenId, string? Problem)
{
    public bool IsIntact => FirstBrokenId is null;
}

public static class AuditChain
{
    /// <summary>Walks entries in id order; stops at the first whose stored link or hash does not match.</summary>
    public static AuditChainReport Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var previous = AuditEntry.GenesisHash;
        long count = 0;
        foreach (var e in entriesInOrder)
        {
            count++;
            if (e.PreviousHash != previous)
                return new AuditChainReport(count, e.Id, $"entry {e.Id} links to {e.PreviousHash[..Math.Min(12, e.PreviousHash.Length)]}…, expected {previous[..12]}… (an entry before it was changed or deleted)");
            if (e.ComputeHash(previous) != e.Hash)
                return new AuditChainReport(count, e.Id, $"entry {e.Id} does not match its hash (its content was changed)");
            previous = e.Hash;
        }

        return new AuditChainReport(count, null, null);
    }
}
