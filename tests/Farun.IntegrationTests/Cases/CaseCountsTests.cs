using System.Net;
using System.Text.Json.Nodes;
using Farun.Data;
using Farun.Features.Cases;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Cases;

/// <summary>The maintained case counts (<see cref="CaseCount"/>) against the cases themselves, and concurrent creation.</summary>
public sealed class CaseCountsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summary_AfterCreatesTransitionsTransfersAndGenerate_EqualsGroupByOverCases(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var officer = await app.StaffAsync("legalaid");
        var staff = await app.StaffAsync("staff");
        var manager = await app.StaffAsync("manager");

        // Bulk-written generated cases add their counts too.
        await app.App.Services.GetRequiredService<CaseGenerator>().GenerateAsync(60, 3, DateTimeOffset.UtcNow, null, CancellationToken.None);
        await AssertSummaryMatchesAsync(app);

        var consultations = new List<string>();
        for (var i = 0; i < 3; i++)
            consultations.Add(Id(await Api.CreateAsync(hotline, Api.Consultation())));
        var pending = Id(await Api.CreateAsync(hotline, Api.Consultation(answer: null)));
        var aid1 = Id(await Api.CreateAsync(officer, Api.LegalAid()));
        var aid2 = Id(await Api.CreateAsync(officer, Api.LegalAid()));
        await AssertSummaryMatchesAsync(app);

        // Transitions (one of them creating a linked case), an assignment, a transfer to another service point.
        await Api.ActAsync(hotline, pending, "answer", new { answerSummary = "可以申请劳动仲裁。" });
        await Api.ActAsync(hotline, consultations[0], "convert", new
        {
            to = "LegalAid",
            legalAid = new { matter = "LabourRemuneration", description = "被拖欠工资。", hardshipCommitment = false },
        });
        await Api.ActAsync(officer, aid1, "claim");
        await Api.ActAsync(officer, aid1, "grant", new { note = "符合条件" });
        var street = await StaffServicePointAsync(app);
        await Api.ActAsync(officer, aid2, "transfer", new { servicePointId = street, reason = "申请人居住在该街道" });
        await AssertSummaryMatchesAsync(app);

        // The counts endpoint answers from the summary and agrees with the list (the caller's visible cases).
        int total;
        await using (var scope = app.Scope())
            total = await scope.Get<FarunDbContext>().Cases.CountAsync();
        var all = await Api.ReadAsync(await manager.GetAsync("/api/cases/counts"), HttpStatusCode.OK);
        Assert.Equal(total, all["total"]!.GetValue<int>());
        foreach (var client in new[] { staff, officer, hotline, manager })
        {
            var counts = await Api.ReadAsync(await client.GetAsync("/api/cases/counts"), HttpStatusCode.OK);
            var list = await Api.ReadAsync(await client.GetAsync("/api/cases?pageSize=1"), HttpStatusCode.OK);
            Assert.Equal(list["total"]!.GetValue<int>(), counts["total"]!.GetValue<int>());
            var open = await Api.ReadAsync(await client.GetAsync("/api/cases/counts?open=true&type=LegalAid"), HttpStatusCode.OK);
            var openList = await Api.ReadAsync(await client.GetAsync("/api/cases?pageSize=1&open=true&type=LegalAid"), HttpStatusCode.OK);
            Assert.Equal(openList["total"]!.GetValue<int>(), open["total"]!.GetValue<int>());
        }

        var streetCounts = await Api.ReadAsync(await staff.GetAsync("/api/cases/counts?type=LegalAid"), HttpStatusCode.OK);
        Assert.Contains(streetCounts["groups"]!.AsArray(), g => g!["servicePointId"]!.GetValue<string>() == street && g["state"]!.GetValue<string>() == "Submitted");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summary_CaseDeletedThroughContext_CountGoesDown(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        await Api.CreateAsync(hotline, Api.Consultation());
        var id = Guid.Parse(Id(await Api.CreateAsync(hotline, Api.Consultation())));
        await using (var scope = app.Scope())
        {
            var db = scope.Get<FarunDbContext>();
            var c = await db.Cases.Include(x => x.Events).Include(x => x.Parties).Include(x => x.Consultation).FirstAsync(x => x.Id == id);
            await db.Set<Farun.Features.FollowUps.FollowUp>().Where(f => f.CaseId == id).ExecuteDeleteAsync();
            db.Cases.Remove(c);
            await db.SaveChangesAsync();
        }

        await AssertSummaryMatchesAsync(app);
        await using (var scope = app.Scope())
            Assert.Equal(1, await scope.Get<FarunDbContext>().CaseCounts.SumAsync(x => x.Count));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_FiftyInParallel_DistinctNumbersChainIntactCountsExact(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var officer = await app.StaffAsync("legalaid");
        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
            await Api.CreateAsync(i % 5 == 0 ? officer : hotline, i % 5 == 0 ? Api.LegalAid() : Api.Consultation())));
        var numbers = created.Select(c => c["number"]!.GetValue<string>()).ToList();
        Assert.Equal(50, numbers.Distinct().Count());
        Assert.Equal(40, numbers.Count(n => n.StartsWith("ZX-", StringComparison.Ordinal)));

        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        Assert.Equal(50, await db.Cases.CountAsync());
        var verify = await AuditCommands.VerifyAsync(db, CancellationToken.None);
        Assert.True(verify.IsIntact);
        Assert.Equal(50, await db.AuditEntries.CountAsync(a => a.Action == "case.create"));
        await AssertSummaryMatchesAsync(app);
    }

    [SkippableFact]
    public async Task Create_TwoNodesOnOnePostgres_DistinctNumbersChainIntact()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var settings = new Dictionary<string, string?> { ["Farun:Jobs:Enabled"] = "false", ["Farun:Cases:NumberBlockSize"] = "7" };
        await using var node1 = new FarunFactory(database, settings);
        await using var node2 = new FarunFactory(database, settings);
        _ = node1.Server;
        _ = node2.Server;
        var clients = new List<HttpClient>();
        foreach (var node in new[] { node1, node2 })
        {
            var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.PostLoginAsync(client, "hotline", StaffClient.DemoPassword)).StatusCode);
            clients.Add(client);
        }

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i => await Api.CreateAsync(clients[i % 2], Api.Consultation())));
        var numbers = created.Select(c => c["number"]!.GetValue<string>()).ToList();
        Assert.Equal(40, numbers.Distinct().Count());

        await using var scope = node1.Scope();
        var db = node1.Db(scope);
        Assert.True((await AuditCommands.VerifyAsync(db, CancellationToken.None)).IsIntact);
        Assert.Equal(40, await db.CaseCounts.SumAsync(x => x.Count));
    }

    private static async Task AssertSummaryMatchesAsync(CaseTestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        var expected = (await db.Cases.AsNoTracking().GroupBy(c => new { c.ServicePointId, c.Type, c.State })
                .Select(g => new { g.Key.ServicePointId, g.Key.Type, g.Key.State, Count = (long)g.Count() }).ToListAsync())
            .Select(g => $"{g.ServicePointId}/{g.Type}/{g.State}={g.Count}").Order(StringComparer.Ordinal).ToList();
        var actual = (await db.CaseCounts.AsNoTracking().Where(x => x.Count != 0).ToListAsync())
            .Select(g => $"{g.ServicePointId}/{g.Type}/{g.State}={g.Count}").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static async Task<string> StaffServicePointAsync(CaseTestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        return (await db.Users.Where(u => u.UserName == "staff").Select(u => u.ServicePointId).SingleAsync())!.Value.ToString();
    }

    private static string Id(JsonNode c) => c["id"]!.GetValue<string>();
}
