using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases.DemoData;

/// <summary>
/// Measures the workbench's queries exactly as the app runs them (<see cref="ListCases.Handler"/> in a fresh scope per
/// call, as a request would) and case creation through <c>POST /api/cases</c> against a running app.
/// </summary>
public static class CaseBenchmark
{
    public sealed record Timing(string Name, int Count, double P50, double P95, double Max, string Note);

    public static async Task<IReadOnlyList<Timing>> QueriesAsync(IServiceProvider services, int rounds, TextWriter output, CancellationToken ct)
    {
        List<(Guid Id, string Name, Guid ServicePointId, string Role)> staff;
        Guid? managerId;
        IReadOnlyList<Guid> district;
        int total;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            string[] frontLine = [Roles.Staff, Roles.HotlineAgent, Roles.LegalAidOfficer];
            var rows = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.ServicePointId != null && frontLine.Contains(r.Name!)
                              orderby u.UserName
                              select new { u.Id, u.FullName, ServicePointId = u.ServicePointId!.Value, Role = r.Name! }).ToListAsync(ct);
            staff = [.. rows.Select(r => (r.Id, r.FullName, r.ServicePointId, r.Role))];
            managerId = await (from u in db.Users.AsNoTracking()
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join r in db.Roles on ur.RoleId equals r.Id
                               where r.Name == Roles.Manager
                               orderby u.UserName
                               select (Guid?)u.Id).FirstOrDefaultAsync(ct);
            var directory = await scope.ServiceProvider.GetRequiredService<ServicePointDirectory>().GetAsync(ct);
            district = directory.Root is { } root ? directory.Subtree(root.Id) : [];
            total = await db.Cases.CountAsync(ct);
        }

        if (staff.Count == 0)
            throw new InvalidOperationException("No front-line staff accounts: run data generate first.");
        output.WriteLine($"Cases: {total:N0}; front-line handlers: {staff.Count}; measured {rounds} times each after 5 warm-up calls (ms).");
        var random = new Random(1);
        CallerScope StaffScope((Guid Id, string Name, Guid ServicePointId, string Role) s) =>
            new(CaseActor.Staff(s.Id, s.Name, s.ServicePointId, s.Role), ScopeKind.Staff, [s.ServicePointId], null);
        (Guid, string, Guid, string) AnyStaff() => staff[random.Next(staff.Count)];

        var results = new List<Timing>
        {
            await MeasureAsync(services, "我的待办 (list + overdue count)", rounds, async (sp, ct2) =>
            {
                var scope = StaffScope(AnyStaff());
                var r = await sp.GetRequiredService<ListCases.Handler>().HandleAsync(Request(mine: true), scope, ct2);
                var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
                var me = scope.UserId;
                await sp.GetRequiredService<FarunDbContext>().Cases.AsNoTracking().CountAsync(c => c.AssigneeId == me && c.IsOpen && c.DueSort <= now, ct2);
                return r.Total;
            }, ct),
            await MeasureAsync(services, "服务点待领取 (list)", rounds, async (sp, ct2) =>
                (await sp.GetRequiredService<ListCases.Handler>().HandleAsync(Request(queue: true), StaffScope(AnyStaff()), ct2)).Total, ct),
            await MeasureAsync(services, "统计 (one service point's staff)", rounds, async (sp, ct2) =>
                (await sp.GetRequiredService<ListCases.Handler>().CountsAsync(Request(), StaffScope(AnyStaff()), ct2)).Total, ct),
        };
        if (managerId is { } manager && district.Count > 0)
        {
            var scope = new CallerScope(CaseActor.Staff(manager, "管理人员", district[0], Roles.Manager), ScopeKind.Manager, district, null, AllServicePoints: true);
            results.Add(await MeasureAsync(services, "统计 (manager, whole district)", rounds, async (sp, ct2) =>
                (await sp.GetRequiredService<ListCases.Handler>().CountsAsync(Request(), scope, ct2)).Total, ct));
        }

        foreach (var t in results)
            output.WriteLine($"{t.Name,-40} p50 {t.P50,8:0.0}  p95 {t.P95,8:0.0}  max {t.Max,8:0.0}  {t.Note}");
        return results;
    }

    private static ListCases.Request Request(bool mine = false, bool queue = false) =>
        new(null, null, null, null, Mine: mine, Queue: queue, Overdue: false, Open: mine || queue ? true : null, Number: null, Page: 1, PageSize: 30);

    private static async Task<Timing> MeasureAsync(IServiceProvider services, string name, int rounds, Func<IServiceProvider, CancellationToken, Task<int>> query, CancellationToken ct)
    {
        var times = new List<double>(rounds);
        long rows = 0;
        for (var i = -5; i < rounds; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var n = await query(scope.ServiceProvider, ct);
            watch.Stop();
            if (i < 0)
                continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            rows += n;
        }

        times.Sort();
        return new Timing(name, rounds, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], $"(average {rows / rounds:N0} matching cases)");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Creates answered hotline consultations (each with a new person with an ID number and phone) from
    /// <paramref name="concurrency"/> clients for <paramref name="duration"/>; reports the sustained rate.</summary>
    public static async Task<(int Created, int Failed, double PerSecond)> HttpCreationAsync(Uri baseAddress, string token, TimeSpan duration, int concurrency, TextWriter output, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetAsync("/api/me", ct);
        if (me.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The token was not accepted: {(int)me.StatusCode}.");

        // ID numbers no earlier run used: region 519800 (not a real county), a sequence starting from the clock.
        var sequence = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 1_000_000 * 1000;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        int created = 0, failed = 0;
        string? firstError = null;
        var watch = Stopwatch.StartNew();
        var end = watch.Elapsed + duration;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < end && !ct.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var birth = new DateOnly(1950, 1, 1).AddDays((int)(n % 20_000));
                var first17 = $"519800{birth:yyyyMMdd}{n / 20_000 % 1000:000}";
                var body = new
                {
                    type = "Consultation",
                    channel = "Hotline12348",
                    applicant = new
                    {
                        person = new
                        {
                            name = "压测" + n.ToString(CultureInfo.InvariantCulture)[^4..],
                            idNumber = first17 + ChineseIdCard.ComputeCheckCharacter(first17),
                            phone = "137" + (n % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture),
                        },
                    },
                    consultation = new { question = "公司拖欠三个月工资怎么办？", domain = "Labour", answerSummary = "可向劳动人事争议仲裁委员会申请仲裁。", durationMinutes = 5 },
                };
                var started = watch.Elapsed;
                using var response = await client.PostAsJsonAsync("/api/cases", body, ct);
                latencies.Add((watch.Elapsed - started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref created);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    firstError ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = latencies.OrderBy(x => x).ToList();
        var rate = created / elapsed;
        output.WriteLine($"HTTP POST /api/cases: {created} created, {failed} failed in {elapsed:0.0} s with {concurrency} clients = {rate:0} cases/s; "
            + $"latency p50 {Percentile(sorted, 0.5):0.0} ms, p95 {Percentile(sorted, 0.95):0.0} ms");
        if (firstError is not null)
            output.WriteLine("First error: " + firstError[..Math.Min(300, firstError.Length)]);
        return (created, failed, rate);
    }
}
