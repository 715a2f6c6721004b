using Farun.Features.Cases;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Citizens;

/// <summary>/citizen — the signed-in citizen's start page: their applications on the case spine (legal aid, mediation,
/// notarization, complaints, including those a procedure guide submitted), newest first.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class CitizenHomeModel(CaseAccess access) : PageModel
{
    public const int MaxCases = 50;

    public sealed record CaseRow(string Number, string TypeName, string StateName, DateTimeOffset CreatedAt, bool IsOpen);

    public string Phone => User.Identity?.Name ?? "";

    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var rows = await access.Visible(scope).OrderByDescending(c => c.CreatedAt).Take(MaxCases)
            .Select(c => new { c.Number, c.Type, c.State, c.CreatedAt, c.ClosedAt }).ToListAsync(ct);
        Cases = [.. rows.Select(c => new CaseRow(c.Number, c.Type.DisplayName(), c.State.DisplayName(), c.CreatedAt, c.ClosedAt is null))];
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CitizenAuthentication.Scheme);
        return Redirect("/");
    }
}
