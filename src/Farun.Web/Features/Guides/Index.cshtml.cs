using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Guides;

[AllowAnonymous]
public sealed class GuidesIndexModel(ListGuides.Handler handler) : PageModel
{
    public IReadOnlyList<GuideSummaryDto> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Guides = await handler.HandleAsync(ct);
}
