using System.Net;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Complaints;

public sealed class ComplaintFlowTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ComplaintAboutStaff_LinkedToTheirCase_InvestigatedAndRepliedWithinDeadline(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var consultation = await Api.CreateAsync(hotline, Api.Consultation());
        var consultationId = consultation["id"]!.GetValue<string>();
        var hotlineUserId = consultation["assignee"]!["id"]!.GetValue<string>();
        var staff = await app.StaffAsync("staff");
        var unrelated = await Api.CreateAsync(staff, Api.Consultation(channel: "WalkIn"));

        object Complaint(object subject, string? content, params string[] caseIds) => new
        {
            type = "Complaint",
            channel = "WalkIn",
            applicant = new { person = new { name = "周八", phone = Api.NewMobile() } },
            complaint = new { subject, content, demand = "请求调查并答复", caseIds },
        };

        // Bad input: field messages, never a 500.
        var noContent = await Api.ReadAsync(await Api.PostAsync(staff, "/api/cases", Complaint(new { kind = "Staff", userId = hotlineUserId }, null)), HttpStatusCode.BadRequest);
        Assert.NotNull(noContent["errors"]!["complaint.content"]);
        var noLawyer = await Api.ReadAsync(await Api.PostAsync(staff, "/api/cases", Complaint(new { kind = "Lawyer" }, "态度恶劣")), HttpStatusCode.BadRequest);
        Assert.NotNull(noLawyer["errors"]!["complaint.subject.lawyerId"]);
        var notTheirs = await Api.ReadAsync(await Api.PostAsync(staff, "/api/cases",
            Complaint(new { kind = "Staff", userId = hotlineUserId }, "答复敷衍", unrelated["id"]!.GetValue<string>())), HttpStatusCode.BadRequest);
        Assert.Contains("不是工作人员", notTheirs["errors"]!["complaint.caseIds[0]"]![0]!.GetValue<string>());
        var notNotary = await Api.ReadAsync(await Api.PostAsync(staff, "/api/cases", Complaint(new { kind = "Notary", userId = hotlineUserId }, "态度恶劣")), HttpStatusCode.BadRequest);
        Assert.NotNull(notNotary["errors"]!["complaint.subject.userId"]);

        var complaint = await Api.CreateAsync(staff, Complaint(new { kind = "Staff", userId = hotlineUserId }, "热线坐席答复敷衍，未告知仲裁时效。", consultationId));
        var id = complaint["id"]!.GetValue<string>();
        Assert.StartsWith("TS-", complaint["number"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ComplaintReceived", complaint["state"]!.GetValue<string>());
        Assert.Equal("ComplaintReply", complaint["deadline"]!["purpose"]!.GetValue<string>());
        Assert.Contains("示例配置", complaint["deadline"]!["legalBasis"]!.GetValue<string>());
        Assert.Equal("演示热线坐席", complaint["complaint"]!["subjectName"]!.GetValue<string>());
        Assert.Contains(complaint["links"]!.AsArray(), l => l!["caseId"]!.GetValue<string>() == consultationId && l["kind"]!.GetValue<string>() == "ComplaintAbout");

        // The person complained about does not see the complaint; front-line staff cannot decide it.
        Assert.Equal(HttpStatusCode.NotFound, (await hotline.GetAsync($"/api/cases/{id}")).StatusCode);
        await Api.ReadAsync(await Api.PostAsync(staff, $"/api/cases/{id}/actions/investigate", new { note = "调取录音" }), HttpStatusCode.Forbidden);

        var manager = await app.StaffAsync("manager");
        var investigating = await Api.ActAsync(manager, id, "investigate", new { note = "调取通话录音，询问当事坐席。" });
        Assert.Equal("ComplaintInvestigating", investigating["state"]!.GetValue<string>());
        Assert.Equal(complaint["deadline"]!["due"]!.GetValue<string>(), investigating["deadline"]!["due"]!.GetValue<string>());
        var noMeasures = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/cases/{id}/actions/reply-complaint",
            new { outcome = "Substantiated", reply = "经核查，投诉属实。" }), HttpStatusCode.BadRequest);
        Assert.NotNull(noMeasures["errors"]!["measures"]);
        var badOutcome = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/cases/{id}/actions/reply-complaint",
            new { outcome = "Maybe", reply = "经核查。" }), HttpStatusCode.BadRequest);
        Assert.NotNull(badOutcome["errors"]!["outcome"]);
        var replied = await Api.ActAsync(manager, id, "reply-complaint",
            new { outcome = "Substantiated", reply = "经核查，投诉属实，已对坐席批评教育，并告知您仲裁时效。", measures = "批评教育，纳入月度考核" });
        Assert.Equal("Closed", replied["state"]!.GetValue<string>());
        Assert.Equal("属实", replied["complaint"]!["outcomeName"]!.GetValue<string>());
        Assert.Equal("批评教育，纳入月度考核", replied["complaint"]!["measures"]!.GetValue<string>());

        // The creator still sees it; the subject's own case list does not show it.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/cases/{id}")).StatusCode);
        var hotlineList = await Api.ReadAsync(await hotline.GetAsync("/api/cases?type=Complaint"), HttpStatusCode.OK);
        Assert.DoesNotContain(id, hotlineList.ToJsonString(), StringComparison.Ordinal);
    }
}
