using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Guides;

/// <summary>Continue with a resume code, on this device or another: GET /guides/resume?code=… or the form.</summary>
[AllowAnonymous]
public sealed class GuideResumeModel(GuideInterviews interviews) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Code is null ? Page() : await ResumeAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ResumeAsync(ct);

    private async Task<IActionResult> ResumeAsync(CancellationToken ct)
    {
        if (ResumeCode.Normalize(Code) is null)
            return Fail("续填码是8位字母和数字，如 K7M2-PQ9X，请检查后重新输入。");
        var interview = await interviews.LoadAsync(Code, ct);
        if (interview is null)
            return Fail("没有找到这个续填码，可能输错了，或者已超过30天。");
        GuideCookies.Set(Response, interview.Guide.Id, interview.Session.Code);
        return Redirect(GuidePageModel.CurrentUrl(interview));
    }

    private PageResult Fail(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
