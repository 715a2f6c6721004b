using Farun.Features.Guides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Guides;

/// <summary>The citizen's resume code for a guide lives in a cookie (one per guide); the answers live in the database.</summary>
public static class GuideCookies
{
    public static string Name(string guideId) => "farun.guide." + guideId;

    public static string? Get(HttpRequest request, string guideId) => request.Cookies[Name(guideId)];

    public static void Set(HttpResponse response, string guideId, string code) =>
        response.Cookies.Append(Name(guideId), code, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = GuideSession.Lifetime,
            Path = "/",
        });
}

/// <summary>Shared by the interview pages: loading the interview of the current visitor for a guide.</summary>
public abstract class GuidePageModel(GuideInterviews interviews) : PageModel
{
    protected GuideInterviews Interviews { get; } = interviews;

    public Interview Interview { get; protected set; } = null!;

    public string DisplayCode => ResumeCode.Display(Interview.Session.Code);

    /// <summary>The visitor's interview for <paramref name="id"/>, or null (no cookie, expired, another guide).</summary>
    protected async Task<Interview?> LoadAsync(string id, CancellationToken ct)
    {
        var interview = await Interviews.LoadAsync(GuideCookies.Get(Request, id), ct);
        if (interview is null || interview.Guide.Id != id)
            return null;
        Interview = interview;
        return interview;
    }

    /// <summary>Where the interview stands: the current question, or the result.</summary>
    public static string CurrentUrl(Interview i) =>
        i.Run.Current is { } q ? $"/guides/{i.Guide.Id}/q/{q.Id}" : $"/guides/{i.Guide.Id}/result";

    protected IActionResult ToStart(string id) => Redirect($"/guides/{Uri.EscapeDataString(id)}");
}
