using Farun.Features.FollowUps;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.FollowUps;

/// <summary>The online rating page reached from the SMS link: no sign-in, the link is used once. A post that fails keeps
/// the chosen level and the typed comment, and shows each message next to its input.</summary>
[AllowAnonymous]
public sealed class RatePageModel(FollowUpService service, IValidator<FollowUpEndpoints.Rate> validator) : PageModel
{
    private static readonly (string Path, string InputId)[] Inputs = [("level", "level"), ("comment", "comment")];

    public FollowUpEndpoints.RatingView? View { get; private set; }

    public FollowUpEndpoints.RatingDone? Done { get; private set; }

    public SatisfactionLevel? Level { get; private set; }

    public string? Comment { get; private set; }

    public FormErrorSet Errors { get; private set; } = new();

    public FormErrorView FieldErrors => Errors.Place(Inputs);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        if (View is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, SatisfactionLevel? level, string? comment, CancellationToken ct)
    {
        (Level, Comment) = (level, comment);
        Errors = await FormErrorSet.TryAsync(async () =>
        {
            var r = new FollowUpEndpoints.Rate(level, comment);
            await validator.ValidateAndThrowAsync(r, ct);
            Done = await service.RateOnlineAsync(token, r, ct);
        });
        if (Errors.IsEmpty)
            return Page();

        await LoadAsync(token, ct);
        // An unknown or used link is gone (404); otherwise the status of what went wrong (400 for what was posted).
        Response.StatusCode = View is null ? StatusCodes.Status404NotFound : Errors.StatusCode;
        return Page();
    }

    private async Task LoadAsync(string token, CancellationToken ct)
    {
        try
        {
            View = await service.ViewLinkAsync(token, ct);
        }
        catch (NotFoundException e)
        {
            Errors.Add(null, e.Message);
        }
    }
}
