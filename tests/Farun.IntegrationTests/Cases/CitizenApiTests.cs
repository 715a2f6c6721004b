using System.Net;
using System.Text.Json.Nodes;
using Farun.Data;
using Farun.Features.Audit;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Citizens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Cases;

/// <summary>The open case API with the citizen cookie from the real phone + one-time-code sign-in.</summary>
public sealed class CitizenApiTests
{
    private static object OnlineConsultation(string phone, string name = "周八") => new
    {
        type = "Consultation",
        channel = "OnlinePortal",
        applicant = new { person = new { name, phone } },
        consultation = new { question = "房东不退押金怎么办？", domain = "RealEstate" },
    };

    private static object OnlineLegalAid(string phone, string name = "周八", object? extra = null) => new
    {
        type = "LegalAid",
        channel = "OnlinePortal",
        applicant = new { person = new { name, phone, idNumber = Api.NewIdNumber() } },
        legalAid = extra ?? new { matter = "LabourRemuneration", description = "工地老板拖欠工资两万元。", hardshipCommitment = true },
    };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CitizenCookie_CreatesOwnOnlineCases_SeesOnlyThem_PerformsOnlyApplicantActions(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);
        var me = await Api.ReadAsync(await citizen.GetAsync("/api/citizen/me"), HttpStatusCode.OK);
        Assert.NotNull(me);

        // What a citizen may open: online, for themself.
        var consultation = await Api.CreateAsync(citizen, OnlineConsultation(phone));
        Assert.Equal("Open", consultation["state"]!.GetValue<string>());
        Assert.Equal("OnlinePortal", consultation["channel"]!.GetValue<string>());
        Assert.Empty(Api.Strings(consultation["allowedActions"]));
        var application = await Api.CreateAsync(citizen, OnlineLegalAid(phone));
        Assert.Equal(["withdraw"], Api.Strings(application["allowedActions"]));
        string consultationId = Id(consultation), applicationId = Id(application);

