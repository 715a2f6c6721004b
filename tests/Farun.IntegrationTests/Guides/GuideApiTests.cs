using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Common.Calendar;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Guides.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Guides;

public sealed class GuideApiTests
{
    private static async Task<JsonElement> EvaluateAsync(HttpClient client, string id, object answers, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"/api/guides/{id}/evaluate", new { answers });
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task List_Anonymous_ReturnsTheShippedGuides()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var list = await StaffClient.Anonymous(factory).GetFromJsonAsync<JsonElement>("/api/guides");
        var ids = list.EnumerateArray().Select(g => g.GetProperty("id").GetString()).ToList();
        Assert.Equal(7, ids.Count);
        Assert.Contains("legal-aid", ids);
        var legalAid = list.EnumerateArray().Single(g => g.GetProperty("id").GetString() == "legal-aid");
        Assert.Equal("Shipped", legalAid.GetProperty("origin").GetString());
        Assert.Equal("/guides/legal-aid", legalAid.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Get_LegalAid_ShowsQuestionsOutcomesAndConfiguredThreshold()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database, new Dictionary<string, string?>
        {
            ["Farun:Guides:Parameters:income_threshold:Value"] = "2690",
            ["Farun:Guides:Parameters:income_threshold:Source"] = "测试地区经济困难标准",
        });
        var guide = await StaffClient.Anonymous(factory).GetFromJsonAsync<JsonElement>("/api/guides/legal-aid");
        Assert.Equal("matter", guide.GetProperty("start").GetString());
        Assert.Contains(guide.GetProperty("outcomes").EnumerateArray(), o => o.GetProperty("id").GetString() == "eligible_means");
        var threshold = Assert.Single(guide.GetProperty("parameters").EnumerateArray());
        Assert.Equal("2,690元", threshold.GetProperty("value").GetString());
        Assert.Equal("测试地区经济困难标准", threshold.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Get_UnknownGuide_Is404InChinese()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).GetAsync("/api/guides/no-such-guide");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这个问卷", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Evaluate_NoAnswers_ReturnsFirstQuestionWithProgress()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var body = await EvaluateAsync(StaffClient.Anonymous(factory), "wage-arrears", new { });
        Assert.Equal("question", body.GetProperty("status").GetString());
        Assert.Equal("employer_type", body.GetProperty("question").GetProperty("id").GetString());
        Assert.Equal(3, body.GetProperty("question").GetProperty("options").GetArrayLength());
        Assert.Equal(1, body.GetProperty("step").GetInt32());
        Assert.True(body.GetProperty("estimatedTotal").GetInt32() >= 5);
    }

    [Fact]
    public async Task Evaluate_WagesAfterLeaving_ComputesArbitrationDeadlineAndPrefillsLegalAid()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var today = ChinaTime.Today();
        var left = today.AddDays(-100);
        var body = await EvaluateAsync(StaffClient.Anonymous(factory), "wage-arrears", new
        {
            employer_type = "construction",
            crew_boss = true,
            amount = "20,000元",
            still_working = false,
            left_date = left.ToString("yyyy-MM-dd"),
            route = "arbitration",
        });
        Assert.Equal("outcome", body.GetProperty("status").GetString());
        var outcome = body.GetProperty("outcome");
        Assert.Equal("arbitration", outcome.GetProperty("id").GetString());
        var expected = GuideFunctions.PeriodEnd(left.AddYears(1), WorkingDayCalendar.China);
        var deadline = outcome.GetProperty("deadlines")[0];
        Assert.Equal(expected.ToString("yyyy-MM-dd"), deadline.GetProperty("date").GetString());
        Assert.Equal(expected.DayNumber - today.DayNumber, deadline.GetProperty("daysLeft").GetInt32());
        // 20,000 yuan is not above 12 months of the (default) minimum wage: the award is final, and the basis says so.
        Assert.Contains(outcome.GetProperty("basis").EnumerateArray(), b => b.GetProperty("cite").GetString()!.Contains("第四十七条第一项"));
        var action = outcome.GetProperty("action");
        Assert.Equal("legal_aid", action.GetProperty("kind").GetString());
        // Online legal-aid applications open where citizen sign-in exists (its "Citizen" policy).
        var citizenSignIn = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>>()
            .Value.GetPolicy("Citizen") is not null;
        Assert.Equal(citizenSignIn, action.GetProperty("available").GetBoolean());
        var fields = action.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("display").GetString());
        Assert.Equal("申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员（第四十二条第三项，免予核查）", fields["means_test_exemption"]);
        Assert.Equal("20,000元", fields["amount"]);
        Assert.Equal(GuideFormat.Date(expected), fields["deadline"]);
        Assert.Contains(outcome.GetProperty("places").EnumerateArray(), p => p.GetProperty("name").GetString() == "示范区公共法律服务中心"
            && p.GetProperty("hours").GetString() == "周一至周五 9:00-17:00");
    }

    [Fact]
    public async Task Evaluate_AnswersOffThePath_AreListedAsIgnored()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var body = await EvaluateAsync(StaffClient.Anonymous(factory), "legal-aid", new { matter = "criminal", criminal_role = "accused", household_size = 3 });
        Assert.Equal("criminal_defence", body.GetProperty("outcome").GetProperty("id").GetString());
        Assert.Equal(["household_size"], body.GetProperty("ignored").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(2, body.GetProperty("answered").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"answers\":{\"amount\":\"很多\"}}", "answers.amount", "请填写金额")]
    [InlineData("{\"answers\":{\"employer_type\":\"factory\"}}", "answers.employer_type", "选项")]
    [InlineData("{\"answers\":{\"nonsense\":true}}", "answers.nonsense", "没有问题")]
    [InlineData("{\"answers\":{\"still_working\":\"也许\"}}", "answers.still_working", "“是”或“否”")]
    [InlineData("{\"answers\":{\"amount\":{\"v\":1}}}", "answers.amount", "格式不对")]
    public async Task Evaluate_BadAnswer_Is400NamingTheQuestion(string json, string field, string message)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).PostAsync("/api/guides/wage-arrears/evaluate", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, body.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Evaluate_DateAfterToday_Is400WithTheBound()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var body = await EvaluateAsync(StaffClient.Anonymous(factory), "wage-arrears", new
        {
            employer_type = "company",
            amount = 5000,
            still_working = false,
            left_date = ChinaTime.Today().AddDays(3).ToString("yyyy-MM-dd"),
        }, HttpStatusCode.BadRequest);
        Assert.Equal("不能晚于今天。", body.GetProperty("errors").GetProperty("answers.left_date")[0].GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"answers\":[1,2]}")]
    public async Task Evaluate_MalformedBody_Is400(string json)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).PostAsync("/api/guides/legal-aid/evaluate", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sessions_SaveResumeUpdate_PersistAnswersUnderTheCode(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        var created = await client.PostAsJsonAsync("/api/guides/divorce/sessions", new { answers = new { both_agree = true } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}$", code);
        Assert.Equal(code[..4] + "-" + code[4..], session.GetProperty("displayCode").GetString());
        Assert.Equal("terms_agreed", session.GetProperty("state").GetProperty("question").GetProperty("id").GetString());

        // Typed as a citizen might: lower case with a dash.
        var resumed = await client.GetFromJsonAsync<JsonElement>($"/api/guides/sessions/{code[..4].ToLowerInvariant()}-{code[4..]}");
        Assert.Equal("yes", resumed.GetProperty("answers").GetProperty("both_agree").GetString());

        var updated = await client.PutAsJsonAsync($"/api/guides/sessions/{code}", new { answers = new { both_agree = true, terms_agreed = true, applied = false } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var state = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state");
        Assert.Equal("by_agreement", state.GetProperty("outcome").GetProperty("id").GetString());

        await using var scope = factory.Scope();
        var stored = await factory.Db(scope).GuideSessions.SingleAsync();
        Assert.Equal("divorce", stored.GuideId);
        Assert.Contains("\"terms_agreed\":\"yes\"", stored.AnswersJson, StringComparison.Ordinal);
        Assert.True(stored.ExpiresAt > DateTimeOffset.UtcNow.AddDays(29));
    }

    [Theory]
    [InlineData("ABCD2345")]
    [InlineData("0OIL1234")]
    [InlineData("short")]
    public async Task Sessions_UnknownOrMalformedCode_Is404(string code)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).GetAsync($"/api/guides/sessions/{code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("续填码", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sessions_Expired_AreNotFoundAndCleanedUp()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var client = StaffClient.Anonymous(factory);
        var session = await (await client.PostAsJsonAsync("/api/guides/mediation/sessions", new { answers = new { dispute_type = "neighbour" } })).Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString();
        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/guides/sessions/{code}")).StatusCode);

        await using var scope = factory.Scope();
        await ActivatorUtilities.CreateInstance<Farun.Web.Features.Guides.GuideSessionCleanupJob>(scope.ServiceProvider).RunAsync(CancellationToken.None);
        Assert.Equal(0, await factory.Db(scope).GuideSessions.CountAsync());
    }

    [Fact]
    public async Task Apply_SinkUnavailable_Is409AndSaysWhereToGo()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<Farun.Web.Features.Guides.Apply.IGuideApplicationSink>(new Farun.Web.Features.Guides.Apply.UnavailableApplicationSink()));
        var client = StaffClient.Anonymous(factory);
        var code = await FinishedMediationAsync(client);
        var response = await client.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { name = "王芳", phone = "13812345678", consent = true });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("暂未开通", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static async Task<string> FinishedMediationAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/guides/mediation/sessions", new
        {
            answers = new { dispute_type = "neighbour", in_court = false, other_refuses = false, amount = 3000, other_party = "楼上邻居李四", description = "楼上漏水，泡坏了我家天花板，想让他赔偿修理费。" },
        });
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("apply", session.GetProperty("state").GetProperty("outcome").GetProperty("id").GetString());
        return session.GetProperty("code").GetString()!;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Apply_WithSink_SubmitsPrefilledApplicationOnceAndAudits(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var sink = new RecordingSink();
        await using var factory = GuideTestSupport.WithSink(database, sink);
        var client = StaffClient.Anonymous(factory);
        var code = await FinishedMediationAsync(client);

        var first = await client.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { name = " 王芳 ", phone = "138 1234 5678", consent = true });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TEST-0001", receipt.GetProperty("referenceNumber").GetString());

        var application = Assert.Single(sink.Received);
        Assert.Equal(ApplicationKind.Mediation, application.Kind);
        Assert.Equal("mediation", application.GuideId);
        Assert.Equal("neighbour", application.Fields["dispute_type"]);
        Assert.Equal(3000m, application.Fields["amount"]);
        Assert.Equal("楼上漏水，泡坏了我家天花板，想让他赔偿修理费。", application.Fields["summary"]);
        Assert.Equal(new Farun.Web.Features.Guides.Apply.ApplicantContact("王芳", "13812345678"), application.Applicant);

        var second = await client.PostAsJsonAsync($"/api/guides/sessions/{code}/apply", new { name = "王芳", phone = "13812345678", consent = true });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadySubmitted").GetBoolean());
        Assert.Equal("TEST-0001", again.GetProperty("referenceNumber").GetString());
        Assert.Single(sink.Received);

        await using var scope = factory.Scope();
        var db = factory.Db(scope);
        Assert.Equal("TEST-0001", (await db.GuideSessions.SingleAsync()).ApplicationReference);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "guide.apply");
        Assert.Equal("TEST-0001", audit.EntityId);
        Assert.DoesNotContain("13812345678", audit.Details ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"王芳\",\"phone\":\"12345\",\"consent\":true}", "phone")]
    [InlineData("{\"name\":\"王芳\",\"phone\":\"12348\",\"consent\":true}", "phone")]
    [InlineData("{\"name\":\"\",\"phone\":\"13812345678\",\"consent\":true}", "name")]
    [InlineData("{\"name\":\"王芳\",\"phone\":\"13812345678\",\"consent\":false}", "consent")]
    [InlineData("{\"name\":\"王\\u0007芳\",\"phone\":\"13812345678\",\"consent\":true}", "name")]
    public async Task Apply_BadApplicant_Is400(string json, string field)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var sink = new RecordingSink();
        await using var factory = GuideTestSupport.WithSink(database, sink);
        var client = StaffClient.Anonymous(factory);
        var code = await FinishedMediationAsync(client);
        var response = await client.PostAsync($"/api/guides/sessions/{code}/apply", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task Apply_InterviewNotFinished_Is409()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = GuideTestSupport.WithSink(database, new RecordingSink());
        var client = StaffClient.Anonymous(factory);
        var session = await (await client.PostAsJsonAsync("/api/guides/mediation/sessions", new { answers = new { dispute_type = "family" } })).Content.ReadFromJsonAsync<JsonElement>();
        var response = await client.PostAsJsonAsync($"/api/guides/sessions/{session.GetProperty("code").GetString()}/apply", new { name = "王芳", phone = "13812345678", consent = true });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("还没有答完", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
