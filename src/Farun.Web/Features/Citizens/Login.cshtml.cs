using Farun.Common.Privacy;
using Farun.Web.Common;
using Farun.Web.Features.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Citizens;

/// <summary>/citizen/login — phone number, then the code from the SMS. Same service and limits as the API.</summary>
[AllowAnonymous]
public sealed class CitizenLoginModel(CitizenSignInService signIn) : PageModel
{
    [BindProperty]
    public string Phone { get; set; } = "";

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A code was sent: show the code step.</summary>
    public bool CodeStep { get; private set; }

    public string? Error { get; private set; }

    public string? Info { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostSendCodeAsync()
    {
        try
        {
            var sent = await signIn.SendCodeAsync(Phone, HttpContext.RequestAborted);
            CodeStep = true;
            Info = $"验证码已发送至{sent.Phone}，{sent.ExpiresInSeconds / 60}分钟内有效。";
        }
        catch (TooManyRequestsException e)
        {
            Error = e.Message;
            CodeStep = CitizenSignInService.IsMobile(Phone);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = e.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = e.StatusCode;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSignInAsync()
    {
        CodeStep = true;
        try
        {
            await signIn.SignInAsync(HttpContext, Phone, Code, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/citizen");
        }
        catch (DomainException e)
        {
            Error = e.Message;
            CodeStep = CitizenSignInService.IsMobile(Phone);
            Code = "";
            Response.StatusCode = e.StatusCode;
            return Page();
        }
    }

    public string MaskedPhone => Mask.Phone(Phone);
}
