using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Mediation;

/// <summary>The district's mediation figures for a period, with the definition of every figure beside it.</summary>
[Authorize(Policy = Policies.Management)]
public sealed class StatsPageModel(MediationStats.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public MediationStats.Response Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } f && To is { } t && f > t)
            (From, To) = (t, f);
        Result = await handler.HandleAsync(new MediationStats.Request(From, To), User, ct);
    }
}
