using System.Data.Common;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Identity;
using Farun.Web.Common;
using Farun.Web.Features.Laws;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Farun.Web.Features.Cases;

/// <summary>
/// Issues case numbers (ZX-2026-000123) from one counter row per type and year, shared by every node. Outside a
/// transaction a node reserves a block of <see cref="CaseOptions.NumberBlockSize"/> numbers at once, in its own short
/// transaction (one atomic upsert, same SQL on SQLite and PostgreSQL), and hands them out from memory in order: creations no
/// longer queue on the counter row, numbers stay unique across nodes and readable. A number whose case was not saved goes
/// back to the node (<see cref="Return"/>) and is issued next, so one node leaves no gaps; with several nodes, numbers
/// interleave out of creation order, and a stopped node leaves the rest of its block unused. Inside a caller's
/// transaction (a conversion within an action) it takes a single number in that transaction, which only counts if the
/// transaction commits.
/// </summary>
public sealed class CaseNumberAllocator(FarunDbContext db, CaseNumberBlocks blocks, Microsoft.Extensions.Options.IOptions<CaseOptions> options)
{
    private readonly HashSet<string> _fromBlocks = [];

    public async Task<string> NextAsync(CaseType type, int year, CancellationToken ct)
    {
        var size = Math.Max(1, options.Value.NumberBlockSize);
        if (size > 1 && db.Database.CurrentTransaction is null)
        {
            var number = await blocks.TakeAsync(type, year, async () =>
            {
                // Committed before any number of the block is issued: a block is never handed out twice.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var last = await ReserveAsync(type, year, size, ct);
                await tx.CommitAsync(ct);
                return (last - size + 1, last);
            }, ct);
            var formatted = CaseNumbers.Format(type, year, number);
            _fromBlocks.Add(formatted);
            return formatted;
        }

        return CaseNumbers.Format(type, year, await ReserveAsync(type, year, 1, ct));
    }

