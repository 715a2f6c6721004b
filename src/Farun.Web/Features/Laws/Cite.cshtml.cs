using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Laws;

/// <summary>The citation box of every page lands here and jumps to the article.</summary>
[AllowAnonymous]
public sealed class CiteModel(ResolveCitation.Handler handler, IValidator<ResolveCitation.Request> validator) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? text, CancellationToken ct)
    {
        if (text is null)
            return Page();
        var request = new ResolveCitation.Request(text, null);
        var validation = await validator.ValidateAsync(request, ct);
        if (!validation.IsValid)
            return Fail(StatusCodes.Status400BadRequest, string.Join("；", validation.Errors.Select(e => e.ErrorMessage)));
        try
        {
            var response = await handler.HandleAsync(request, ct);
            return Redirect(response.Citations[0].Article.Url);
        }
        catch (DomainException e)
        {
            return Fail(e.StatusCode, e.Message);
        }
    }

    private PageResult Fail(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
