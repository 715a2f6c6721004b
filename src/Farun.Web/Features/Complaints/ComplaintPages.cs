using System.Security.Claims;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Complaints;
using Farun.Features.Identity;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Complaints;

/// <summary>What the complaint pages show: who can be complained about (the lawyer and mediator registries, notaries and
/// staff accounts), the subject's cases the caller may see (to link), and the open complaints by reply deadline.</summary>
public sealed class ComplaintDesk(FarunDbContext db, CaseAccess access, ComplaintOpener opener, TimeProvider time)
{
    public const int MaxOptions = 500;

    public const int MaxSubjectCases = 50;

    /// <summary>A person who can be complained about; <see cref="Value"/> is "Kind:id" as the form posts it.</summary>
    public sealed record SubjectOption(ComplaintSubjectKind Kind, Guid Id, string Name, string? Detail)
    {
        public string Value => $"{Kind}:{Id}";
    }

    public sealed record SubjectCase(Guid Id, string Number, string TypeName, string StateName, string Summary, DateTimeOffset CreatedAt);

    public sealed record Row(
        Guid Id, string Number, string KindName, string SubjectKindName, string SubjectName, string Content, string? ApplicantName,
        string StateName, DateOnly? DueOn, bool Overdue, bool IsOpen, string? OutcomeName, DateTimeOffset CreatedAt);

    public static bool TryParse(string? value, out ComplaintSubjectRequest? subject)
    {
        subject = null;
        var parts = (value ?? "").Split(':', 2);
        if (parts.Length != 2 || !Enum.TryParse<ComplaintSubjectKind>(parts[0], out var kind) || !Enum.IsDefined(kind) || !Guid.TryParse(parts[1], out var id))
            return false;
        subject = kind switch
        {
            ComplaintSubjectKind.Lawyer => new ComplaintSubjectRequest(kind, id, null, null),
            ComplaintSubjectKind.Mediator => new ComplaintSubjectRequest(kind, null, id, null),
            _ => new ComplaintSubjectRequest(kind, null, null, id),
        };
        return true;
    }

    public async Task<IReadOnlyList<SubjectOption>> SubjectsAsync(CancellationToken ct)
    {
        var lawyers = await db.Lawyers.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.NameKey).Take(MaxOptions)
            .Select(l => new { l.Id, l.Name, Firm = db.LawFirms.Where(f => f.Id == l.FirmId).Select(f => f.Name).FirstOrDefault() }).ToListAsync(ct);
        var mediators = await db.Mediators.AsNoTracking().OrderBy(m => m.Name).Take(MaxOptions)
            .Select(m => new { m.Id, m.Name, Committee = db.MediationCommittees.Where(c => c.Id == m.CommitteeId).Select(c => c.Name).FirstOrDefault() }).ToListAsync(ct);
        var staffRoles = Common.Policies.CaseWorkRoles.Where(r => r != Roles.Lawyer).ToList();
        var roleIds = await db.Roles.AsNoTracking().Where(r => staffRoles.Contains(r.Name!)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var notaryRole = roleIds.FirstOrDefault(r => r.Name == Roles.Notary)?.Id;
        var ids = roleIds.Select(r => r.Id).ToList();
        var users = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ids.Contains(ur.RoleId)))
            .OrderBy(u => u.FullName).Take(MaxOptions)
            .Select(u => new { u.Id, u.FullName, u.UserName, Notary = db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == notaryRole) })
            .ToListAsync(ct);
        return
        [
            .. lawyers.Select(l => new SubjectOption(ComplaintSubjectKind.Lawyer, l.Id, l.Name, l.Firm)),
            .. users.Where(u => u.Notary).Select(u => new SubjectOption(ComplaintSubjectKind.Notary, u.Id, u.FullName, u.UserName)),
            .. mediators.Select(m => new SubjectOption(ComplaintSubjectKind.Mediator, m.Id, m.Name, m.Committee)),
            .. users.Select(u => new SubjectOption(ComplaintSubjectKind.Staff, u.Id, u.FullName, u.UserName)),
        ];
    }

    /// <summary>The subject's cases the caller may see, newest first (the complaint links some of them).</summary>
    public async Task<IReadOnlyList<SubjectCase>> SubjectCasesAsync(ClaimsPrincipal user, ComplaintSubjectRequest subject, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(user, ct);
        var resolved = await opener.ResolveAsync(subject, ct);
        var theirs = opener.SubjectCases(resolved).Select(c => c.Id);
        var rows = await access.Visible(scope).AsNoTracking().Where(c => theirs.Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).Take(MaxSubjectCases)
            .Select(c => new { c.Id, c.Number, c.Type, c.State, c.Summary, c.CreatedAt }).ToListAsync(ct);
        return [.. rows.Select(c => new SubjectCase(c.Id, c.Number, c.Type.DisplayName(), c.State.DisplayName(), c.Summary, c.CreatedAt))];
    }

    /// <summary>The ids of the subject's cases with these numbers (null for a number that is not one of theirs).</summary>
    public async Task<IReadOnlyList<(string Number, Guid? Id)>> SubjectCaseIdsAsync(ComplaintSubjectRequest subject, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var resolved = await opener.ResolveAsync(subject, ct);
        var list = numbers.Select(n => n.ToUpperInvariant()).Distinct().ToList();
        var found = await opener.SubjectCases(resolved).Where(c => list.Contains(c.Number)).Select(c => new { c.Number, c.Id }).ToListAsync(ct);
        return [.. list.Select(n => (n, found.FirstOrDefault(f => f.Number == n)?.Id))];
    }

    /// <summary>The complaints the caller may see: open ones by reply deadline (nearest first), then recently closed ones.</summary>
    public async Task<IReadOnlyList<Row>> ListAsync(ClaimsPrincipal user, bool open, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(user, ct);
        var q = access.Visible(scope).AsNoTracking().Where(c => c.Type == CaseType.Complaint && c.IsOpen == open)
            .Join(db.ComplaintDetails, c => c.Id, d => d.CaseId, (c, d) => new
            {
                c.Id,
                c.Number,
                c.ApplicantName,
                c.State,
                c.DueOn,
                c.DueSort,
                c.IsOpen,
                c.CreatedAt,
                c.ClosedAt,
                d.Kind,
                d.SubjectKind,
                d.SubjectName,
                d.Content,
                d.Outcome,
            });
        q = open ? q.OrderBy(c => c.DueSort).ThenBy(c => c.CreatedAt) : q.OrderByDescending(c => c.ClosedAt);
        var rows = await q.Take(200).ToListAsync(ct);
        var now = time.GetUtcNow();
        return [.. rows.Select(r => new Row(r.Id, r.Number, r.Kind.DisplayName(), r.SubjectKind.DisplayName(), r.SubjectName,
            r.Content.Length > 60 ? r.Content[..60] + "…" : r.Content, r.ApplicantName, r.State.DisplayName(), r.DueOn,
            r.IsOpen && r.DueOn is not null && r.DueSort <= now.ToUnixTimeSeconds(), r.IsOpen, r.Outcome?.DisplayName(), r.CreatedAt))];
    }
}
