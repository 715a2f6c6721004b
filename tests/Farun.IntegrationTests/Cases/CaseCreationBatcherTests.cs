using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Farun.Data;
using Farun.Features.Identity;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Cases;

/// <summary>Group commit of case creation (<see cref="CaseCreationBatcher"/>): what a worker does with the creations it
/// finds waiting, on both databases.</summary>
public sealed class CaseCreationBatcherTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunBatch_FiveValid_SavedTogetherEachWithItsOwnCallerAndAnswer(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var batcher = app.App.Services.GetRequiredService<CaseCreationBatcher>();
        var hotline = await CallerAsync(app, "hotline");
        var officer = await CallerAsync(app, "legalaid");
        var before = batcher.Statistics;

        var tasks = await batcher.RunBatchAsync(
        [
            (Request(Api.Consultation(question: "第一位：工资被拖欠")), hotline),
            (Request(Api.LegalAid()), officer),
            (Request(Api.Consultation(question: "第三位：工伤认定")), hotline),
            (Request(Api.Consultation(question: "第四位：加班费")), hotline),
            (Request(Api.LegalAid()), officer),
        ], CancellationToken.None);

        var responses = await Task.WhenAll(tasks);
        Assert.Equal(5, batcher.Statistics.Together - before.Together);
        Assert.Equal(before.Alone, batcher.Statistics.Alone);
        Assert.Equal(["Consultation", "LegalAid", "Consultation", "Consultation", "LegalAid"], responses.Select(r => r.Case.Type.ToString()));
        Assert.Equal("第三位：工伤认定", responses[2].Case.Consultation!.Question);
        Assert.Equal(5, responses.Select(r => r.Case.Number).Distinct().Count());

        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        var ids = responses.Select(r => r.Case.Id).ToList();
        Assert.Equal(5, await db.Cases.CountAsync(c => ids.Contains(c.Id)));
        Assert.True((await AuditCommands.VerifyAsync(db, CancellationToken.None)).IsIntact);

        // Each creation's audit entry names the caller who sent it, though one worker opened them all.
        var creators = await db.AuditEntries.Where(a => a.Action == "case.create").Select(a => new { a.EntityId, a.ActorName }).ToListAsync();
        Assert.Equal(5, creators.Count);
        for (var i = 0; i < 5; i++)
        {
            var expected = (i is 1 or 4 ? officer : hotline).User.Identity!.Name;
            Assert.Equal(expected, creators.Single(c => c.EntityId == ids[i].ToString()).ActorName);
        }

        Assert.Equal(5, await db.CaseCounts.SumAsync(x => x.Count));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunBatch_OneFails_OthersSavedAloneFailureIsItsOwnNoNumberLost(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var batcher = app.App.Services.GetRequiredService<CaseCreationBatcher>();
        var hotline = await CallerAsync(app, "hotline");
        var before = batcher.Statistics;

        // The unknown person is found only against the data, after the first two cases were opened in the unit of work.
        var tasks = await batcher.RunBatchAsync(
        [
            (Request(Api.Consultation()), hotline),
            (Request(Api.Consultation()), hotline),
            (Request(Api.Consultation(applicant: new { personId = Guid.NewGuid() })), hotline),
            (Request(Api.Consultation()), hotline),
        ], CancellationToken.None);

        var error = await Assert.ThrowsAsync<BadRequestException>(() => tasks[2]);
        Assert.Equal(["未找到该人员。"], error.Errors["applicant.personId"]);
        var saved = await Task.WhenAll(tasks[0], tasks[1], tasks[3]);
        Assert.Equal(4, batcher.Statistics.Alone - before.Alone);
        Assert.Equal(before.Together, batcher.Statistics.Together);

        // The numbers of the abandoned batch were issued again: three cases, three consecutive numbers.
        var serials = saved.Select(r => long.Parse(r.Case.Number[(r.Case.Number.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(2, serials[^1] - serials[0]);
        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        Assert.Equal(3, await db.Cases.CountAsync());
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "case.create"));
        Assert.True((await AuditCommands.VerifyAsync(db, CancellationToken.None)).IsIntact);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunBatch_SameNewPersonTwice_OnePersonRegisteredBothCasesSaved(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var batcher = app.App.Services.GetRequiredService<CaseCreationBatcher>();
        var hotline = await CallerAsync(app, "hotline");
        var person = new { person = new { name = "赵六", phone = Api.NewMobile(), idNumber = Api.NewIdNumber() } };

        // Neither sees the other's new person before saving: the unique ID number fails the batch, and alone the second
        // finds the person the first registered.
        var tasks = await batcher.RunBatchAsync(
            [(Request(Api.Consultation(applicant: person)), hotline), (Request(Api.Consultation(applicant: person)), hotline)], CancellationToken.None);

        var responses = await Task.WhenAll(tasks);
        Assert.Equal(responses[0].Case.Parties.Single().PersonId, responses[1].Case.Parties.Single().PersonId);
        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        Assert.Equal(1, await db.Persons.CountAsync(p => p.Name == "赵六"));
        Assert.Equal(2, await db.Cases.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_WorkersOff_EachRequestCreatesItsOwn(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Farun:Cases:CreateWorkers"] = "0" });
        var batcher = app.App.Services.GetRequiredService<CaseCreationBatcher>();
        var hotline = await app.StaffAsync("hotline");

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Api.CreateAsync(hotline, Api.Consultation())));

        Assert.Equal(6, created.Select(c => c["number"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal((0L, 0L), batcher.Statistics);
        var bad = await Api.PostAsync(hotline, "/api/cases", Api.Consultation(applicant: new { personId = Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ThroughWorkers_ErrorsAnsweredAsWithoutBatching(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var batcher = app.App.Services.GetRequiredService<CaseCreationBatcher>();
        var hotline = await app.StaffAsync("hotline");
        var before = batcher.Statistics;

        var good = Api.PostAsync(hotline, "/api/cases", Api.Consultation());
        var unknown = Api.PostAsync(hotline, "/api/cases", Api.Consultation(applicant: new { personId = Guid.NewGuid() }));
        var problem = await Api.ReadAsync(await unknown, HttpStatusCode.BadRequest);
        await Api.ReadAsync(await good, HttpStatusCode.Created);

        Assert.Equal("未找到该人员。", problem["errors"]!["applicant.personId"]![0]!.GetValue<string>());
        var after = batcher.Statistics;
        Assert.Equal(2, after.Together + after.Alone - before.Together - before.Alone);
    }

    private static CreateCase.Request Request(object body) =>
        JsonSerializer.Deserialize<CreateCase.Request>(JsonSerializer.Serialize(body, CaseTestApp.Json), CaseTestApp.Json)!;

    /// <summary>A request of a signed-in staff member, with the claims their sign-in issues.</summary>
    private static async Task<HttpContext> CallerAsync(CaseTestApp app, string userName)
    {
        await using var scope = app.Scope();
        var user = await scope.Get<UserManager<StaffUser>>().FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        ClaimsPrincipal principal = await scope.Get<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
        return new DefaultHttpContext { User = principal };
    }
}