        // Not at a window, not for someone else, not with the fields the institution fills.
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(citizen, "/api/cases", Api.LegalAid(new { person = new { name = "周八", phone, idNumber = Api.NewIdNumber() } }, channel: "WalkIn"))).StatusCode);
        var forOther = await Api.ReadAsync(await Api.PostAsync(citizen, "/api/cases", OnlineConsultation(Api.NewMobile())), HttpStatusCode.BadRequest);
        Assert.NotNull(forOther["errors"]!["applicant.person.phone"]);
        var staffFields = await Api.ReadAsync(await Api.PostAsync(citizen, "/api/cases", new
        {
            type = "Consultation",
            channel = "OnlinePortal",
            servicePointId = consultation["servicePoint"]!["id"]!.GetValue<string>(),
            assigneeId = Guid.NewGuid(),
            referral = new { body = "Court", organisation = "某区人民法院" },
            applicant = new { person = new { name = "周八", phone } },
            consultation = new { question = "能否起诉？", domain = "Tort", answerSummary = "可以起诉。", durationMinutes = 5 },
        }), HttpStatusCode.BadRequest);
        var errors = staffFields["errors"]!.AsObject().Select(e => e.Key).Order().ToArray();
        Assert.Equal(["assigneeId", "consultation.answerSummary", "consultation.durationMinutes", "referral", "servicePointId"], errors);
        Assert.Contains("解答由工作人员填写", Api.Strings(staffFields["errors"]!["consultation.answerSummary"]).Single());
        var backdated = await Api.ReadAsync(await Api.PostAsync(citizen, "/api/cases", OnlineLegalAid(phone, extra: new
        {
            matter = "Maintenance",
            description = "追索抚养费。",
            hardshipCommitment = true,
            receivedOn = "2020-01-01",
            notice = new { authority = "Court", authorityName = "某区人民法院", noticeNumber = "（2026）001号", reason = "Minor" },
        })), HttpStatusCode.BadRequest);
        Assert.Equal(["legalAid.notice", "legalAid.receivedOn"], backdated["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());

        // Staff cases and another citizen's case do not exist for this citizen.
        var officer = await app.StaffAsync("legalaid");
        var staffCase = Id(await Api.CreateAsync(officer, Api.LegalAid()));
        var otherPhone = Api.NewMobile();
        var other = await app.SignedInCitizenAsync(otherPhone);
        var othersCase = Id(await Api.CreateAsync(other, OnlineLegalAid(otherPhone, "吴九")));
        var list = await Api.ReadAsync(await citizen.GetAsync("/api/cases?pageSize=100"), HttpStatusCode.OK);
        Assert.Equal(new[] { consultationId, applicationId }.Order(), list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/cases/{othersCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/cases/{staffCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PostAsync(citizen, $"/api/cases/{othersCase}/actions/withdraw", new { reason = "试试" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/cases/{othersCase}")).StatusCode);

        // Staff-only actions on their own case: 403 when the state allows them, 409 naming the citizen's actions when not.
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(citizen, $"/api/cases/{applicationId}/actions/grant", new { note = "自己批准" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(citizen, $"/api/cases/{applicationId}/actions/note", new { text = "备注" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(citizen, $"/api/cases/{consultationId}/actions/answer", new { answerSummary = "自问自答" })).StatusCode);
        var notNow = await Api.ActAsync(citizen, applicationId, "object", new { text = "不服" }, HttpStatusCode.Conflict);
        Assert.Equal(["withdraw"], Api.Strings(notNow["allowedActions"]));

        // The institution asks for materials; the applicant reports them supplied (after uploading them in the portal).
        await Api.ActAsync(officer, applicationId, "request-materials", new { missing = "工资欠条" });
        var awaiting = await Api.GetCaseAsync(citizen, applicationId);
        Assert.Equal(["supplement", "withdraw"], Api.Strings(awaiting["allowedActions"]).Order());
        var supplied = await Api.ActAsync(citizen, applicationId, "supplement", new { note = "已上传欠条照片" });
        Assert.Equal("Submitted", supplied["state"]!.GetValue<string>());

        // Refused: the applicant objects (the date of receipt is today, not theirs to choose).
        await Api.ActAsync(officer, applicationId, "refuse", new { reasons = "不属于法律援助事项范围。" });
        var dated = await Api.ActAsync(citizen, applicationId, "object", new { text = "属于追索劳动报酬", receivedOn = "2020-01-01" }, HttpStatusCode.BadRequest);
        Assert.NotNull(dated["errors"]!["receivedOn"]);
        var objected = await Api.ActAsync(citizen, applicationId, "object", new { text = "属于追索劳动报酬" });
        Assert.Equal("ObjectionPending", objected["state"]!.GetValue<string>());
        Assert.Equal(Farun.Common.Calendar.ChinaTime.Today().ToString("yyyy-MM-dd"), objected["legalAid"]!["objectionReceivedOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(citizen, $"/api/cases/{applicationId}/actions/uphold-refusal", new { reasons = "维持" })).StatusCode);

        // The citizen's own online application and actions are audited as the citizen.
        await using var scope = app.Scope();
        var audited = await scope.Get<FarunDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == applicationId && (e.Action == "case.create" || e.Action == "case.supplement" || e.Action == "case.object"))
            .Select(e => new { e.Action, e.ActorKind }).ToListAsync();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, e => Assert.Equal(ActorKind.Citizen, e.ActorKind));
    }

    [SkippableFact]
    public async Task CitizenCookie_OnlyOnTheCaseApi_StaffCookieWinsWhenBothPresent()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);

        // Staff-only endpoints and pages treat the citizen as anonymous.
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/persons?name=" + Uri.EscapeDataString("张三"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/lawyers")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.GetAsync("/workbench")).StatusCode);

        // Signed out: the case API answers 401 again.
        var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cases")).StatusCode);

        // A browser holding both cookies acts as the staff member, never as a mix of both.
        var officer = await app.StaffAsync("legalaid");
        var officersPhone = Api.NewMobile();
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(officer, "/api/citizen/otp", new { phone = officersPhone })).StatusCode);
        var code = app.App.Services.GetRequiredService<DevelopmentSmsOutbox>().LastCode(officersPhone);
        Assert.Equal(HttpStatusCode.OK, (await Api.PostAsync(officer, "/api/citizen/signin", new { phone = officersPhone, code })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/citizen/me")).StatusCode);
        var staffCase = await Api.CreateAsync(officer, Api.LegalAid());
        Assert.Contains("grant", Api.Strings(staffCase["allowedActions"]));
        var mine = await Api.ReadAsync(await officer.GetAsync("/api/cases?pageSize=100"), HttpStatusCode.OK);
        Assert.Contains(mine["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == Id(staffCase));

        // A bad bearer token is refused, not replaced by the citizen cookie.
        var withBadToken = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        withBadToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "frn_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.SendAsync(withBadToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/api/cases")).StatusCode);
    }

    private static string Id(JsonNode c) => c["id"]!.GetValue<string>();
}
