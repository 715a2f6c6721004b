using Farun.Features.FollowUps;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.FollowUps;

/// <summary>The follow-up desk: pending follow-ups to call (not one's own cases), online rating links, and the rectifications
/// of bad ratings with their deadlines.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class FollowUpsPageModel(
    FollowUpService service, IValidator<FollowUpEndpoints.Rate> rateValidator, IValidator<FollowUpEndpoints.Complete> completeValidator) : PageModel
{
    public IReadOnlyList<FollowUpDto> Pending { get; private set; } = [];

    public IReadOnlyList<FollowUpDto> Done { get; private set; } = [];

    public IReadOnlyList<RectificationDto> Rectifications { get; private set; } = [];

    /// <summary>The posted row form (<c>rate-{id}</c>, <c>link-{id}</c>, <c>complete-{id}</c>), what was typed in it and its errors.</summary>
    public ActionFormPost Post { get; } = new();

    public FormErrorView FieldErrors => Post.Place();

    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public static string RateForm(Guid id) => $"rate-{id:N}";

    public static string CompleteForm(Guid id) => $"complete-{id:N}";

    public Task<IActionResult> OnPostRateAsync(Guid id, SatisfactionLevel? level, string? comment, CancellationToken ct) =>
        RunAsync(RateForm(id), async () =>
        {
            var r = new FollowUpEndpoints.Rate(level, comment);
            await rateValidator.ValidateAndThrowAsync(r, ct);
            var result = await service.RateByPhoneAsync(User, id, r, ct);
            Notice = result.Rectification is { } rect
                ? $"已记录“{result.FollowUp.LevelName}”，已生成整改任务，整改期限{rect.DueOn:yyyy年M月d日}。"
                : $"已记录“{result.FollowUp.LevelName}”。";
        }, ct);

    public Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken ct) =>
        RunAsync($"link-{id:N}", async () =>
        {
            var link = await service.IssueLinkAsync(User, id, ct);
            Notice = $"评价链接已生成（以短信发送给服务对象）：{Request.Scheme}://{Request.Host}{link.Url}";
        }, ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string? measures, CancellationToken ct) =>
        RunAsync(CompleteForm(id), async () =>
        {
            var r = new FollowUpEndpoints.Complete(measures);
            await completeValidator.ValidateAndThrowAsync(r, ct);
            var result = await service.CompleteAsync(User, id, r, ct);
            Notice = $"整改已完成，已安排第{result.FollowUp.Round}次回访，回访期限{result.FollowUp.DueOn:yyyy年M月d日}。";
        }, ct);

    private async Task<IActionResult> RunAsync(string form, Func<Task> action, CancellationToken ct)
    {
        // A failed post shows the page again with what was typed in that row's form and its errors at the inputs.
        if (!await Post.TryAsync(form, Request.Form, action))
            Response.StatusCode = Post.StatusCode;

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await service.ListAsync(User, null, ct);
        Pending = [.. all.Where(f => f.Status == FollowUpStatus.Pending)];
        Done = [.. all.Where(f => f.Status != FollowUpStatus.Pending).OrderByDescending(f => f.RatedAt)];
        Rectifications = await service.ListRectificationsAsync(User, null, ct);
    }
}
