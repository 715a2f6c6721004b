using System.Net;
using System.Text.RegularExpressions;
using Farun.Data;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Farun.IntegrationTests.Cases;

public sealed partial class CasePagesTests
{
    [SkippableFact]
    public async Task IntakeConsultation_PostedForm_RedirectsToCasePageWithScriptEscaped()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var hotline = await app.StaffAsync("hotline");
        var form = await hotline.GetStringAsync("/cases/new/consultation");
        Assert.Contains("autofocus", form);
        Assert.Contains("accesskey=\"q\"", form);
        Assert.Matches("<option value=\"Hotline12348\" selected", form);

        var response = await PostFormAsync(hotline, "/cases/new/consultation", form,
        [
            ("channel", "Hotline12348"), ("applicant.person.phone", "13912345678"), ("applicant.person.name", "<b>刘一</b>"),
            ("applicant.person.documentType", "ResidentIdCard"), ("applicant.person.groups", "Elderly"), ("applicant.person.groups", "Disabled"),
            ("consultation.domain", "RealEstate"), ("consultation.question", "<script>alert(1)</script>物业费纠纷"),
            ("consultation.answerSummary", "可协商或起诉。"), ("consultation.durationMinutes", "6"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/cases/", location, StringComparison.Ordinal);

        var page = await hotline.GetStringAsync(location);
        Assert.Contains("已登记法律咨询 ZX-", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;物业费纠纷", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;b&gt;刘一&lt;/b&gt;", page);
        Assert.Contains("139****5678", page);
        Assert.Contains("残疾人、老年人", page);
    }

    [SkippableFact]
    public async Task IntakeLegalAid_InvalidIdNumber_400WithFieldMessageAndInputKept()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var staff = await app.StaffAsync("legalaid");
        var form = await staff.GetStringAsync("/cases/new/legal-aid");
        var response = await PostFormAsync(staff, "/cases/new/legal-aid", form,
        [
            ("channel", "WalkIn"), ("applicant.person.name", "马二"), ("applicant.person.documentType", "ResidentIdCard"),
            ("applicant.person.idNumber", "510104199001011231"), ("legalAid.matter", "Maintenance"), ("legalAid.description", "追索抚养费"),
            ("legalAid.hardshipCommitment", "true"), ("legalAid.receivedOn", Farun.Common.Calendar.ChinaTime.Today().ToString("yyyy-MM-dd")),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"f-applicant-person-idNumber-err\"", html);
        Assert.Contains("校验码", html);
        Assert.Contains("value=\"马二\"", html);
        Assert.Contains("追索抚养费", html);
    }

    [SkippableFact]
    public async Task CasePage_EachRole_OnlyAllowedActionsAsForms()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        var manager = await app.StaffAsync("manager");
        var hotline = await app.StaffAsync("hotline");
        var id = (await Api.CreateAsync(officer, Api.LegalAid()))["id"]!.GetValue<string>();
        foreach (var client in new[] { officer, manager, hotline })
        {
            var allowed = Api.Strings((await Api.GetCaseAsync(client, id))["allowedActions"]);
            var html = await client.GetStringAsync($"/cases/{id}");
            var shown = ActionRegex().Matches(html).Select(m => m.Groups[1].Value).ToArray();
            Assert.Equal(allowed, shown);
        }

        var refused = await PostFormAsync(officer, $"/cases/{id}?handler=Act&action=refuse", await officer.GetStringAsync($"/cases/{id}"), [("reasons", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("第四十三条", page);
        Assert.Matches("<details class=\"action\" open=\"open\" data-action=\"refuse\"", page);

        var grant = await PostFormAsync(officer, $"/cases/{id}?handler=Act&action=grant", await officer.GetStringAsync($"/cases/{id}"), [("note", "符合条件")]);
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Contains("准予援助，待指派", await officer.GetStringAsync($"/cases/{id}"));
        var conflict = await PostFormAsync(officer, $"/cases/{id}?handler=Act&action=grant", await officer.GetStringAsync($"/cases/{id}"), [("note", "再次")]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task CasePage_SeveralFormsWithAReasonField_EachInputOwnIdAndErrorOnlyAtPostedForm()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var manager = await app.StaffAsync("manager");
        var id = (await Api.CreateAsync(manager, Api.LegalAid()))["id"]!.GetValue<string>();
        var html = await manager.GetStringAsync($"/cases/{id}");
        var reasonIds = Regex.Matches(html, "<textarea id=\"([a-z-]+)\" name=\"reason\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(reasonIds.Length > 1, $"expected several forms with a reason: {string.Join(", ", reasonIds)}");
        Assert.Contains("withdraw-reason", reasonIds);
        Assert.Equal(reasonIds.Length, reasonIds.Distinct().Count());
        Assert.All(reasonIds, r => Assert.Contains($"<label for=\"{r}\">", html, StringComparison.Ordinal));

        var failed = await PostFormAsync(manager, $"/cases/{id}?handler=Act&action=withdraw", html, [("reason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        var page = await failed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"withdraw-reason-err\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"withdraw-reason-err\"", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "-reason-err\" role=\"alert\""));
    }

    [SkippableFact]
    public async Task CasePage_RevealPhone_ShownOnceAndAudited()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var hotline = await app.StaffAsync("hotline");
        var created = await Api.CreateAsync(hotline, Api.Consultation());
        var id = created["id"]!.GetValue<string>();
        var personId = created["parties"]![0]!["personId"]!.GetValue<string>();
        var html = await hotline.GetStringAsync($"/cases/{id}");
        var response = await PostFormAsync(hotline, $"/cases/{id}?handler=Reveal", html, [("personId", personId), ("field", "Phone"), ("reason", "回拨电话")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revealed = RevealedRegex().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches("^139[0-9]{8}$", revealed);
        Assert.DoesNotContain(revealed, await hotline.GetStringAsync($"/cases/{id}"));

        var lawyer = await app.StaffAsync("lawyer");
        Assert.Equal(HttpStatusCode.NotFound, (await lawyer.GetAsync($"/cases/{id}")).StatusCode);

        await using var scope = app.Scope();
        Assert.Equal(1, await scope.Get<FarunDbContext>().AuditEntries.CountAsync(a => a.Action == "person.reveal" && a.EntityId == personId));
    }

    [SkippableFact]
    public async Task Workbench_QueueAndMine_OverdueFlaggedAndFilters()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        var late = await Api.CreateAsync(officer, new
        {
            type = "LegalAid",
            channel = "WalkIn",
            applicant = new { person = new { name = "老赵", idNumber = Api.NewIdNumber() } },
            legalAid = new { matter = "Pension", description = "请求发给抚恤金", hardshipCommitment = true, receivedOn = Farun.Common.Calendar.ChinaTime.Today().AddDays(-30).ToString("yyyy-MM-dd") },
        });
        var number = late["number"]!.GetValue<string>();
        var queue = await officer.GetStringAsync("/workbench?view=queue");
        Assert.Contains(number, queue);
        Assert.Contains("已超期", queue);
        Assert.DoesNotContain(number, await officer.GetStringAsync("/workbench?view=mine"));
        await Api.ActAsync(officer, late["id"]!.GetValue<string>(), "claim");
        var mine = await officer.GetStringAsync("/workbench");
        Assert.Contains(number, mine);
        Assert.Contains("您有 1 件在办事项已超过办理期限", mine);
        Assert.DoesNotContain(number, await officer.GetStringAsync("/workbench?view=all&type=Consultation"));
        var admin = StaffClient.Anonymous(app.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/workbench")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string pageWithToken, IEnumerable<(string Name, string Value)> fields)
    {
        var token = TokenRegex().Match(pageWithToken).Groups[1].Value;
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("data-action=\"([a-z-]+)\"")]
    private static partial Regex ActionRegex();

    [GeneratedRegex("data-testid=\"revealed\">([^<]+)<")]
    private static partial Regex RevealedRegex();
}
