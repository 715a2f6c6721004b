using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Farun.Features.Cases;

/// <summary>
/// The number of cases per service point, type and state: a maintained summary, so counts over a million cases read a
/// few hundred rows. <see cref="Farun.Data.FarunDbContext"/> keeps it in step in the transaction of every change that
/// adds a case, moves it to another state or service point, or deletes it (see <see cref="CaseCountDeltas"/>), and bulk
/// writes of generated cases add theirs in their own transaction.
/// </summary>
public sealed class CaseCount
{
    private CaseCount()
    {
    }

    public CaseCount(Guid servicePointId, CaseType type, CaseState state, long count)
    {
        ServicePointId = servicePointId;
        Type = type;
        State = state;
        Count = count;
    }

    public Guid ServicePointId { get; private set; }

    public CaseType Type { get; private set; }

    public CaseState State { get; private set; }

    public long Count { get; private set; }
}

/// <summary>Changes to <see cref="CaseCount"/> rows, computed from the change tracker or from bulk-written cases.</summary>
public static class CaseCountDeltas
{
    public readonly record struct Key(Guid ServicePointId, CaseType Type, CaseState State);

    /// <summary>What saving the tracked changes does to the counts (call after DetectChanges). Empty when no case is
    /// added, deleted, or changes state or service point.</summary>
    public static Dictionary<Key, long> From(ChangeTracker tracker)
    {
        var deltas = new Dictionary<Key, long>();
        foreach (var entry in tracker.Entries<Case>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(deltas, Current(entry), +1);
                    break;
                case EntityState.Deleted:
                    Add(deltas, Original(entry), -1);
                    break;
                case EntityState.Modified:
                    var before = Original(entry);
                    var after = Current(entry);
                    if (before != after)
                    {
                        Add(deltas, before, -1);
                        Add(deltas, after, +1);
                    }

                    break;
            }
        }

        foreach (var zero in deltas.Where(d => d.Value == 0).Select(d => d.Key).ToList())
            deltas.Remove(zero);
        return deltas;
    }

    /// <summary>The counts <paramref name="cases"/> add (bulk-written new cases).</summary>
    public static Dictionary<Key, long> Of(IEnumerable<Case> cases)
    {
        var deltas = new Dictionary<Key, long>();
        foreach (var c in cases)
            Add(deltas, new Key(c.ServicePointId, c.Type, c.State), +1);
        return deltas;
    }

    /// <summary>Adds the deltas to the summary rows in the current transaction: one upsert per row (same SQL on SQLite and
    /// PostgreSQL). On PostgreSQL each row stays locked until commit, so concurrent changes of one row queue up.</summary>
    public static async Task ApplyAsync(DbContext db, IReadOnlyDictionary<Key, long> deltas, CancellationToken ct)
    {
        // In key order, so two transactions touching the same rows lock them in the same order.
        foreach (var (key, delta) in deltas.OrderBy(d => d.Key.ServicePointId).ThenBy(d => d.Key.Type).ThenBy(d => d.Key.State))
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "CaseCounts" ("ServicePointId", "Type", "State", "Count") VALUES ({0}, {1}, {2}, {3})
                ON CONFLICT ("ServicePointId", "Type", "State") DO UPDATE SET "Count" = "CaseCounts"."Count" + excluded."Count"
                """,
                // SQLite keeps Guids as upper-case text (EF's mapping); a raw parameter would be bound as a blob.
                [db.Database.IsSqlite() ? key.ServicePointId.ToString().ToUpperInvariant() : (object)key.ServicePointId, key.Type.ToString(), key.State.ToString(), delta], ct);
        }
    }

    private static Key Current(EntityEntry<Case> e) => new(e.Entity.ServicePointId, e.Entity.Type, e.Entity.State);

    private static Key Original(EntityEntry<Case> e) => new(
        e.Property(c => c.ServicePointId).OriginalValue, e.Property(c => c.Type).OriginalValue, e.Property(c => c.State).OriginalValue);

    private static void Add(Dictionary<Key, long> deltas, Key key, long n) =>
        deltas[key] = deltas.GetValueOrDefault(key) + n;
}
