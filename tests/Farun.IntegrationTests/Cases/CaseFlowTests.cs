using System.Net;
using System.Text.Json.Nodes;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Farun.IntegrationTests.Cases;

public sealed class CaseFlowTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HotlineConsultation_ConvertedGrantedAssignedClosed_OneLinkedRecordAndAuditChain(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var consultation = await Api.CreateAsync(hotline, Api.Consultation());
        var consultationId = consultation["id"]!.GetValue<string>();
        Assert.Equal("Answered", consultation["state"]!.GetValue<string>());
        Assert.StartsWith("ZX-", consultation["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("convert", Api.Strings(consultation["allowedActions"]));
        Assert.Equal("演示热线坐席", consultation["assignee"]!["name"]!.GetValue<string>());

        var converted = await Api.ActAsync(hotline, consultationId, "convert", new
        {
            to = "LegalAid",
            legalAid = new { matter = "LabourRemuneration", description = "在工地务工被拖欠工资两万元。", hardshipCommitment = false },
        });
        Assert.Equal("Converted", converted["state"]!.GetValue<string>());
        var link = converted["links"]!.AsArray().Single()!;
        Assert.Equal("LegalAid", link["type"]!.GetValue<string>());
        var legalAidId = link["caseId"]!.GetValue<string>();

        var officer = await app.StaffAsync("legalaid");
        var legalAid = await Api.GetCaseAsync(officer, legalAidId);
        Assert.Equal("Submitted", legalAid["state"]!.GetValue<string>());
        Assert.True(legalAid["legalAid"]!["greenChannel"]!.GetValue<bool>());
        Assert.Equal("Exempt", legalAid["legalAid"]!["meansTest"]!.GetValue<string>());
        Assert.Equal("张三", legalAid["parties"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal(consultationId, legalAid["links"]!.AsArray().Single()!["caseId"]!.GetValue<string>());
        var deadline = legalAid["deadline"]!;
        Assert.Equal("CalendarDays", deadline["kind"]!.GetValue<string>());
        Assert.Contains("第四十三条", deadline["legalBasis"]!.GetValue<string>());
        Assert.False(deadline["overdue"]!.GetValue<bool>());

        await Api.ActAsync(officer, legalAidId, "claim");
        var granted = await Api.ActAsync(officer, legalAidId, "grant", new { note = "绿色通道" });
        Assert.Equal("Granted", granted["state"]!.GetValue<string>());
        Assert.Equal("LawyerAssignment", granted["deadline"]!["purpose"]!.GetValue<string>());

        var candidates = await Api.ReadAsync(await officer.GetAsync($"/api/cases/{legalAidId}/lawyer-candidates"), HttpStatusCode.OK);
        var demoLawyer = candidates.AsArray().First(c => c!["lawyer"]!["name"]!.GetValue<string>() == "演示律师")!;
        Assert.True(demoLawyer["specialtyMatches"]!.GetValue<bool>());
        var assigned = await Api.ActAsync(officer, legalAidId, "assign-lawyer", new { lawyerId = demoLawyer["lawyer"]!["id"]!.GetValue<string>() });
        Assert.Equal("Assigned", assigned["state"]!.GetValue<string>());
        Assert.Null(assigned["deadline"]);

        var lawyer = await app.StaffAsync("lawyer");
        var seen = await Api.GetCaseAsync(lawyer, legalAidId);
        Assert.Equal(["submit-closure", "note"], Api.Strings(seen["allowedActions"]));
        await Api.ActAsync(lawyer, legalAidId, "note", new { text = "已向仲裁委提交仲裁申请。" });
        await Api.ActAsync(lawyer, legalAidId, "submit-closure", new { outcome = "Mediated", stage = "Arbitration", summary = "仲裁调解，追回工资两万元。" });
        var closed = await Api.ActAsync(officer, legalAidId, "approve-closure", new
        {
            scores = new Dictionary<string, int> { ["timeliness"] = 20, ["communication"] = 18, ["documents"] = 28, ["effect"] = 20, ["filing"] = 10 },
        });
        Assert.Equal("Closed", closed["state"]!.GetValue<string>());
        Assert.Equal(96, closed["legalAid"]!["qualityScore"]!.GetValue<int>());
        Assert.Equal(1500m, closed["legalAid"]!["subsidy"]!.GetValue<decimal>());
        Assert.Equal(["note"], Api.Strings(closed["allowedActions"]));
        var timeline = closed["timeline"]!.AsArray().Select(e => e!["action"]?.GetValue<string>()).Where(a => a is not null).ToList();
        Assert.Equal(["claim", "grant", "assign-lawyer", "note", "submit-closure", "approve-closure"], timeline);

        await using var scope = app.Scope();
        var db = scope.Get<Farun.Data.FarunDbContext>();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Case").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["case.create", "case.create", "case.convert", "case.claim", "case.grant", "case.assign-lawyer", "case.note", "case.submit-closure", "case.approve-closure"], actions);
        Assert.True((await AuditCommands.VerifyAsync(db, CancellationToken.None)).IsIntact);
        // No personal data in clear in the audit log.
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Details ?? "").ToListAsync(), d => d.Contains("139", StringComparison.Ordinal));
    }
}
