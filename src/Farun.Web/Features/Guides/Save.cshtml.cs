using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Farun.Web.Features.Guides;

/// <summary>Shows the resume code to write down; answers are already saved after every step.</summary>
[AllowAnonymous]
public sealed class GuideSaveModel(GuideInterviews interviews) : GuidePageModel(interviews)
{
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) is null ? ToStart(id) : Page();
}
