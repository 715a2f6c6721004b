using Farun.Data;
using Farun.Features.ServicePoints;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>The service points, cached per node for a minute: names for lists, the subtree of a manager's scope, and
/// the address, phone and hours the assistant shows citizens.
/// The table is small and changes rarely; a new service point appears on every node within a minute.</summary>
public sealed class ServicePointDirectory(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public sealed record Entry(Guid Id, string Code, string Name, ServicePointKind Kind, Guid? ParentId, string? Address, string? Phone, string? OpeningHours);

    public sealed record Snapshot(IReadOnlyDictionary<Guid, Entry> ById, DateTimeOffset LoadedAt)
    {
        /// <summary>The service point and everything below it.</summary>
        public IReadOnlyList<Guid> Subtree(Guid root)
        {
            var result = new List<Guid> { root };
            for (var i = 0; i < result.Count; i++)
                result.AddRange(ById.Values.Where(e => e.ParentId == result[i]).Select(e => e.Id));
            return result;
        }

        public string Name(Guid id) => ById.TryGetValue(id, out var e) ? e.Name : "（未知服务点）";

        public Entry? Root => ById.Values.Where(e => e.Kind == ServicePointKind.DistrictCentre).OrderBy(e => e.Code).FirstOrDefault();
    }

    public async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && time.GetUtcNow() - current.LoadedAt < Lifetime)
            return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is { } s && time.GetUtcNow() - s.LoadedAt < Lifetime)
                return s;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var all = await db.ServicePoints.AsNoTracking()
                .Select(p => new Entry(p.Id, p.Code, p.Name, p.Kind, p.ParentId, p.Address, p.Phone, p.OpeningHours)).ToListAsync(ct);
            _snapshot = new Snapshot(all.ToDictionary(e => e.Id), time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cache (after adding a service point in tests or tools).</summary>
    public void Invalidate() => _snapshot = null;

    public void Dispose() => _gate.Dispose();
}
