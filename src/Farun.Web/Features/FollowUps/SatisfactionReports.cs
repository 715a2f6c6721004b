using System.Security.Claims;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.FollowUps;
using Farun.Web.Common;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.FollowUps;

/// <summary>One row of the satisfaction figures: ratings of first follow-ups, the satisfied ones and the rate.</summary>
public sealed record SatisfactionRow(string Key, string Name, int Rated, int Satisfied, decimal? Rate, int Bad, IReadOnlyDictionary<string, int> Levels);

public sealed record RectificationSummary(int Opened, int Completed, int CompletedOnTime, int Open, int Overdue, int SecondRated, int SecondSatisfied, string Basis);

public sealed record QualitySummary(int Sampled, int Reviewed, decimal? AverageScore, string Source);

public sealed record SatisfactionReport(
    DateOnly From, DateOnly To, SatisfactionRow Total, IReadOnlyList<SatisfactionRow> ByServicePoint, IReadOnlyList<SatisfactionRow> ByStaff,
    string Definition, int PendingFollowUps, int OverdueFollowUps, int Unreachable, RectificationSummary Rectifications, QualitySummary Quality);

/// <summary>The satisfaction figures of a manager's service points, as the district reports them, with the definition.</summary>
public sealed class SatisfactionReports(FarunDbContext db, FollowUpAccess access, Farun.Features.Services.ServiceRules rules, TimeProvider time)
{
    public async Task<SatisfactionReport> BuildAsync(ClaimsPrincipal user, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var caller = await access.CallerAsync(user, ct);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var start = from ?? new DateOnly(today.Year, today.Month, 1);
        var end = to ?? today;
        if (end < start)
            throw BadRequestException.ForField("to", "结束日期不能早于开始日期。");
        // Instants in UTC: PostgreSQL takes only UTC, and SQLite's binary form orders correctly only at one offset.
        var lo = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var hi = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var points = caller.Scope.ServicePointIds;

        var inScope = db.FollowUps.AsNoTracking().Where(f => points.Contains(f.ServicePointId));
        var rated = await inScope.Where(f => f.Status == FollowUpStatus.Rated && f.RatedAt >= lo && f.RatedAt < hi).ToListAsync(ct);
        var first = rated.Where(f => f.Round == 1).ToList();
        var later = rated.Where(f => f.Round > 1).ToList();
        var pending = await inScope.CountAsync(f => f.Status == FollowUpStatus.Pending, ct);
        var overdue = await inScope.CountAsync(f => f.Status == FollowUpStatus.Pending && f.DueOn < today, ct);
        var unreachable = await inScope.CountAsync(f => f.Status == FollowUpStatus.Unreachable && f.CreatedAt >= lo && f.CreatedAt < hi, ct);
        var rects = await db.Rectifications.AsNoTracking().Where(r => points.Contains(r.ServicePointId) && r.OpenedAt >= lo && r.OpenedAt < hi).ToListAsync(ct);
        var reviews = await db.QualityReviews.AsNoTracking().Where(q => points.Contains(q.ServicePointId) && q.SampledAt >= lo && q.SampledAt < hi).ToListAsync(ct);
        var scored = reviews.Where(q => q.Score is not null).Select(q => q.Score!.Value).ToList();

        return new SatisfactionReport(
            start, end,
            Row("total", "合计", first),
            [.. first.GroupBy(f => f.ServicePointId).Select(g => Row(g.Key.ToString(), caller.Points.Name(g.Key), [.. g])).OrderBy(r => r.Name, StringComparer.Ordinal)],
            [.. first.GroupBy(f => (f.HandlerId, f.HandlerName)).Select(g => Row(g.Key.HandlerId?.ToString() ?? "", g.Key.HandlerName ?? "（未登记）", [.. g])).OrderBy(r => r.Name, StringComparer.Ordinal)],
            Satisfaction.RateDefinition,
            pending,
            overdue,
            unreachable,
            new RectificationSummary(rects.Count, rects.Count(r => !r.IsOpen), rects.Count(r => r.CompletedOnTime), rects.Count(r => r.IsOpen),
                rects.Count(r => r.IsOpen && today > r.DueOn), later.Count, later.Count(f => f.Level!.Value.CountsAsSatisfied()), rules.Rectification.Source),
            new QualitySummary(reviews.Count, scored.Count, scored.Count == 0 ? null : Math.Round((decimal)scored.Average(), 1), rules.SamplingSource));
    }

    /// <summary>The rate of one group: satisfied (基本满意 or better) over rated, one decimal, as the definition says.</summary>
    public static SatisfactionRow Row(string key, string name, IReadOnlyCollection<FollowUp> rated)
    {
        var satisfied = rated.Count(f => f.Level!.Value.CountsAsSatisfied());
        return new SatisfactionRow(key, name, rated.Count, satisfied,
            rated.Count == 0 ? null : Math.Round(100m * satisfied / rated.Count, 1, MidpointRounding.AwayFromZero),
            rated.Count(f => f.Level!.Value.IsBad()),
            Enum.GetValues<SatisfactionLevel>().OrderByDescending(l => l).ToDictionary(l => l.DisplayName(), l => rated.Count(f => f.Level == l)));
    }
}

/// <summary>The mediation figures' satisfaction: the first follow-up rating of each mediation case (as the rate's definition says).</summary>
public sealed class FollowUpSatisfactionSource(FarunDbContext db) : Farun.Web.Features.Mediation.IMediationSatisfactionSource
{
    public async Task<IReadOnlyList<(Guid CaseId, bool Satisfied)>> SatisfiedByCaseAsync(IReadOnlyList<Guid> caseIds, CancellationToken ct)
    {
        var rated = new List<(Guid, bool)>();
        foreach (var chunk in caseIds.Chunk(500))
        {
            var ids = chunk.ToList();
            var rows = await db.FollowUps.AsNoTracking()
                .Where(f => ids.Contains(f.CaseId) && f.Round == 1 && f.Status == FollowUpStatus.Rated)
                .Select(f => new { f.CaseId, f.Level })
                .ToListAsync(ct);
            rated.AddRange(rows.Select(r => (r.CaseId, r.Level!.Value.CountsAsSatisfied())));
        }

        return rated;
    }
}
