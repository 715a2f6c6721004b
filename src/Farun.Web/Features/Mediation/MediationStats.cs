using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Mediation;

/// <summary>
/// GET /api/mediation/stats — the figures the district reports on people's mediation for a period, in total and by
/// committee, police station and dispute type, within the manager's scope. Every figure carries its definition.
/// </summary>
public static class MediationStats
{
    public static readonly IReadOnlyDictionary<string, string> Definitions = new Dictionary<string, string>
    {
        ["registered"] = "调解纠纷数：统计期内登记受理的人民调解事项数（含当事人申请、公调对接、诉调对接、访调对接和主动调解）。",
        ["agreements"] = "调解成功数：上述事项中达成调解协议（书面调解协议书或口头协议，《人民调解法》第二十八条）的件数。",
        ["successRate"] = "调解成功率 = 调解成功数 ÷ 已结束调解数 × 100%；已结束调解数 = 达成协议 + 调解不成（第二十六条）+ 当事人拒绝调解（第十七条），仍在调解中的不计入。",
        ["consultations"] = "咨询数：统计期内在相关服务点登记的法律咨询事项数（仅合计行统计）。",
        ["amountInvolved"] = "涉及金额：上述调解事项登记的争议金额合计（元）。",
        ["satisfaction"] = "满意率 = （非常满意 + 满意 + 基本满意）评价数 ÷ 有效评价总数 × 100%；尚无评价时不显示。",
    };

    public sealed record Request(DateOnly? From, DateOnly? To);

    public sealed record Row(string Key, string Name, int Registered, int Agreements, int Ended, decimal? SuccessRate, int InProgress, decimal AmountInvolved, int? Consultations, decimal? Satisfaction, int Ratings);

    public sealed record Response(DateOnly From, DateOnly To, Row Total, IReadOnlyList<Row> ByCommittee, IReadOnlyList<Row> ByPoliceStation, IReadOnlyList<Row> ByDisputeType, IReadOnlyDictionary<string, string> Definitions);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => x.From is null || x.To is null || x.From <= x.To).WithName("from").WithMessage("开始日期不能晚于结束日期。");
            RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= 3660).WithName("to").WithMessage("统计期不能超过十年。");
        }
    }

    private sealed record Item(Guid CaseId, Guid CommitteeId, string CommitteeName, string? PoliceStation, DisputeType DisputeType, MediationOutcome? Outcome, decimal? Amount);

    public sealed class Handler(CaseAccess access, Farun.Data.FarunDbContext db, TimeProvider time, IEnumerable<IMediationSatisfactionSource> satisfaction)
    {
        public async Task<Response> HandleAsync(Request r, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ScopeAsync(user, ct);
            var today = ChinaTime.DateOf(time.GetUtcNow());
            var from = r.From ?? new DateOnly(today.Year, 1, 1);
            var to = r.To ?? today;
            var start = ChinaTime.StartOf(from).ToUniversalTime();
            var end = ChinaTime.StartOf(to.AddDays(1)).ToUniversalTime();
            var visible = access.Visible(scope).Where(c => c.CreatedAt >= start && c.CreatedAt < end);
            var items = await visible.Where(c => c.Type == CaseType.Mediation)
                .Join(db.MediationDetails, c => c.Id, d => d.CaseId, (c, d) => new Item(c.Id, d.CommitteeId, d.CommitteeName, d.PoliceStation, d.DisputeType, d.Outcome, d.AmountInvolved))
                .ToListAsync(ct);
            var consultations = await visible.CountAsync(c => c.Type == CaseType.Consultation, ct);
            var ratings = new Dictionary<Guid, bool>();
            foreach (var source in satisfaction)
            {
                foreach (var (caseId, satisfied) in await source.SatisfiedByCaseAsync([.. items.Select(i => i.CaseId)], ct))
                    ratings[caseId] = satisfied;
            }

            Row Make(string key, string name, IReadOnlyCollection<Item> g, int? consult)
            {
                var agreements = g.Count(i => i.Outcome is MediationOutcome.WrittenAgreement or MediationOutcome.OralAgreement);
                var ended = g.Count(i => i.Outcome is not null);
                var rated = g.Where(i => ratings.ContainsKey(i.CaseId)).ToList();
                return new Row(key, name, g.Count, agreements, ended, ended == 0 ? null : Math.Round(100m * agreements / ended, 1),
                    g.Count - ended, g.Sum(i => i.Amount ?? 0m), consult,
                    rated.Count == 0 ? null : Math.Round(100m * rated.Count(i => ratings[i.CaseId]) / rated.Count, 1), rated.Count);
            }

            return new Response(from, to, Make("total", "合计", items, consultations),
                [.. items.GroupBy(i => (i.CommitteeId, i.CommitteeName)).OrderBy(g => g.Key.CommitteeName, StringComparer.Ordinal)
                    .Select(g => Make(g.Key.CommitteeId.ToString(), g.Key.CommitteeName, [.. g], null))],
                [.. items.Where(i => i.PoliceStation is not null).GroupBy(i => i.PoliceStation!).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => Make(g.Key, g.Key, [.. g], null))],
                [.. items.GroupBy(i => i.DisputeType).OrderBy(g => g.Key).Select(g => Make(g.Key.ToString(), g.Key.DisplayName(), [.. g], null))],
                Definitions);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/mediation/stats", async Task<Ok<Response>> ([AsParameters] Request request, Handler h, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await h.HandleAsync(request, http.User, ct)))
            .Validate<Request>()
            .WithName("MediationStats")
            .WithSummary("人民调解统计：调解纠纷数、调解成功率、咨询数、涉及金额、满意率，按统计期、调解委员会、派出所和纠纷类型（附指标口径）");
}

/// <summary>Where satisfaction ratings of mediation cases come from (the follow-up feature); true = satisfied or better.</summary>
public interface IMediationSatisfactionSource
{
    Task<IReadOnlyList<(Guid CaseId, bool Satisfied)>> SatisfiedByCaseAsync(IReadOnlyList<Guid> caseIds, CancellationToken ct);
}
