using System.Net;
using System.Text.Json.Nodes;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Cases;

/// <summary>Every case, person and lawyer endpoint against every role (cookie sign-in for staff; for citizens the real phone
/// and one-time-code sign-in, whose cookie the case API accepts): a citizen reads and acts on their own cases only, and only
/// with the applicant's actions.</summary>
public sealed class CaseAuthorizationMatrixTests
{
    private static readonly string[] Roles =
        ["anonymous", "sysadmin", "secadmin", "auditor", "manager", "staff", "hotline", "mediator", "legalaid", "notary", "lawyer", "citizen"];

    private sealed record Row(string Endpoint, Func<HttpClient, string, Task<HttpResponseMessage>> Call, int[] Expected);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Endpoints_EveryRole_ExpectedStatus(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.Anonymous() };
        foreach (var role in Roles.Where(r => r is not "anonymous" and not "citizen"))
            clients[role] = await app.StaffAsync(role);
        // The citizen signs in for real (phone and one-time code) and calls the API with the citizen cookie.
        var citizenPhone = Api.NewMobile();
        clients["citizen"] = await app.SignedInCitizenAsync(citizenPhone);
        var otherPhone = Api.NewMobile();
        var otherCitizen = await app.SignedInCitizenAsync(otherPhone);

        // A consultation at the district centre (handled by the hotline agent), one at street workstation S01, a legal-aid
        // application in the centre's queue, and the citizen's own online application.
        var centre = await Api.CreateAsync(clients["hotline"], Api.Consultation(answer: null));
        var street = await Api.CreateAsync(clients["staff"], Api.Consultation(answer: null, channel: "WalkIn"));
        var queue = await Api.CreateAsync(clients["legalaid"], Api.LegalAid());
        var own = await Api.CreateAsync(clients["citizen"], Api.LegalAid(new { person = new { name = "王五", phone = citizenPhone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal"));
        var others = await Api.CreateAsync(otherCitizen, Api.LegalAid(new { person = new { name = "钱七", phone = otherPhone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal"));
        string centreId = Id(centre), streetId = Id(street), queueId = Id(queue), ownId = Id(own), othersId = Id(others);
        async Task<string> FreshOwnAsync() =>
            Id(await Api.CreateAsync(clients["citizen"], Api.LegalAid(new { person = new { name = "王五", phone = citizenPhone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal")));
        var personId = centre["parties"]![0]!["personId"]!.GetValue<string>();
        var licence = 0;

        // The citizen cookie is read by the case API only: to the staff registries a citizen is anonymous (401).
        //                                                    anon sys  sec  aud  mgr  staf hotl med  legl not  lawy citz
        Row[] rows =
        [
            new("GET /api/cases", (c, _) => c.GetAsync("/api/cases"), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200]),
            new("GET /api/cases/counts", (c, _) => c.GetAsync("/api/cases/counts"), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 200]),
            new("GET /api/cases/{centre}", (c, _) => c.GetAsync($"/api/cases/{centreId}"), [401, 403, 403, 403, 200, 404, 200, 404, 200, 200, 404, 404]),
            new("GET /api/cases/{street}", (c, _) => c.GetAsync($"/api/cases/{streetId}"), [401, 403, 403, 403, 200, 200, 404, 200, 404, 404, 404, 404]),
            new("GET /api/cases/{own}", (c, _) => c.GetAsync($"/api/cases/{ownId}"), [401, 403, 403, 403, 200, 404, 200, 404, 200, 200, 404, 200]),
            new("GET /api/cases/{another citizen's}", (c, _) => c.GetAsync($"/api/cases/{othersId}"), [401, 403, 403, 403, 200, 404, 200, 404, 200, 200, 404, 404]),
            new("POST /api/cases/{another citizen's fresh}/actions/withdraw", async (c, _) =>
            {
                var fresh = Id(await Api.CreateAsync(otherCitizen, Api.LegalAid(new { person = new { name = "钱七", phone = otherPhone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal")));
                return await Api.PostAsync(c, $"/api/cases/{fresh}/actions/withdraw", new { reason = "矩阵测试" });
            }, [401, 403, 403, 403, 200, 404, 403, 404, 200, 403, 404, 404]),
            new("POST /api/cases (online consultation for the citizen)", (c, _) => Api.PostAsync(c, "/api/cases", new
            {
                type = "Consultation", channel = "OnlinePortal", applicant = new { person = new { name = "王五", phone = citizenPhone } },
                consultation = new { question = "网上咨询：押金不退怎么办？", domain = "RealEstate" },
            }), [401, 403, 403, 403, 201, 201, 201, 201, 201, 201, 201, 201]),
            new("POST /api/cases (consultation)", (c, _) => Api.PostAsync(c, "/api/cases", Api.Consultation(channel: "WalkIn")), [401, 403, 403, 403, 201, 201, 201, 201, 201, 201, 201, 403]),
            new("POST /api/cases/{centre}/actions/note", (c, _) => Api.PostAsync(c, $"/api/cases/{centreId}/actions/note", new { text = "矩阵测试" }), [401, 403, 403, 403, 200, 404, 200, 404, 200, 200, 404, 404]),
            new("POST /api/cases/{own}/actions/note", (c, _) => Api.PostAsync(c, $"/api/cases/{ownId}/actions/note", new { text = "矩阵测试" }), [401, 403, 403, 403, 200, 404, 200, 404, 200, 200, 404, 403]),
            new("POST /api/cases/{new legal aid}/actions/grant", async (c, _) =>
            {
                var fresh = Id(await Api.CreateAsync(clients["legalaid"], Api.LegalAid()));
                return await Api.PostAsync(c, $"/api/cases/{fresh}/actions/grant", new { note = "符合条件" });
            }, [401, 403, 403, 403, 200, 404, 403, 404, 200, 403, 404, 404]),
            new("POST /api/cases/{fresh own}/actions/grant", async (c, _) => await Api.PostAsync(c, $"/api/cases/{await FreshOwnAsync()}/actions/grant", new { note = "符合条件" }),
                [401, 403, 403, 403, 200, 404, 403, 404, 200, 403, 404, 403]),
            new("POST /api/cases/{fresh own}/actions/request-materials", async (c, _) => await Api.PostAsync(c, $"/api/cases/{await FreshOwnAsync()}/actions/request-materials", new { missing = "身份证复印件" }),
                [401, 403, 403, 403, 200, 404, 403, 404, 200, 403, 404, 403]),
            new("POST /api/cases/{fresh own}/actions/withdraw", async (c, _) => await Api.PostAsync(c, $"/api/cases/{await FreshOwnAsync()}/actions/withdraw", new { reason = "已和解" }),
                [401, 403, 403, 403, 200, 404, 403, 404, 200, 403, 404, 200]),
            new("POST /api/cases/{queue}/actions/refuse (then decided)", (c, _) => Api.PostAsync(c, $"/api/cases/{queueId}/actions/refuse", new { reasons = "不符合条件" }),
                [401, 403, 403, 403, 200, 404, 409, 404, 409, 409, 404, 404]),
            new("GET /api/cases/{queue}/lawyer-candidates", (c, _) => c.GetAsync($"/api/cases/{queueId}/lawyer-candidates"), [401, 403, 403, 403, 200, 404, 200, 404, 200, 200, 404, 401]),
            new("POST /api/persons", (c, _) => Api.PostAsync(c, "/api/persons", new { name = "赵六", idNumber = Api.NewIdNumber() }), [401, 403, 403, 403, 201, 201, 201, 201, 201, 201, 201, 401]),
            new("GET /api/persons", (c, _) => c.GetAsync("/api/persons?name=" + Uri.EscapeDataString("张三")), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 401]),
            new("GET /api/persons/{id}", (c, _) => c.GetAsync($"/api/persons/{personId}"), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 401]),
            new("POST /api/persons/{id}/reveal", (c, _) => Api.PostAsync(c, $"/api/persons/{personId}/reveal", new { field = "Phone", reason = "回访" }), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403, 401]),
            new("POST /api/organisations", (c, _) => Api.PostAsync(c, "/api/organisations", new { name = "某某建筑有限公司" }), [401, 403, 403, 403, 201, 201, 201, 201, 201, 201, 201, 401]),
            new("GET /api/lawyers", (c, _) => c.GetAsync("/api/lawyers"), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 401]),
            new("GET /api/law-firms", (c, _) => c.GetAsync("/api/law-firms"), [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200, 401]),
            new("POST /api/lawyers", async (c, _) =>
            {
                var firms = await c.GetAsync("/api/law-firms");
                var firmId = firms.IsSuccessStatusCode ? JsonNode.Parse(await firms.Content.ReadAsStringAsync())![0]!["id"]!.GetValue<string>() : Guid.NewGuid().ToString();
                return await Api.PostAsync(c, "/api/lawyers", new { name = "矩阵律师", licenceNumber = $"1510120200{Interlocked.Increment(ref licence):0000000}", firmId, practisingSince = 2020 });
            }, [401, 403, 403, 403, 201, 403, 403, 403, 201, 403, 403, 401]),
        ];

        var failures = new List<string>();
        foreach (var row in rows)
        {
            for (var i = 0; i < Roles.Length; i++)
            {
                var response = await row.Call(clients[Roles[i]], Roles[i]);
                if ((int)response.StatusCode != row.Expected[i])
                    failures.Add($"{row.Endpoint} as {Roles[i]}: expected {row.Expected[i]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [SkippableFact]
    public async Task ListCases_EachRole_SeesExactlyItsScope()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var hotline = await app.StaffAsync("hotline");
        var staff = await app.StaffAsync("staff");
        var manager = await app.StaffAsync("manager");
        var lawyer = await app.StaffAsync("lawyer");
        var centre = Id(await Api.CreateAsync(hotline, Api.Consultation(answer: null)));
        var street = Id(await Api.CreateAsync(staff, Api.Consultation(answer: null, channel: "WalkIn")));

        Assert.Equal([centre], await IdsAsync(hotline));
        Assert.Equal([street], await IdsAsync(staff));
        Assert.Equal(new[] { centre, street }.Order(), (await IdsAsync(manager)).Order());
        Assert.Empty(await IdsAsync(lawyer));

        // Transferred to the street workstation: the hotline agent no longer sees it, the street does.
        await Api.ActAsync(hotline, centre, "transfer", new { servicePointId = (await Api.GetCaseAsync(staff, street))["servicePoint"]!["id"]!.GetValue<string>(), reason = "申请人居住在该街道" });
        Assert.Empty(await IdsAsync(hotline));
        Assert.Equal(new[] { centre, street }.Order(), (await IdsAsync(staff)).Order());
    }

    private static string Id(JsonNode c) => c["id"]!.GetValue<string>();

    private static async Task<string[]> IdsAsync(HttpClient client)
    {
        var list = await Api.ReadAsync(await client.GetAsync("/api/cases?pageSize=100"), HttpStatusCode.OK);
        return [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
    }
}
