using Farun.Features.Assistant;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Assistant;

/// <summary>/assistant/review: staff review low-confidence and 没用 answers and confirm the right articles.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ReviewModel(
    ListReviewItems.Handler queue, ReviewTurn.Handler review, IValidator<ReviewTurn.ConfirmRequest> confirmValidator, IValidator<ReviewTurn.DismissRequest> dismissValidator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReviewState State { get; set; } = ReviewState.Pending;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListReviewItems.Response Queue { get; private set; } = new([], 0, 1, ListReviewItems.PageSize);

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid turnId, string? citations, string? note, CancellationToken ct)
    {
        var request = new ReviewTurn.ConfirmRequest(citations, note);
        var validation = await confirmValidator.ValidateAsync(request, ct);
        if (!validation.IsValid)
            return await FailAsync(string.Join("；", validation.Errors.Select(e => e.ErrorMessage)), ct);
        try
        {
            var item = await review.ConfirmAsync(turnId, request, User, ct);
            Done = $"已确认：{string.Join("、", item.Confirmed)}。以后遇到类似问题会优先参考。";
        }
        catch (DomainException e)
        {
            return await FailAsync(e.Message, ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid turnId, string? note, CancellationToken ct)
    {
        var request = new ReviewTurn.DismissRequest(note);
        var validation = await dismissValidator.ValidateAsync(request, ct);
        if (!validation.IsValid)
            return await FailAsync(string.Join("；", validation.Errors.Select(e => e.ErrorMessage)), ct);
        try
        {
            await review.DismissAsync(turnId, request, User, ct);
            Done = "已标记为无需学习。";
        }
        catch (DomainException e)
        {
            return await FailAsync(e.Message, ct);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (State == ReviewState.None || !Enum.IsDefined(State))
            State = ReviewState.Pending;
        Queue = await queue.HandleAsync(new ListReviewItems.Request(State, Math.Clamp(PageNumber, 1, 10_000)), ct);
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }
}
