using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Data;
using Farun.Features.ServicePoints;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Farun.IntegrationTests.Mediation;
using Farun.Web.Features.Citizens;
using Farun.Web.Features.Guides;
using Farun.Web.Features.Mediation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Guides;

/// <summary>From the mediation and notarization guides to a people's mediation case and a notarization appointment on the
/// case spine, applied for by a citizen signed in by phone and one-time code (the real citizen sign-in).</summary>
public sealed class GuideServicesApplyTests
{
    public const string SouthCommittee = "南湖街道人民调解委员会（演示）";

    public static async Task<HttpClient> SignedInCitizenAsync(CaseTestApp app, string phone)
    {
        var client = app.Anonymous();
        (await client.PostAsJsonAsync("/api/citizen/otp", new { phone })).EnsureSuccessStatusCode();
        var code = app.App.Services.GetRequiredService<DevelopmentSmsOutbox>().LastCode(phone) ?? throw new InvalidOperationException("no code sent");
        (await client.PostAsJsonAsync("/api/citizen/signin", new { phone, code })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<string> SessionAsync(HttpClient client, string guide, object answers, string expectedOutcome)
    {
        var created = await client.PostAsJsonAsync($"/api/guides/{guide}/sessions", new { answers });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var outcome = session.GetProperty("state").GetProperty("outcome");
        Assert.Equal(expectedOutcome, outcome.GetProperty("id").GetString());
        Assert.True(outcome.GetProperty("action").GetProperty("available").GetBoolean());
        return session.GetProperty("code").GetString()!;
    }

    private static object NeighbourDispute(string otherParty = "楼上邻居李四") => new
    {
        dispute_type = "neighbour",
        in_court = false,
        other_refuses = false,
        amount = 3000,
        other_party = otherParty,
        description = "楼上漏水，泡坏了我家天花板，想让他赔偿修理费。",
    };

    private static async Task<string?> CaseIdAsync(HttpClient staff, string number)
    {
        var list = await Api.ReadAsync(await staff.GetAsync("/api/cases?pageSize=100"), HttpStatusCode.OK);
        return list["items"]!.AsArray().FirstOrDefault(i => i!["number"]!.GetValue<string>() == number)?["id"]!.GetValue<string>();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_MediationGuide_OpensPartyApplicationAtCommitteeServicePointVisibleToItsStaffAndCitizen(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await SignedInCitizenAsync(app, phone);
        var mediator = await app.StaffAsync("mediator");
        var committees = await Api.ReadAsync(await mediator.GetAsync("/api/mediation/committees"), HttpStatusCode.OK);
        var street = committees.AsArray().First(c => c!["name"]!.GetValue<string>() == MediationDemoSeeder.StreetCommittee)!;
        var south = committees.AsArray().First(c => c!["name"]!.GetValue<string>() == SouthCommittee)!;

        var code = await SessionAsync(citizen, "mediation", NeighbourDispute(), "apply");
        var receipt = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new
        {
            name = "王芳",
            phone,
            consent = true,
            committeeId = street["id"]!.GetValue<string>(),
        }), HttpStatusCode.Created);
        var number = receipt["referenceNumber"]!.GetValue<string>();
        Assert.StartsWith("TJ-", number, StringComparison.Ordinal);
        Assert.Equal("/citizen", receipt["url"]!.GetValue<string>());

        // The mediator of that committee's street sees it, pre-filled from the answers.
        var id = await CaseIdAsync(mediator, number);
        Assert.NotNull(id);
        var c = await Api.GetCaseAsync(mediator, id);
        Assert.Equal("Mediation", c["type"]!.GetValue<string>());
        Assert.Equal("OnlinePortal", c["channel"]!.GetValue<string>());
        Assert.Equal("王芳", c["applicantName"]!.GetValue<string>());
        var m = c["mediation"]!;
        Assert.Equal("PartyApplication", m["source"]!.GetValue<string>());
        Assert.Equal("Neighbourhood", m["disputeType"]!.GetValue<string>());
        Assert.Equal(3000m, m["amountInvolved"]!.GetValue<decimal>());
        Assert.Equal(street["id"]!.GetValue<string>(), m["committeeId"]!.GetValue<string>());
        Assert.StartsWith("楼上漏水，泡坏了我家天花板，想让他赔偿修理费。", m["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(c["parties"]!.AsArray(), p => p!["role"]!.GetValue<string>() == "OpposingParty" && p["name"]!.GetValue<string>() == "楼上邻居李四");
        Assert.Equal(street["servicePointId"]!.GetValue<string>(), c["servicePoint"]!["id"]!.GetValue<string>());

        // The citizen follows it at /citizen.
        var portal = await citizen.GetAsync("/citizen");
        Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
        var html = await portal.Content.ReadAsStringAsync();
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("人民调解", html, StringComparison.Ordinal);

        // A request to the 南湖 committee lands at 南湖: the 东城 street's mediator does not see it.
        var southCode = await SessionAsync(citizen, "mediation", NeighbourDispute("对门张大爷"), "apply");
        var southReceipt = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{southCode}/apply", new
        {
            name = "王芳",
            phone,
            consent = true,
            committeeId = south["id"]!.GetValue<string>(),
        }), HttpStatusCode.Created);
        Assert.Null(await CaseIdAsync(mediator, southReceipt["referenceNumber"]!.GetValue<string>()));

        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        var applied = await db.AuditEntries.Where(a => a.Action == "guide.apply").Select(a => a.EntityId).ToListAsync();
        Assert.Contains(number, applied);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "case.create" && a.EntityId == id));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_NotarizationHomeVisit_BooksChosenFreeSlotOnCentreCaseVisibleToNotaryAndCitizen(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await SignedInCitizenAsync(app, phone);
        var notary = await app.StaffAsync("notary");
        string centre;
        await using (var scope = app.Scope())
        {
            centre = (await scope.Get<FarunDbContext>().ServicePoints.FirstAsync(p => p.IsDemo && p.Kind == ServicePointKind.DistrictCentre)).Id.ToString();
        }

        var startsAt = DateTimeOffset.UtcNow.AddDays(2);
        var home = await Api.ReadAsync(await Api.PostAsync(notary, "/api/notarization/slots",
            new { servicePointId = centre, startsAt, minutes = 60, count = 2, kind = "HomeVisit" }), HttpStatusCode.OK);
        var window = await Api.ReadAsync(await Api.PostAsync(notary, "/api/notarization/slots",
            new { servicePointId = centre, startsAt = startsAt.AddDays(1), minutes = 30, count = 1, kind = "Window" }), HttpStatusCode.OK);
        var homeSlot = home.AsArray()[0]!["id"]!.GetValue<string>();
        var windowSlot = window.AsArray()[0]!["id"]!.GetValue<string>();

        var code = await SessionAsync(citizen, "notarization", new { matter = "power_of_attorney", principal_present = false }, "poa_home_visit");

        // The application page offers the free home-visit slots (not the window ones).
        var pageClient = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/guides/notarization/apply");
        pageRequest.Headers.Add("Cookie", $"{GuideCookies.Name("notarization")}={code}");
        var page = await (await pageClient.SendAsync(pageRequest)).Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{homeSlot}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{windowSlot}\"", page, StringComparison.Ordinal);
        Assert.Contains("上门办证", page, StringComparison.Ordinal);

