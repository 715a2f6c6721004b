using Farun.Web.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Citizens;

/// <summary>/citizen — the signed-in citizen's start page (the case portal builds on it).</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class CitizenHomeModel : PageModel
{
    public string Phone => User.Identity?.Name ?? "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CitizenAuthentication.Scheme);
        return Redirect("/");
    }
}
