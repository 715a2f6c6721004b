using Farun.Web.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.FollowUps;

/// <summary>The satisfaction rate as the district reports it, with its definition, per service point and staff member.</summary>
[Authorize(Policy = Policies.Management)]
public sealed class SatisfactionPageModel(SatisfactionReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public SatisfactionReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } f && To is { } t && f > t)
            (From, To) = (t, f);
        Report = await reports.BuildAsync(User, From, To, ct);
    }

    public static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