        var wrongKind = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply",
            new { name = "赵敏", phone, consent = true, slotId = windowSlot }), HttpStatusCode.BadRequest);
        Assert.Contains("上门办证", wrongKind["errors"]!["slotId"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var noAddress = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply",
            new { name = "赵敏", phone, consent = true, slotId = homeSlot }), HttpStatusCode.BadRequest);
        Assert.Equal("预约上门办证，请填写上门的地址。", noAddress["errors"]!["address"]![0]!.GetValue<string>());
        await using (var scope = app.Scope())
            Assert.False(await scope.Get<FarunDbContext>().Cases.AnyAsync(x => x.Type == Farun.Features.Cases.CaseType.Notarization));

        var receipt = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply",
            new { name = "赵敏", phone, consent = true, slotId = homeSlot, address = "东城街道幸福里3号楼2单元501" }), HttpStatusCode.Created);
        var number = receipt["referenceNumber"]!.GetValue<string>();

        var id = await CaseIdAsync(notary, number);
        Assert.NotNull(id);
        var c = await Api.GetCaseAsync(notary, id);
        Assert.Equal("Notarization", c["type"]!.GetValue<string>());
        Assert.Equal("OnlinePortal", c["channel"]!.GetValue<string>());
        Assert.Equal("NotaryApplied", c["state"]!.GetValue<string>());
        Assert.Equal(centre, c["servicePoint"]!["id"]!.GetValue<string>());
        var n = c["notarization"]!;
        Assert.Equal("entrustment", n["matterCode"]!.GetValue<string>());
        Assert.Equal("委托人行动不便，申请上门办理委托公证", n["purpose"]!.GetValue<string>());
        var booking = n["bookings"]!.AsArray().Single()!;
        Assert.Equal(homeSlot, booking["slotId"]!.GetValue<string>());
        Assert.Equal("HomeVisit", booking["kind"]!.GetValue<string>());
        Assert.Equal("东城街道幸福里3号楼2单元501", booking["address"]!.GetValue<string>());

        // The slot is taken; a front-line mediator at a street does not see the centre's notarization case.
        var free = await Api.ReadAsync(await notary.GetAsync($"/api/notarization/slots?servicePointId={centre}"), HttpStatusCode.OK);
        Assert.DoesNotContain(free.AsArray(), s => s!["id"]!.GetValue<string>() == homeSlot);
        Assert.Null(await CaseIdAsync(await app.StaffAsync("mediator"), number));

        Assert.Contains(number, await (await citizen.GetAsync("/citizen")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var audit = app.Scope();
        Assert.True(await audit.Get<FarunDbContext>().AuditEntries.AnyAsync(a => a.Action == "notarization.book" && a.EntityId == id));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_BadInputOrNotSignedIn_Is400WithChineseMessagesOr403AndNothingIsCreated(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await SignedInCitizenAsync(app, phone);
        var code = await SessionAsync(citizen, "mediation", NeighbourDispute(), "apply");

        var missing = await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { summary = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = await Api.ReadAsync(missing, HttpStatusCode.BadRequest);
        Assert.Equal("请填写申请人姓名。", problem["errors"]!["name"]![0]!.GetValue<string>());
        Assert.Equal("请填写联系电话。", problem["errors"]!["phone"]![0]!.GetValue<string>());
        Assert.Equal("请确认所填信息真实，并同意提交给办理机构。", problem["errors"]!["consent"]![0]!.GetValue<string>());

        // The inheritance dispute of the notarization guide offers mediation without naming the other side: asked on apply.
        var dispute = await SessionAsync(citizen, "notarization", new { matter = "inheritance", heirs_agree = false }, "inheritance_dispute");
        var noOther = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{dispute}/apply",
            new { name = "王芳", phone, consent = true }), HttpStatusCode.BadRequest);
        Assert.Contains("对方当事人", noOther["errors"]!["otherParty"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Not signed in: refused; the interview is not used up.
        var anonymous = app.Anonymous();
        var anonymousCode = await SessionAsync(anonymous, "mediation", NeighbourDispute(), "apply");
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync($"/api/guides/sessions/{anonymousCode}/apply",
            new { name = "王芳", phone, consent = true })).StatusCode);
        var portal = await anonymous.GetAsync("/citizen");
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.StartsWith("/citizen/login", portal.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        await using (var scope = app.Scope())
            Assert.False(await scope.Get<FarunDbContext>().Cases.AnyAsync(c => c.Type == Farun.Features.Cases.CaseType.Mediation));

        // Named on the application page, the other party completes the request.
        var named = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{dispute}/apply",
            new { name = "王芳", phone, consent = true, otherParty = "王芳的弟弟王强" }), HttpStatusCode.Created);
        var mediator = await app.StaffAsync("mediator");
        var id = await CaseIdAsync(mediator, named["referenceNumber"]!.GetValue<string>());
        var c = await Api.GetCaseAsync(mediator, id!);
        Assert.Equal("MarriageFamily", c["mediation"]!["disputeType"]!.GetValue<string>());
        Assert.Contains(c["parties"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "王芳的弟弟王强");
    }
}
