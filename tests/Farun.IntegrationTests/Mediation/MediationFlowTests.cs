using System.Net;
using System.Text.Json.Nodes;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Mediation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Mediation;

public sealed class MediationFlowTests
{
    public static async Task<JsonNode> StationedLawyerAsync(HttpClient client) =>
        (await Api.ReadAsync(await client.GetAsync("/api/mediation/mediators?stationed=true"), HttpStatusCode.OK)).AsArray().First()!;

    public static async Task<string> CommitteeIdAsync(HttpClient client) =>
        (await Api.ReadAsync(await client.GetAsync("/api/mediation/committees"), HttpStatusCode.OK)).AsArray()
            .First(c => c!["name"]!.GetValue<string>() == MediationDemoSeeder.StreetCommittee)!["id"]!.GetValue<string>();

    public static object PoliceReferral(string committeeId, string? stationedLawyerId) => new
    {
        type = "Mediation",
        channel = "PoliceReferral",
        applicant = new { person = new { name = "张三", phone = Api.NewMobile(), idNumber = Api.NewIdNumber() } },
        parties = new object[] { new { role = "OpposingParty", person = new { name = "李四", phone = Api.NewMobile() } } },
        mediation = new
        {
            source = "PoliceReferral",
            disputeType = "Damages",
            description = "双方因停车剐蹭发生口角，派出所出警后移送调解。",
            amountInvolved = 3000m,
            committeeId,
            police = new { station = MediationDemoSeeder.PoliceStation, officerName = "刘警官", incidentNumber = "JQ2026030200123", stationedLawyerId },
        },
    };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PoliceReferral_SessionAgreementDocumentReminderPerformance_OneAuditedRecord(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var mediator = await app.StaffAsync("mediator");
        var committee = await CommitteeIdAsync(mediator);
        var lawyer = await StationedLawyerAsync(mediator);
        var created = await Api.CreateAsync(mediator, PoliceReferral(committee, lawyer["id"]!.GetValue<string>()));
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("Mediating", created["state"]!.GetValue<string>());
        Assert.StartsWith("TJ-", created["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("JQ2026030200123", created["mediation"]!["incidentNumber"]!.GetValue<string>());
        Assert.Equal(MediationDemoSeeder.StationedLawyer, created["mediation"]!["mediatorName"]!.GetValue<string>());
        Assert.Equal("Police", created["referrals"]!.AsArray().Single()!["body"]!.GetValue<string>());
        Assert.Equal("MediationPeriod", created["deadline"]!["purpose"]!.GetValue<string>());
        // No outcome before a session is recorded (《人民调解法》第二十七条).
        Assert.DoesNotContain("record-agreement", Api.Strings(created["allowedActions"]));

        await Api.ActAsync(mediator, id, "record-session", new
        {
            heldAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            mode = "InPerson",
            place = "南湖派出所调解室",
            attendees = "张三、李四、吴律师",
            minutes = "双方陈述经过，调解员释明责任划分。",
        });
        var today = Farun.Common.Calendar.ChinaTime.Today();
        var agreed = await Api.ActAsync(mediator, id, "record-agreement", new
        {
            facts = "双方停车时发生剐蹭，李四负全部责任。",
            terms = "李四赔偿张三修车费3000元。",
            performanceMethod = "微信转账",
            performanceDueOn = today.AddDays(7),
            signedOn = today,
        });
        Assert.Equal("AgreementReached", agreed["state"]!.GetValue<string>());
        Assert.Equal("JudicialConfirmationWindow", agreed["deadline"]!["purpose"]!.GetValue<string>());
        Assert.Equal(30, agreed["deadline"]!["days"]!.GetValue<int>());
        Assert.True(agreed["mediation"]!["confirmationWindow"]!["running"]!.GetValue<bool>());

        var docx = await mediator.GetAsync($"/api/cases/{id}/mediation/agreement.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(AgreementDocuments.DocxContentType, docx.Content.Headers.ContentType!.MediaType);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("人民调解协议书", text);
        Assert.Contains("李四赔偿张三修车费3000元。", text);
        Assert.Contains("第二十九条", text);
        Assert.Contains("三十日内共同向人民法院申请司法确认", text);

        // The reminder is raised once, even when two nodes run the job at the same moment.
        var reminders = app.App.Services.GetRequiredService<ConfirmationReminders>();
        var soon = DateTimeOffset.UtcNow.AddDays(27);
        var runs = await Task.WhenAll(reminders.RunAsync(soon), reminders.RunAsync(soon));
        Assert.Equal(1, runs.Sum(r => r.Reminded));
        Assert.Equal(0, (await reminders.RunAsync(soon)).Reminded);
        var reminded = await Api.GetCaseAsync(mediator, id);
        Assert.Single(reminded["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Alert" && e["text"]!.GetValue<string>().Contains("申请司法确认的期限", StringComparison.Ordinal));

        // After the window the clock stops; follow-up of performance goes on.
        var lapsed = await reminders.RunAsync(DateTimeOffset.UtcNow.AddDays(40));
        Assert.Equal(1, lapsed.Lapsed);
        var after = await Api.GetCaseAsync(mediator, id);
        Assert.Null(after["deadline"]);
        Assert.Contains("complete-performance", Api.Strings(after["allowedActions"]));
        var closed = await Api.ActAsync(mediator, id, "complete-performance", new { note = "已全额转账。" });
        Assert.Equal("Closed", closed["state"]!.GetValue<string>());

        await using var scope = app.Scope();
        var db = scope.Get<Farun.Data.FarunDbContext>();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Case").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["case.create", "case.record-session", "case.record-agreement", "mediation.agreement", "case.complete-performance"], actions);
        Assert.Equal(1, await db.MediationReminders.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartyApplication_PartyRefuses_EndedAndCountedInStats(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var mediator = await app.StaffAsync("mediator");
        var committee = await CommitteeIdAsync(mediator);
        var created = await Api.CreateAsync(mediator, new
        {
            type = "Mediation",
            channel = "WalkIn",
            applicant = new { person = new { name = "王五", phone = Api.NewMobile() } },
            parties = new object[] { new { role = "OpposingParty", person = new { name = "赵六" } } },
            mediation = new { source = "PartyApplication", disputeType = "Neighbourhood", description = "邻居装修噪音。", committeeId = committee },
        });
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("MediationRegistered", created["state"]!.GetValue<string>());
        var candidates = await Api.ReadAsync(await mediator.GetAsync($"/api/cases/{id}/mediator-candidates"), HttpStatusCode.OK);
        Assert.True(candidates.AsArray().First()!["specialtyMatches"]!.GetValue<bool>());
        var opposing = created["parties"]!.AsArray().First(p => p!["role"]!.GetValue<string>() == "OpposingParty")!["id"]!.GetValue<string>();
        var ended = await Api.ActAsync(mediator, id, "party-refuses", new { partyId = opposing, statement = "明确表示不接受调解。" });
        Assert.Equal("MediationEnded", ended["state"]!.GetValue<string>());
        Assert.Equal("PartyRefused", ended["mediation"]!["outcome"]!.GetValue<string>());

        // Illegal now: 409 naming what is allowed.
        var conflict = await Api.ReadAsync(await Api.PostAsync(mediator, $"/api/cases/{id}/actions/assign-mediator", new { mediatorId = Guid.NewGuid() }), HttpStatusCode.Conflict);
        Assert.Equal(["note"], Api.Strings(conflict["allowedActions"]));

        var manager = await app.StaffAsync("manager");
        var stats = await Api.ReadAsync(await manager.GetAsync("/api/mediation/stats"), HttpStatusCode.OK);
        Assert.Equal(1, stats["total"]!["registered"]!.GetValue<int>());
        Assert.Equal(1, stats["total"]!["ended"]!.GetValue<int>());
        Assert.Equal(0m, stats["total"]!["successRate"]!.GetValue<decimal>());
        Assert.Equal("邻里", stats["byDisputeType"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Contains("调解成功率", stats["definitions"]!["successRate"]!.GetValue<string>());
        Assert.Equal(0, stats["total"]!["ratings"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.GetAsync("/api/mediation/stats")).StatusCode);

        // The ended case gets its follow-up; the rating shows in the mediation figures' satisfaction.
        var followUps = await Api.ReadAsync(await manager.GetAsync("/api/follow-ups?status=Pending"), HttpStatusCode.OK);
        var followUp = followUps.AsArray().Single(f => f!["caseId"]!.GetValue<string>() == id)!["id"]!.GetValue<string>();
        await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{followUp}/rating", new { level = "BasicallySatisfied" }), HttpStatusCode.OK);
        var rated = await Api.ReadAsync(await manager.GetAsync("/api/mediation/stats"), HttpStatusCode.OK);
        Assert.Equal(1, rated["total"]!["ratings"]!.GetValue<int>());
        Assert.Equal(100m, rated["total"]!["satisfaction"]!.GetValue<decimal>());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateMediation_BadInput_FieldErrors(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var mediator = await app.StaffAsync("mediator");
        var committee = await CommitteeIdAsync(mediator);
        var noPolice = await Api.ReadAsync(await Api.PostAsync(mediator, "/api/cases", new
        {
            type = "Mediation",
            channel = "PoliceReferral",
            applicant = new { person = new { name = "张三" } },
            parties = new object[] { new { role = "OpposingParty", person = new { name = "李四" } } },
            mediation = new { source = "PoliceReferral", disputeType = "Damages", description = "<script>alert(1)</script>", committeeId = committee },
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(noPolice["errors"]!["mediation.police"]);
        var noParty = await Api.ReadAsync(await Api.PostAsync(mediator, "/api/cases", new
        {
            type = "Mediation",
            channel = "WalkIn",
            applicant = new { person = new { name = "张三" } },
            mediation = new { source = "PartyApplication", disputeType = "Neighbourhood", description = "噪音", committeeId = committee, amountInvolved = -5 },
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(noParty["errors"]!["parties"]);
        Assert.NotNull(noParty["errors"]!["mediation.amountInvolved"]);
        var badEnum = await Api.ReadAsync(await Api.PostAsync(mediator, "/api/cases", new
        {
            type = "Mediation",
            channel = "WalkIn",
            applicant = new { person = new { name = "张三" } },
            parties = new object[] { new { role = "OpposingParty", person = new { name = "李四" } } },
            mediation = new { source = "PartyApplication", disputeType = "Alien", description = "x", committeeId = committee },
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(badEnum["detail"]);
        var unknownCommittee = await Api.ReadAsync(await Api.PostAsync(mediator, "/api/cases", new
        {
            type = "Mediation",
            channel = "WalkIn",
            applicant = new { person = new { name = "张三" } },
            parties = new object[] { new { role = "OpposingParty", person = new { name = "李四" } } },
            mediation = new { source = "PartyApplication", disputeType = "Other", description = "x", committeeId = Guid.NewGuid() },
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(unknownCommittee["errors"]!["mediation.committeeId"]);
    }

    private static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document!.Body!.InnerText;
    }
}
