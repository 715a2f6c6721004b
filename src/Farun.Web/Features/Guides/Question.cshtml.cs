using Farun.Web.Features.Guides.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Farun.Web.Features.Guides;

/// <summary>
/// One question per screen. GET shows a question on the current path (answered ones can be revisited with "上一步");
/// POST checks the answer on the server, stores it and moves to the next question on the path — or shows the
/// question again with the reason, in plain Chinese. Works without JavaScript.
/// </summary>
[AllowAnonymous]
public sealed class GuideQuestionModel(GuideInterviews interviews) : GuidePageModel(interviews)
{
    public QuestionDto Question { get; private set; } = null!;

    public int Step { get; private set; }

    public int Total { get; private set; }

    public string? PreviousUrl { get; private set; }

    public string? Value { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, string qid, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } interview)
            return ToStart(id);
        var index = interview.IndexOf(qid);
        if (index < 0)
            return Redirect(CurrentUrl(interview));
        Show(index, interview.Answers.GetValueOrDefault(qid), index == interview.Run.Path.Count ? interview.Run.CurrentError : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string qid, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } interview)
            return ToStart(id);
        var index = interview.IndexOf(qid);
        if (index < 0)
            return Redirect(CurrentUrl(interview));
        var q = QuestionAt(index);
        var (value, error) = AnswerInput.Parse(q, Answer);
        error ??= AnswerInput.Check(q, value, interview.Run.EvaluatorAfter(index));
        if (error is not null)
        {
            Show(index, Answer, error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Interview = await Interviews.AnswerAsync(interview, qid, value!, ct);
        var run = Interview.Run;
        var at = Interview.IndexOf(qid);
        // Forward along the (possibly new) path: the next question even if answered before, so it can be reviewed.
        if (at >= 0 && at + 1 < run.Path.Count)
            return Redirect($"/guides/{id}/q/{run.Path[at + 1].Question.Id}");
        return Redirect(CurrentUrl(Interview));
    }

    private Question QuestionAt(int index) => index < Interview.Run.Path.Count ? Interview.Run.Path[index].Question : Interview.Run.Current!;

    private void Show(int index, string? value, string? error)
    {
        var run = Interview.Run;
        var q = QuestionAt(index);
        Question = GuideViews.Question(run, q, index);
        Step = index + 1;
        var longest = GuideRunner.LongestRemaining(run.Guide);
        Total = Math.Max(Step, index + longest.GetValueOrDefault(q.Id, 1));
        PreviousUrl = index > 0 ? $"/guides/{Interview.Guide.Id}/q/{run.Path[index - 1].Question.Id}" : $"/guides/{Interview.Guide.Id}";
        Value = value;
        Error = error;
    }
}
