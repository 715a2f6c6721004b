using Farun.Data;
using Farun.Law.Citations;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Laws;

/// <summary>
/// The law-name index for citations, built from the database. It is a cache, not state: each node rebuilds it when
/// the law tables change (checked at most every few seconds), so an import on one node reaches all nodes.
/// </summary>
public sealed class LawCatalog(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Snapshot(LawNameIndex Names, IReadOnlyDictionary<string, Guid> LawIdsByKey, string Revision, DateTimeOffset CheckedAt);

    /// <summary>The names of the laws in the database, at most a few seconds old (imports on other nodes show up
    /// within <see cref="CheckInterval"/>); pass <paramref name="revision"/> to require the snapshot of that revision.</summary>
    public async Task<Snapshot> GetAsync(CancellationToken ct, string? revision = null)
    {
        var current = _snapshot;
        if (IsFresh(current, revision))
            return current!;

        await _gate.WaitAsync(ct);
        try
        {
            current = _snapshot;
            if (IsFresh(current, revision))
                return current!;

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var latest = await RevisionAsync(db, ct);
            if (current is not null && current.Revision == latest)
            {
                _snapshot = current with { CheckedAt = time.GetUtcNow() };
                return _snapshot;
            }

            var laws = await db.Laws.AsNoTracking().Select(l => new { l.Id, l.Key, l.Title, l.ShortTitle, l.Aliases }).ToListAsync(ct);
            var names = LawNameIndex.Create(laws.Select(l => new LawNameEntry(l.Key,
                [l.Title, l.ShortTitle, .. l.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)])));
            _snapshot = new Snapshot(names, laws.ToDictionary(l => l.Key, l => l.Id), latest, time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the snapshot, so the next read sees an import this node has just written.</summary>
    public void Invalidate() => _snapshot = null;

    private bool IsFresh(Snapshot? snapshot, string? revision) =>
        snapshot is not null && (revision is null ? time.GetUtcNow() - snapshot.CheckedAt < CheckInterval : snapshot.Revision == revision);

    public void Dispose() => _gate.Dispose();

    /// <summary>A cheap fingerprint of the law tables: changes whenever an import adds laws or versions.</summary>
    internal static async Task<string> RevisionAsync(FarunDbContext db, CancellationToken ct)
    {
        var count = await db.LawVersions.CountAsync(ct);
        var laws = await db.Laws.CountAsync(ct);
        var last = await db.LawVersions.OrderByDescending(v => v.ImportedAt).Select(v => (DateTimeOffset?)v.ImportedAt).FirstOrDefaultAsync(ct);
        return $"{laws}:{count}:{last?.UtcTicks}";
    }
}
