using System.Globalization;
using Farun.Features.Cases;
using Farun.Features.Services;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.FollowUps;

/// <summary>/quality — quality review (质量评查) for managers: draw a random sample of the cases finished in a month at their
/// service points, score each against the configured criteria, and see the scores (a legal-aid case's review score feeds
/// its quality score).</summary>
[Authorize(Policy = Policies.Management)]
public sealed class QualityPageModel(
    QualityService quality, ServiceRules rules, IValidator<FollowUpEndpoints.Sample> sampleValidator, IValidator<FollowUpEndpoints.Review> reviewValidator) : PageModel
{
    /// <summary>The batch shown (and sampled), e.g. 2026-11.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Batch { get; set; }

    /// <summary>Sampling rate in percent as typed on the page.</summary>
    [BindProperty]
    public string? RatePercent { get; set; }

    public IReadOnlyList<QualityReviewDto> Reviews { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int?> LegalAidScores { get; private set; } = new Dictionary<Guid, int?>();

    /// <summary>The errors of the last post, by the path of <see cref="FollowUpEndpoints.Sample"/> or
    /// <see cref="FollowUpEndpoints.Review"/> (<c>batch</c>, <c>rate</c>; <c>scores.{criterion}</c>, <c>comment</c>).</summary>
    public FormErrorSet Errors { get; private set; } = new();

    /// <summary>The errors placed at the inputs: the sampling form's, or those of the review form that was posted (the
    /// errors of <c>scores</c> as a whole at its first criterion, all criteria marked).</summary>
    public FormErrorView FieldErrors
    {
        get
        {
            var criteria = Reviews.FirstOrDefault(r => r.Id == FailedReviewId)?.Criteria ?? [];
            return Errors.Place(
            [
                ("batch", nameof(Batch)),
                ("rate", nameof(RatePercent)),
                .. criteria.Select(c => ("scores", ScoreInputId(FailedReviewId!.Value, c.Key))),
                .. criteria.Select(c => ($"scores.{c.Key}", ScoreInputId(FailedReviewId!.Value, c.Key))),
                ("comment", CommentInputId(FailedReviewId ?? Guid.Empty)),
            ]);
        }
    }

    /// <summary>The review whose form showed the errors (its inputs are kept).</summary>
    public Guid? FailedReviewId { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string SamplingSource => rules.SamplingSource;

    public string ReviewWeightSource => rules.ReviewWeightSource;

    public string DefaultRatePercent => (rules.SamplingRate * 100).ToString("0.##", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSampleAsync(CancellationToken ct)
    {
        var errors = new FormErrorSet();
        decimal? rate = null;
        if (!string.IsNullOrWhiteSpace(RatePercent))
        {
            if (decimal.TryParse(RatePercent.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var pct))
                rate = Math.Round(pct / 100m, 4);
            else
                errors.Add("rate", "抽查比例须为1到100之间的数字（百分比）。");
        }

        var batch = string.IsNullOrWhiteSpace(Batch) ? null : Batch.Trim();
        var r = new FollowUpEndpoints.Sample(batch, rate);
        IReadOnlyList<QualityReviewDto> drawn = [];
        if (errors.IsEmpty)
        {
            // The API's rate is a fraction; the page's is typed in percent, so its hint about fractions is left out.
            foreach (var (field, message) in (await FormErrorSet.TryAsync(async () =>
            {
                await sampleValidator.ValidateAndThrowAsync(r, ct);
                drawn = await quality.SampleAsync(User, r, ct);
            })).Entries)
            {
                errors.Add(field, message.Replace("（填0.01到1）", "", StringComparison.Ordinal));
            }
        }

        if (errors.IsEmpty)
        {
            Notice = $"已随机抽取{drawn.Count}件（{drawn[0].Batch}）：{string.Join("、", drawn.Select(d => d.CaseNumber))}。";
            return RedirectToPage(new { batch = drawn[0].Batch });
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string? comment, CancellationToken ct)
    {
        var errors = new FormErrorSet();
        var scores = new Dictionary<string, int>();
        foreach (var key in Request.Form.Keys.Where(k => k.StartsWith("score.", StringComparison.Ordinal)))
        {
            var text = Request.Form[key].ToString().Trim();
            if (text.Length == 0)
                continue;
            var criterion = key["score.".Length..];
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var points))
                scores[criterion] = points;
            else
                errors.Add($"scores.{criterion}", $"评分须为整数：“{text}”。");
        }

        var r = new FollowUpEndpoints.Review(scores, comment);
        QualityReviewDto? done = null;
        if (errors.IsEmpty)
        {
            errors.Add(await FormErrorSet.TryAsync(async () =>
            {
                await reviewValidator.ValidateAndThrowAsync(r, ct);
                done = await quality.ReviewAsync(User, id, r, ct);
            }));
        }

        if (done is not null)
        {
            Notice = $"已录入{done.CaseNumber}的评查得分：{done.Score}分。";
            return RedirectToPage(new { batch = done.Batch });
        }

        Errors = errors;
        FailedReviewId = id;
        Response.StatusCode = errors.StatusCode;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The value typed for a criterion of the review that failed, so it is not lost.</summary>
    public string? Typed(Guid reviewId, string key) => reviewId == FailedReviewId ? Request.Form[$"score.{key}"].ToString() : null;

    /// <summary>The comment typed in the review that failed.</summary>
    public string? TypedComment(Guid reviewId) => reviewId == FailedReviewId ? Request.Form["comment"].ToString() : null;

    /// <summary>The id of a criterion's input in a review's form (each review on the page has its own form).</summary>
    public static string ScoreInputId(Guid reviewId, string key) => $"review-{reviewId:N}-score-{key}";

    public static string CommentInputId(Guid reviewId) => $"review-{reviewId:N}-comment";

    private async Task LoadAsync(CancellationToken ct)
    {
        Batch = string.IsNullOrWhiteSpace(Batch) ? quality.CurrentBatch() : Batch.Trim();
        Reviews = System.Text.RegularExpressions.Regex.IsMatch(Batch, @"^\d{4}-\d{2}$") ? await quality.ListAsync(User, Batch, ct) : [];
        LegalAidScores = await quality.LegalAidScoresAsync([.. Reviews.Where(x => x.CaseType == CaseType.LegalAid && x.Score is not null).Select(x => x.CaseId)], ct);
    }

    public static string Breakdown(QualityReviewDto r) =>
        r.Breakdown is null ? "" : string.Join("，", r.Breakdown.Split(';').Select(part =>
        {
            var kv = part.Split('=');
            var name = r.Criteria.FirstOrDefault(c => c.Key == kv[0])?.Name ?? kv[0];
            return kv.Length == 2 ? $"{name}{kv[1]}分" : part;
        }));
}
