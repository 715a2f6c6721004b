using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Complaints;

/// <summary>/complaints — the complaints the caller may see (managers: their service points; front-line staff: those they
/// registered or handle): open ones by reply deadline with the overdue ones flagged, then the recently replied ones.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ComplaintsPageModel(ComplaintDesk desk) : PageModel
{
    public IReadOnlyList<ComplaintDesk.Row> Open { get; private set; } = [];

    public IReadOnlyList<ComplaintDesk.Row> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Open = await desk.ListAsync(User, open: true, ct);
        Closed = await desk.ListAsync(User, open: false, ct);
    }
}
