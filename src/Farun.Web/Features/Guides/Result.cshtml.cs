using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Farun.Web.Features.Guides;

/// <summary>The printable result: verdict, legal basis with links into the law library, materials, where to go with
/// opening hours, deadlines, next steps and the one online application.</summary>
[AllowAnonymous]
public sealed class GuideResultModel(GuideInterviews interviews, GuideViews views, TimeProvider time) : GuidePageModel(interviews)
{
    public OutcomeDto Outcome { get; private set; } = null!;

    public string PrintedAt { get; private set; } = "";

    public string LastQuestionUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } interview)
            return ToStart(id);
        if (!interview.Run.IsFinished)
            return Redirect(CurrentUrl(interview));
        Outcome = await views.OutcomeAsync(interview.Run, ct);
        PrintedAt = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm");
        LastQuestionUrl = interview.Run.Path.Count > 0 ? $"/guides/{id}/q/{interview.Run.Path[^1].Question.Id}" : $"/guides/{id}";
        return Page();
    }
}
