using Farun.Features.Cases;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Notarization;

/// <summary>The notary's queue: open notarization cases the caller may see, the ones with the nearest deadline first.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NotaryQueuePageModel(CaseAccess access) : PageModel
{
    public sealed record Row(Guid Id, string Number, string Summary, string State, string? Applicant, DateOnly? DueOn);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.ScopeAsync(User, ct);
        var cases = await access.Visible(scope).AsNoTracking()
            .Where(c => c.Type == CaseType.Notarization && c.IsOpen)
            .OrderBy(c => c.DueSort).ThenBy(c => c.CreatedAt)
            .Take(200)
            .Select(c => new { c.Id, c.Number, c.Summary, c.State, c.ApplicantName, c.DueOn })
            .ToListAsync(ct);
        Rows = [.. cases.Select(c => new Row(c.Id, c.Number, c.Summary, c.State.DisplayName(), c.ApplicantName, c.DueOn))];
    }
}
