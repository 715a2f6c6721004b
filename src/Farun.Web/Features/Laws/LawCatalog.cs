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

    /// <param name="ct">Cancellation.</param>
    /// <param name="fresh">Check the law tables now, not only after the check interval (e.g. when a search index is
    /// built right after an import: its names must match the articles it indexes).</param>
    public async Task<Snapshot> GetAsync(CancellationToken ct, bool fresh = false)
    {
        var current = _snapshot;
        if (!fresh && current is not null && time.GetUtcNow() - current.CheckedAt < CheckInterval)
            return current;

        await _gate.WaitAsync(ct);
        try
        {
            current = _snapshot;
            if (!fresh && current is not null && time.GetUtcNow() - current.CheckedAt < CheckInterval)
                return current;

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var revision = await RevisionAsync(db, ct);
            if (current is not null && current.Revision == revision)
            {
                _snapshot = current with { CheckedAt = time.GetUtcNow() };
                return _snapshot;
            }

            var laws = await db.Laws.AsNoTracking().Select(l => new { l.Id, l.Key, l.Title, l.ShortTitle, l.Aliases }).ToListAsync(ct);
            var names = LawNameIndex.Create(laws.Select(l => new LawNameEntry(l.Key,
                [l.Title, l.ShortTitle, .. l.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)])));
            _snapshot = new Snapshot(names, laws.ToDictionary(l => l.Key, l => l.Id), revision, time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

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
