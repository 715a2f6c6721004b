using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Common.Calendar;
using Farun.Common.Validation;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Guides.Engine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Guides;

/// <summary>From a guide to a legal-aid case on the case spine, applied for online by a signed-in citizen (the cases'
/// test sign-in header stands in for phone and one-time code; the Citizen policy that sign-in registers is added).</summary>
public sealed class GuideCaseSpineTests
{
    public static readonly string IdNumber = WithCheck("11010519800101123");

    private static string WithCheck(string first17) => first17 + ChineseIdCard.ComputeCheckCharacter(first17);

    public static WebApplicationFactory<Program> WithCitizenSignIn(CaseTestApp app) =>
        app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<AuthorizationOptions>(o => o.AddPolicy("Citizen", p => p.RequireClaim("farun:actor", "Citizen")))));

    private static HttpClient Citizen(WebApplicationFactory<Program> app, Guid account, string phone)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(CaseTestApp.CitizenHeader, $"{account};{phone}");
        return client;
    }

    private static async Task<string> FinishedWageClaimAsync(HttpClient client, DateOnly left)
    {
        var created = await client.PostAsJsonAsync("/api/guides/wage-arrears/sessions", new
        {
            answers = new { employer_type = "construction", crew_boss = true, amount = 18000, still_working = false, left_date = left.ToString("yyyy-MM-dd"), route = "arbitration" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var action = session.GetProperty("state").GetProperty("outcome").GetProperty("action");
        Assert.True(action.GetProperty("available").GetBoolean());
        return session.GetProperty("code").GetString()!;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_SignedInCitizen_WageClaimBecomesUrgentGreenChannelLegalAidCase(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        await using var withCitizens = WithCitizenSignIn(app);
        var phone = "13912345678";
        var citizen = Citizen(withCitizens, Guid.NewGuid(), phone);
        // Left 362 days ago: the one-year arbitration period ends within seven days.
        var left = ChinaTime.Today().AddDays(-362);
        var code = await FinishedWageClaimAsync(citizen, left);

        var response = await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new
        {
            name = "张三",
            phone,
            idNumber = IdNumber,
            consent = true,
            summary = "在工地干了半年，老板欠了一万八千元工资。",
        });
        var receipt = await Api.ReadAsync(response, HttpStatusCode.Created);
        var number = receipt["referenceNumber"]!.GetValue<string>();
        Assert.Equal("/citizen", receipt["url"]!.GetValue<string>());

        var list = await Api.ReadAsync(await citizen.GetAsync("/api/cases"), HttpStatusCode.OK);
        var id = list["items"]!.AsArray().Single(i => i!["number"]!.GetValue<string>() == number)!["id"]!.GetValue<string>();
        var c = await Api.ReadAsync(await citizen.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal("LegalAid", c["type"]!.GetValue<string>());
        Assert.Equal("OnlinePortal", c["channel"]!.GetValue<string>());
        Assert.Equal("张三", c["applicantName"]!.GetValue<string>());
        var aid = c["legalAid"]!;
        Assert.Equal("LabourRemuneration", aid["matter"]!.GetValue<string>());
        Assert.True(aid["greenChannel"]!.GetValue<bool>());
        Assert.Equal(GuideFunctions.PeriodEnd(left.AddYears(1), WorkingDayCalendar.China).ToString("yyyy-MM-dd"), aid["limitationDate"]!.GetValue<string>());
        Assert.True(aid["urgent"]!.GetValue<bool>());
        Assert.StartsWith("在工地干了半年，老板欠了一万八千元工资。", aid["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("涉及金额：18,000元", aid["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // Only once: the same interview returns the same case.
        var again = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { name = "张三", phone, idNumber = IdNumber, consent = true }), HttpStatusCode.OK);
        Assert.Equal(number, again["referenceNumber"]!.GetValue<string>());
        Assert.Equal(1, (await Api.ReadAsync(await citizen.GetAsync("/api/cases"), HttpStatusCode.OK))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Apply_NotSignedIn_IsForbiddenAndCanBeRetried()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        await using var withCitizens = WithCitizenSignIn(app);
        var anonymous = withCitizens.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var code = await FinishedWageClaimAsync(anonymous, ChinaTime.Today().AddDays(-30));
        var denied = await anonymous.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { name = "张三", phone = "13912345678", idNumber = IdNumber, consent = true });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        // The claim on the interview was released: after signing in, the same interview can apply.
        var citizen = Citizen(withCitizens, Guid.NewGuid(), "13912345678");
        var ok = await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { name = "张三", phone = "13912345678", idNumber = IdNumber, consent = true });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Theory]
    [InlineData("13900000000", null, "applicant.person.phone")]
    [InlineData("13912345678", "", "idNumber")]
    [InlineData("13912345678", "bad-checksum", "idNumber")]
    public async Task Apply_PhoneOrIdWrong_Is400(string phone, string? idNumber, string field)
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        await using var withCitizens = WithCitizenSignIn(app);
        var citizen = Citizen(withCitizens, Guid.NewGuid(), "13912345678");
        var code = await FinishedWageClaimAsync(citizen, ChinaTime.Today().AddDays(-30));
        var body = await Api.ReadAsync(await citizen.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new
        {
            name = "张三",
            phone,
            idNumber = idNumber == "bad-checksum" ? IdNumber[..17] + (IdNumber[17] == '0' ? '1' : '0') : idNumber ?? IdNumber,
            consent = true,
        }), HttpStatusCode.BadRequest);
        Assert.NotNull(body["errors"]![field]);
    }
}
