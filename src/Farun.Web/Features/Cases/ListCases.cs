using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>
/// GET /api/cases — the caller's visible cases, filtered (type, state, channel, service point, assigned to me, the
/// service point's queue, overdue, open) and paged, sorted by priority then deadline (cases without a deadline last).
/// GET /api/cases/counts — counts by type, state and service point within the caller's scope.
/// </summary>
public static class ListCases
{
    public const int MaxPageSize = 100;

    public sealed record Request(
        CaseType? Type, CaseState? State, CaseChannel? Channel, Guid? ServicePointId, bool? Mine, bool? Queue, bool? Overdue, bool? Open,
        string? Number, int? Page, int? PageSize);

    public sealed record Response(int Page, int PageSize, int Total, IReadOnlyList<CaseListItem> Items);

    public sealed record CountRow(CaseType Type, string TypeName, CaseState State, string StateName, Guid ServicePointId, string ServicePointName, int Count);

    public sealed record CountsResponse(int Total, IReadOnlyList<CountRow> Groups);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Type).IsInEnum().When(x => x.Type is not null).WithMessage("未知的服务事项类型。");
            RuleFor(x => x.State).IsInEnum().When(x => x.State is not null).WithMessage("未知的状态。");
            RuleFor(x => x.Channel).IsInEnum().When(x => x.Channel is not null).WithMessage("未知的来源渠道。");
            RuleFor(x => x.Number).MaximumLength(32).NoControlCharacters().WithName("编号");
            RuleFor(x => x.Page).InclusiveBetween(1, 100_000).When(x => x.Page is not null).WithMessage("页码须在1到100000之间。");
            RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize).When(x => x.PageSize is not null).WithMessage($"每页条数须在1到{MaxPageSize}之间。");
        }
    }

    public sealed class Handler(CaseAccess access, ServicePointDirectory directory, CaseRules rules, TimeProvider time)
    {
        public async Task<Response> HandleAsync(Request r, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
            await HandleAsync(r, await access.ScopeAsync(user, ct), ct);

        public async Task<Response> HandleAsync(Request r, CallerScope scope, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var page = r.Page ?? 1;
            var size = r.PageSize ?? 20;
            var q = Filter(access.Visible(scope).AsNoTracking(), r, scope, now);
            var total = await q.CountAsync(ct);
            var rows = await q
                .OrderByDescending(c => c.Priority).ThenBy(c => c.DueSort).ThenByDescending(c => c.CreatedAt)
                .Skip((page - 1) * size).Take(size)
                .Select(c => new
                {
                    c.Id,
                    c.Number,
                    c.Type,
                    c.State,
                    c.Channel,
                    c.ServicePointId,
                    c.Priority,
                    c.AssigneeId,
                    c.AssigneeName,
                    c.ApplicantName,
                    c.Summary,
                    c.DueOn,
                    c.DueSort,
                    c.CreatedAt,
                })
                .ToListAsync(ct);
            var sps = await directory.GetAsync(ct);
            var nowUnix = now.ToUnixTimeSeconds();
            return new Response(page, size, total, [.. rows.Select(c =>
            {
                var overdue = c.DueSort != Case.NoDeadline && nowUnix >= c.DueSort;
                var dueSoon = !overdue && c.DueOn is { } due && CaseMapping.Status(due, now, rules, WorkingDayCalendar.China) == DeadlineStatus.DueSoon;
                return new CaseListItem(c.Id, c.Number, c.Type, c.Type.DisplayName(), c.State, c.State.DisplayName(), c.Channel, c.Channel.DisplayName(),
                    c.ServicePointId, sps.Name(c.ServicePointId), c.Priority, c.AssigneeId, c.AssigneeName, c.ApplicantName, c.Summary,
                    c.DueOn, overdue, dueSoon, c.CreatedAt);
            })]);
        }

        public async Task<CountsResponse> CountsAsync(Request r, CallerScope scope, CancellationToken ct)
        {
            var filter = r with { Page = null, PageSize = null };
            var now = time.GetUtcNow();
            // The maintained summary answers filters on type, state, service point and open/closed; the other filters
            // (channel, mine, queue, overdue, number) need the cases themselves.
            var summary = filter is { Channel: null, Mine: not true, Queue: not true, Overdue: not true } && string.IsNullOrWhiteSpace(filter.Number);
            List<(CaseType Type, CaseState State, Guid ServicePointId, int Count)> groups;
            if (summary && scope is { Kind: ScopeKind.Manager, AllServicePoints: true })
            {
                groups = await SummaryAsync(null, filter, excludeComplaints: false, ct);
            }
            else if (scope.Kind is ScopeKind.Staff or ScopeKind.Manager && !scope.AllServicePoints && scope.ServicePointIds.Count > 0)
            {
                // The visible cases as disjoint parts, each answered from the summary or an index: the cases of the scope's
                // service points, and those elsewhere assigned to the caller or to them as lawyer.
                var points = scope.ServicePointIds;
                var only = points[0];
                var single = points.Count == 1;
                var me = scope.UserId;
                var staff = scope.Kind == ScopeKind.Staff;
                var cases = access.Db.Cases.AsNoTracking();
                var own = single ? cases.Where(c => c.ServicePointId == only) : cases.Where(c => points.Contains(c.ServicePointId));
                var outside = single ? cases.Where(c => c.ServicePointId != only) : cases.Where(c => !points.Contains(c.ServicePointId));
                // Disjoint parts, each a range of its own index (an OR of two columns defeats SQLite's planner). Assigned to
                // the caller: a covering range of the (assignee, service point, type, state) index.
                var assigned = outside.Where(c => c.AssigneeId == me);
                var lawyer = outside.Where(c => c.LawyerUserId == me && (c.AssigneeId == null || c.AssigneeId != me));
                if (staff)
                {
                    // As in CaseAccess.Apply: front-line staff see only the complaints they registered or handle (always
                    // true of the cases assigned to them).
                    own = own.Where(c => c.Type != CaseType.Complaint || c.CreatedById == me || c.AssigneeId == me);
                    lawyer = lawyer.Where(c => c.Type != CaseType.Complaint || c.CreatedById == me);
                }

                List<(CaseType Type, CaseState State, Guid ServicePointId, int Count)> ownGroups;
                if (!summary)
                {
                    ownGroups = await GroupAsync(Filter(own, filter, scope, now), ct);
                }
                else if (staff)
                {
                    // Complaints of the service point are counted from the cases (the caller's own, a short index range).
                    var ownComplaints = own.Where(c => c.Type == CaseType.Complaint);
                    ownGroups = [.. await SummaryAsync(points, filter, excludeComplaints: true, ct), .. await GroupAsync(Filter(ownComplaints, filter, scope, now), ct)];
                }
                else
                {
                    ownGroups = await SummaryAsync(points, filter, excludeComplaints: false, ct);
                }

                groups = [.. ownGroups
                    .Concat(await GroupAsync(Filter(assigned, filter, scope, now), ct))
                    .Concat(await GroupAsync(Filter(lawyer, filter, scope, now), ct))
                    .GroupBy(g => (g.Type, g.State, g.ServicePointId)).Select(g => (g.Key.Type, g.Key.State, g.Key.ServicePointId, g.Sum(x => x.Count)))];
            }
            else
            {
                groups = await GroupAsync(Filter(access.Visible(scope).AsNoTracking(), filter, scope, now), ct);
            }

            var sps = await directory.GetAsync(ct);
            return new CountsResponse(groups.Sum(g => g.Count), [.. groups
                .OrderBy(g => g.Type).ThenBy(g => g.State).ThenBy(g => sps.Name(g.ServicePointId), StringComparer.Ordinal)
                .Select(g => new CountRow(g.Type, g.Type.DisplayName(), g.State, g.State.DisplayName(), g.ServicePointId, sps.Name(g.ServicePointId), g.Count))]);
        }

        /// <summary>Counts of the cases at <paramref name="points"/> (every service point when null) from the maintained
        /// summary (<see cref="CaseCount"/>): a few hundred rows whatever the number of cases.</summary>
        private async Task<List<(CaseType Type, CaseState State, Guid ServicePointId, int Count)>> SummaryAsync(
            IReadOnlyList<Guid>? points, Request filter, bool excludeComplaints, CancellationToken ct)
        {
            var q = access.Db.CaseCounts.AsNoTracking().Where(x => x.Count > 0);
            if (points is [var only])
                q = q.Where(x => x.ServicePointId == only);
            else if (points is not null)
                q = q.Where(x => points.Contains(x.ServicePointId));
            if (excludeComplaints)
                q = q.Where(x => x.Type != CaseType.Complaint);
            if (filter.Type is { } type)
                q = q.Where(x => x.Type == type);
            if (filter.State is { } state)
                q = q.Where(x => x.State == state);
            if (filter.ServicePointId is { } sp)
                q = q.Where(x => x.ServicePointId == sp);
            var rows = await q.ToListAsync(ct);
            return [.. rows
                .Where(x => filter.Open is not { } open || (CaseWorkflow.IsSupported(x.Type) && CaseWorkflow.For(x.Type).Has(x.State) && CaseWorkflow.For(x.Type).Info(x.State).IsOpen == open))
                .Select(x => (x.Type, x.State, x.ServicePointId, checked((int)x.Count)))];
        }

        /// <summary>Grouped in the order of the (service point, type, state) index, so the database aggregates while it scans.</summary>
        private static async Task<List<(CaseType Type, CaseState State, Guid ServicePointId, int Count)>> GroupAsync(IQueryable<Case> q, CancellationToken ct) =>
            [.. (await q.GroupBy(c => new { c.ServicePointId, c.Type, c.State })
                .Select(g => new { g.Key.ServicePointId, g.Key.Type, g.Key.State, Count = g.Count() })
                .ToListAsync(ct)).Select(g => (g.Type, g.State, g.ServicePointId, g.Count))];

        private static IQueryable<Case> Filter(IQueryable<Case> q, Request r, CallerScope scope, DateTimeOffset now)
        {
            var me = scope.UserId;
            if (r.Type is { } type)
                q = q.Where(c => c.Type == type);
            if (r.State is { } state)
                q = q.Where(c => c.State == state);
            if (r.Channel is { } channel)
                q = q.Where(c => c.Channel == channel);
            if (r.ServicePointId is { } sp)
                q = q.Where(c => c.ServicePointId == sp);
            if (r.Mine == true)
                q = q.Where(c => c.AssigneeId == me && c.IsOpen);
            if (r.Queue == true)
            {
                var mySp = scope.Actor.ServicePointId;
                q = q.Where(c => c.AssigneeId == null && c.IsOpen && c.ServicePointId == mySp);
            }

            if (r.Open is { } open)
                q = q.Where(c => c.IsOpen == open);
            if (r.Overdue == true)
            {
                var nowUnix = now.ToUnixTimeSeconds();
                q = q.Where(c => c.IsOpen && c.DueSort <= nowUnix);
            }

            if (!string.IsNullOrWhiteSpace(r.Number))
            {
                var number = r.Number.Trim().ToUpperInvariant();
                q = q.Where(c => c.Number == number);
            }

            return q;
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/cases", async Task<Ok<Response>> ([AsParameters] Request request, Handler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, http.User, ct)))
            .Validate<Request>()
            .WithName("ListCases")
            .WithSummary("服务事项列表：按类型、状态、渠道、服务点、本人待办、服务点待领取、超期筛选，按优先级和期限排序");
        app.MapGet("/cases/counts", async Task<Ok<CountsResponse>> ([AsParameters] Request request, Handler handler, CaseAccess access, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.CountsAsync(request, await access.ScopeAsync(http.User, ct), ct)))
            .Validate<Request>()
            .WithName("CountCases")
            .WithSummary("按类型、状态、服务点统计可见的服务事项数量");
    }
}
