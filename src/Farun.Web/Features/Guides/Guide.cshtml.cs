using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Farun.Web.Features.Guides;

/// <summary>A guide's first screen: what it is for, how long it takes; start, continue or start again.</summary>
[AllowAnonymous]
public sealed class GuideStartModel(GuideCatalog catalog, GuideInterviews interviews) : GuidePageModel(interviews)
{
    public LoadedGuide Guide { get; private set; } = null!;

    public Interview? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await catalog.GetActiveAsync(id, ct) is not { } guide)
            return NotFound();
        Guide = guide;
        Existing = await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Starts a new interview (also "start again"): a new resume code, the first question.</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await catalog.GetActiveAsync(id, ct) is not { } guide)
            return NotFound();
        var interview = await Interviews.StartAsync(guide, ct);
        GuideCookies.Set(Response, id, interview.Session.Code);
        return Redirect(CurrentUrl(interview));
    }
}
