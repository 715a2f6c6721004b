using System.Security.Claims;
using System.Security.Cryptography;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.FollowUps;
using Farun.Features.Services;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.FollowUps;

/// <summary>Quality sampling and review (质量评查), shared by <c>/api/quality</c> and the managers' page <c>/quality</c>:
/// a random sample of the cases finished in a month at the caller's service points, and the review scores (a legal-aid
/// case's score feeds its quality score).</summary>
public sealed class QualityService(
    FarunDbContext db, FollowUpAccess access, CaseReader reader, ServiceRules rules, CaseRules caseRules, AuditLog audit, TimeProvider time)
{
    /// <summary>The batch of the current month, e.g. 2026-11.</summary>
    public string CurrentBatch() => ChinaTime.DateOf(time.GetUtcNow()).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IReadOnlyList<QualityReviewDto>> SampleAsync(ClaimsPrincipal user, FollowUpEndpoints.Sample r, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var now = time.GetUtcNow();
        var batch = r.Batch ?? CurrentBatch();
        var month = DateOnly.ParseExact(batch + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var from = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var to = from.AddMonths(1);
        var points = caller.Scope.ServicePointIds;
        // The population: cases finished in the month (their first follow-up was created then), not yet sampled.
        var population = await db.FollowUps.AsNoTracking()
            .Where(f => f.Round == 1 && f.CreatedAt >= from && f.CreatedAt < to && points.Contains(f.ServicePointId)
                && !db.QualityReviews.Any(q => q.CaseId == f.CaseId))
            .Select(f => f.CaseId).ToListAsync(ct);
        if (population.Count == 0)
            throw BadRequestException.ForField("batch", $"{batch}没有可抽查的已办结事项。");
        var rate = r.Rate ?? rules.SamplingRate;
        var n = Math.Max(1, (int)Math.Ceiling(population.Count * rate));
        var ids = population.ToArray();
        RandomNumberGenerator.Shuffle(ids.AsSpan());
        var chosen = ids.Take(n).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => chosen.Contains(c.Id)).ToListAsync(ct);
        var reviews = cases.Select(c => new QualityReview(c, batch, caller.Scope.Actor.Name, now)).ToList();
        db.QualityReviews.AddRange(reviews);
        audit.Record("quality.sample", "QualityReview", null, new { batch, population = population.Count, sampled = reviews.Count, rate, source = rules.SamplingSource });
        await FollowUpEndpoints.SaveAsync(db, ct);
        return [.. reviews.Select(q => FollowUpEndpoints.ToDto(q, caller.Points, rules, caseRules))];
    }

    public async Task<IReadOnlyList<QualityReviewDto>> ListAsync(ClaimsPrincipal user, string? batch, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var points = caller.Scope.ServicePointIds;
        var q = db.QualityReviews.AsNoTracking().Where(x => points.Contains(x.ServicePointId));
        if (batch is not null)
            q = q.Where(x => x.Batch == batch);
        var rows = await q.OrderBy(x => x.SampledAt).ThenBy(x => x.CaseNumber).Take(500).ToListAsync(ct);
        return [.. rows.Select(x => FollowUpEndpoints.ToDto(x, caller.Points, rules, caseRules))];
    }

    public async Task<QualityReviewDto> ReviewAsync(ClaimsPrincipal user, Guid id, FollowUpEndpoints.Review r, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var points = caller.Scope.ServicePointIds;
        var review = await db.QualityReviews.FirstOrDefaultAsync(x => x.Id == id && points.Contains(x.ServicePointId), ct)
            ?? throw new NotFoundException("未找到该评查事项，或无权查看。");
        var now = time.GetUtcNow();
        var score = FollowUpEndpoints.Run(() => review.Record(FollowUpEndpoints.StandardFor(review.CaseType, rules, caseRules), r.Scores!, r.Comment, caller.Scope.Actor.Name, now));
        if (review.CaseType == CaseType.LegalAid)
        {
            // The review feeds the legal-aid quality score, on the case's timeline.
            var c = await reader.LoadForUpdateAsync(review.CaseId, caller.Scope, ct);
            c.RecordQualityReview(new CaseContext(caller.Scope.Actor, now, WorkingDayCalendar.China, caseRules), score, rules.ReviewWeight, rules.ReviewWeightSource);
        }

        audit.Record("quality.review", "Case", review.CaseId, new { review.CaseNumber, review.Batch, score });
        await FollowUpEndpoints.SaveAsync(db, ct);
        return FollowUpEndpoints.ToDto(review, caller.Points, rules, caseRules);
    }

    /// <summary>The final quality score of sampled legal-aid cases (closure assessment and review combined), by case.</summary>
    public async Task<IReadOnlyDictionary<Guid, int?>> LegalAidScoresAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct)
    {
        var ids = caseIds.ToList();
        var rows = await db.LegalAidDetails.AsNoTracking().Where(d => ids.Contains(d.CaseId)).Select(d => new { d.CaseId, d.FinalQualityScore }).ToListAsync(ct);
        return rows.ToDictionary(x => x.CaseId, x => x.FinalQualityScore);
    }
}
