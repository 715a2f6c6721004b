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
/// Issues case numbers with one atomic upsert per number (same SQL on SQLite and PostgreSQL), so nodes never hand out
/// the same number. Inside the caller's transaction the number is only final if the case is saved; a rolled-back
/// creation leaves no gap, an aborted one outside a transaction may.
/// </summary>
public sealed class CaseNumberAllocator(FarunDbContext db)
{
    public async Task<string> NextAsync(CaseType type, int year, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = """
                INSERT INTO "CaseNumberCounters" ("Type", "Year", "Last") VALUES (@type, @year, 1)
                ON CONFLICT ("Type", "Year") DO UPDATE SET "Last" = "CaseNumberCounters"."Last" + 1
                RETURNING "Last"
                """;
            Add(cmd, "@type", type.ToString());
            Add(cmd, "@year", year);
            var last = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return CaseNumbers.Format(type, year, last);
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
                var cursor = await db.AssignmentCursors.FirstOrDefaultAsync(c => c.ServicePointId == servicePointId && c.Type == type, ct);
                var pick = AssignmentPicker.RoundRobin(candidates, cursor?.LastUserId);
                if (pick is not null)
                {
                    if (cursor is null)
                        db.AssignmentCursors.Add(new AssignmentCursor(servicePointId, type, pick.UserId, time.GetUtcNow()));
                    else
                        cursor.Advance(pick.UserId, time.GetUtcNow());
                }

                return pick;
            default:
                return null;
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
