using Farun.Features.FollowUps;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.FollowUps;

/// <summary>The online rating page reached from the SMS link: no sign-in, the link is used once.</summary>
[AllowAnonymous]
public sealed class RatePageModel(FollowUpService service, IValidator<FollowUpEndpoints.Rate> validator) : PageModel
{
    public FollowUpEndpoints.RatingView? View { get; private set; }

    public FollowUpEndpoints.RatingDone? Done { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        try
        {
            View = await service.ViewLinkAsync(token, ct);
        }
        catch (NotFoundException e)
        {
            Errors = [e.Message];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, SatisfactionLevel? level, string? comment, CancellationToken ct)
    {
        Errors = await FormErrors.TryAsync(async () =>
        {
            var r = new FollowUpEndpoints.Rate(level, comment);
            await validator.ValidateAndThrowAsync(r, ct);
            Done = await service.RateOnlineAsync(token, r, ct);
        });
        if (Errors.Count == 0)
            return Page();

        return await OnGetAsync(token, ct);
    }
}