    /// <summary>Gives back a number from <see cref="NextAsync"/> whose case was not saved, so it is issued next (numbers
    /// taken inside a transaction come back by its rollback).</summary>
    public void Return(CaseType type, int year, string number)
    {
        if (_fromBlocks.Remove(number) && long.TryParse(number[(number.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var n))
            blocks.Return(type, year, n);
    }

    /// <summary>Adds <paramref name="count"/> to the counter and returns its new value (the last number reserved).</summary>
    private async Task<long> ReserveAsync(CaseType type, int year, int count, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = """
                INSERT INTO "CaseNumberCounters" ("Type", "Year", "Last") VALUES (@type, @year, @count)
                ON CONFLICT ("Type", "Year") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + @count
                RETURNING "Last"
                """;
            Add(cmd, "@type", type.ToString());
            Add(cmd, "@year", year);
            Add(cmd, "@count", count);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

/// <summary>The case numbers this node has reserved and not yet issued (a singleton: one per node and database).</summary>
public sealed class CaseNumberBlocks : IDisposable
{
    private sealed class Pool : IDisposable
    {
        public readonly SemaphoreSlim Refill = new(1, 1);
        public readonly SortedSet<long> Returned = [];
        public long Next = 1;
        public long Last;

        public void Dispose() => Refill.Dispose();
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<(CaseType, int), Pool> _pools = [];

    /// <summary>The lowest number reserved and not issued; when none is left, <paramref name="reserve"/> reserves the
    /// next block (one caller at a time per type and year, so a node does not reserve two blocks at once).</summary>
    public async Task<long> TakeAsync(CaseType type, int year, Func<Task<(long First, long Last)>> reserve, CancellationToken ct)
    {
        var pool = PoolOf(type, year);
        if (TryTake(pool, out var number))
            return number;
        await pool.Refill.WaitAsync(ct);
        try
        {
            if (TryTake(pool, out number))
                return number;
            var (first, last) = await reserve();
            lock (_lock)
            {
                pool.Next = first + 1;
                pool.Last = last;
            }

            return first;
        }
        finally
        {
            pool.Refill.Release();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var pool in _pools.Values)
                pool.Dispose();
            _pools.Clear();
        }
    }

    public void Return(CaseType type, int year, long number)
    {
        var pool = PoolOf(type, year);
        lock (_lock)
            pool.Returned.Add(number);
    }

    private Pool PoolOf(CaseType type, int year)
    {
        lock (_lock)
        {
            if (!_pools.TryGetValue((type, year), out var pool))
                _pools[(type, year)] = pool = new Pool();
            return pool;
        }
    }

    private bool TryTake(Pool pool, out long number)
    {
        lock (_lock)
        {
            if (pool.Returned.Count > 0)
            {
                number = pool.Returned.Min;
                pool.Returned.Remove(number);
                return true;
            }

            number = pool.Next;
            if (pool.Next > pool.Last)
                return false;
            pool.Next++;
            return true;
        }
    }
}

/// <summary>Resolves the articles cited in an answer through the citation parser and links them into the law library.</summary>
public sealed class CitationLinker(ResolveCitation.Handler resolver)
{
    public const int MaxLength = 1000;

    /// <summary>Every citation in <paramref name="text"/>, resolved where the library has it; an unknown law or article is
    /// kept with the reason. Throws a field error when the text contains no citation at all.</summary>
    public async Task<IReadOnlyList<CitedArticle>> LinkAsync(string? text, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        try
        {
            var result = await resolver.HandleAsync(new ResolveCitation.Request(text, null), ct);
            return
            [
                .. result.Citations.Select(c => new CitedArticle(c.Cited, c.Article.LawId, c.Article.LawTitle, c.Article.Key, c.Article.Display, c.Article.Url, null)),
                .. result.Unresolved.Select(u => new CitedArticle(u.Cited, null, null, null, null, null, u.Reason)),
            ];
        }
        catch (NotFoundException e)
        {
            return [new CitedArticle(text.Trim(), null, null, null, null, null, e.Message)];
        }
        catch (BadRequestException e)
        {
            throw BadRequestException.ForField(field, e.Message);
        }
    }
}

/// <summary>Finds eligible staff and picks one (round-robin or least-loaded) or checks a named assignee.</summary>
public sealed class CaseAssigner(FarunDbContext db, TimeProvider time)
{
    /// <summary>Staff at <paramref name="servicePointId"/> who handle <paramref name="type"/>, not locked out, with their open-case counts.</summary>
    public async Task<IReadOnlyList<AssignmentCandidate>> CandidatesAsync(Guid servicePointId, CaseType type, CancellationToken ct)
    {
        var roleNames = CaseWorkflow.For(type).HandlerRoles.Select(r => r.ToUpperInvariant()).ToList();
        var now = time.GetUtcNow();
        var users = await db.Users.AsNoTracking()
            .Where(u => u.ServicePointId == servicePointId
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roleNames.Contains(r.NormalizedName!))))
            .Select(u => new { u.Id, u.FullName, u.UserName, u.LockoutEnd })
            .ToListAsync(ct);
        users = [.. users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)];
        var ids = users.Select(u => u.Id).ToList();
        var loads = await db.Cases.AsNoTracking().Where(c => c.IsOpen && c.AssigneeId != null && ids.Contains(c.AssigneeId.Value))
            .GroupBy(c => c.AssigneeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. users.Select(u => new AssignmentCandidate(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? "" : u.FullName, loads.GetValueOrDefault(u.Id)))];
    }

    /// <summary>Picks by strategy and advances the round-robin cursor; null when nobody is eligible.</summary>
    public async Task<AssignmentCandidate?> PickAsync(Guid servicePointId, CaseType type, AssignmentStrategy strategy, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(servicePointId, type, ct);
        switch (strategy)
        {
            case AssignmentStrategy.LeastLoaded:
                return AssignmentPicker.LeastLoaded(candidates);
            case AssignmentStrategy.RoundRobin:
                if (candidates.Count == 0)
                    return null;
                // Its own short transaction unless the caller has one (then the turn counts only if that commits).
                var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                try
                {
                    var turn = await NextTurnAsync(servicePointId, type, ct);
                    var pick = AssignmentPicker.ByTurn(candidates, turn)!;
                    await RecordTurnAsync(servicePointId, type, turn, pick.UserId, ct);
                    if (own is not null)
                        await own.CommitAsync(ct);
                    return pick;
                }
                finally
                {
                    if (own is not null)
                        await own.DisposeAsync();
                }
            default:
                return null;
        }
    }

    /// <summary>
    /// Takes the next round-robin turn of a service point and case type with one atomic upsert (same SQL on SQLite and
    /// PostgreSQL): two concurrent creations can never read the same cursor, so consecutive cases go to consecutive staff.
    /// A turn whose case is then not saved is skipped, not given twice.
    /// </summary>
    private async Task<long> NextTurnAsync(Guid servicePointId, CaseType type, CancellationToken ct) =>
        await ScalarAsync("""
            INSERT INTO "AssignmentCursors" ("ServicePointId", "Type", "LastUserId", "UpdatedAt", "Turns") VALUES (@sp, @type, @none, @at, 1)
            ON CONFLICT ("ServicePointId", "Type") DO UPDATE SET "Turns" = "AssignmentCursors"."Turns" + 1, "UpdatedAt" = @at
            RETURNING "Turns"
            """, ct, ("@sp", StoredGuid(servicePointId)), ("@type", type.ToString()), ("@none", StoredGuid(Guid.Empty)), ("@at", StoredTime(time.GetUtcNow())));

    /// <summary>Notes whose turn <paramref name="turn"/> was, unless a later turn has been taken meanwhile.</summary>
    private async Task RecordTurnAsync(Guid servicePointId, CaseType type, long turn, Guid userId, CancellationToken ct) =>
        await ScalarAsync("""
            UPDATE "AssignmentCursors" SET "LastUserId" = @user WHERE "ServicePointId" = @sp AND "Type" = @type AND "Turns" = @turn
            """, ct, ("@user", StoredGuid(userId)), ("@sp", StoredGuid(servicePointId)), ("@type", type.ToString()), ("@turn", turn));

    /// <summary>A Guid as the provider stores it (SQLite: upper-case text, as EF writes it).</summary>
    private object StoredGuid(Guid id) => db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;

    /// <summary>A timestamp as the model stores it (SQLite: the 64-bit form of the timestamp converter).</summary>
    private object StoredTime(DateTimeOffset at) =>
        db.Model.FindEntityType(typeof(AssignmentCursor))!.FindProperty(nameof(AssignmentCursor.UpdatedAt))!.GetTypeMapping().Converter is { } converter
            ? converter.ConvertToProvider(at)!
            : at;

    private async Task<long> ScalarAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                cmd.Parameters.Add(p);
            }

            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A named assignee must be staff who handle the type (or a manager) at the case's service point.</summary>
    public async Task<(Guid Id, string Name)> CheckAssigneeAsync(Case c, Guid userId, string field, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw BadRequestException.ForField(field, "未找到该工作人员。");
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var handles = c.Workflow.HandlerRoles.Overlaps(roles) || roles.Contains(Roles.Manager);
        if (!handles)
            throw BadRequestException.ForField(field, $"{user.FullName}不办理{c.Type.DisplayName()}事项。");
        if (user.ServicePointId != c.ServicePointId)
            throw BadRequestException.ForField(field, $"{user.FullName}不属于该案件所在服务点；请先移交案件。");
        if (user.LockoutEnd is { } end && end > time.GetUtcNow())
            throw BadRequestException.ForField(field, $"{user.FullName}的账号已被锁定。");
        return (user.Id, string.IsNullOrWhiteSpace(user.FullName) ? user.UserName ?? "" : user.FullName);
    }
}
