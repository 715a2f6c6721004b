using System.Net;
using System.Net.Http.Json;
using System.Text;
using Farun.Data;
using Farun.Features.Assistant;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Assistant;

public sealed class AssistantApiTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AskThenHandOff_CaseWithTranscriptAndArticles_CitizenFollowsIt(string provider)
    {
        await using var app = await AssistantApp.StartAsync(provider);
        var citizen = app.Citizen();

        var first = await AssistantApp.AskAsync(citizen, "我叫张三，电话13812345678，老板三个月没发工资怎么办？");
        var conversationId = first["conversationId"]!.GetValue<string>();
        var answer = first["answer"]!;
        Assert.Equal("Clarify", answer["kind"]!.GetValue<string>());
        Assert.Equal("劳动", answer["domainName"]!.GetValue<string>()[..2]);
        Assert.Equal("是否签订了书面劳动合同？", answer["clarifyingQuestion"]!.GetValue<string>());
        Assert.DoesNotContain("张三", answer["question"]!.GetValue<string>());
        Assert.Contains("【电话】", answer["question"]!.GetValue<string>());
        var wage = answer["articles"]!.AsArray().Single(a => a!["articleId"]!.GetValue<string>() == "劳动合同法#30")!;
        Assert.Equal("《中华人民共和国劳动合同法》第三十条", wage["name"]!.GetValue<string>());
        Assert.Contains(wage["segments"]!.AsArray(), s => s!["key"]!.GetValue<bool>());
        Assert.Matches("^/laws/[0-9a-f-]{36}#a30$", wage["url"]!.GetValue<string>());
        var steps = answer["nextSteps"]!.AsArray();
        Assert.Contains(steps, s => s!["phone"]?.GetValue<string>() == "12348");
        Assert.Contains(steps, s => s!["kind"]!.GetValue<string>() == "service-point");
        var guide = steps.Single(s => s!["kind"]!.GetValue<string>() == "guide")!;
        Assert.Equal("/guides/wage-arrears", guide["url"]!.GetValue<string>());
        Assert.Contains("讨薪", guide["title"]!.GetValue<string>());
        Assert.Contains("不是律师的法律意见", answer["disclaimer"]!.GetValue<string>());

        var second = await AssistantApp.AskAsync(citizen, "没有签书面合同", conversationId);
        Assert.Equal(conversationId, second["conversationId"]!.GetValue<string>());
        Assert.Equal(2, second["answer"]!["seq"]!.GetValue<int>());
        Assert.NotEqual("是否签订了书面劳动合同？", second["answer"]!["clarifyingQuestion"]?.GetValue<string>());

        var handoff = await AssistantApp.ReadAsync(await citizen.PostAsync($"/api/assistant/conversations/{conversationId}/handoff", null), HttpStatusCode.OK);
        var number = handoff["number"]!.GetValue<string>();
        Assert.StartsWith("ZX-", number, StringComparison.Ordinal);
        Assert.False(handoff["urgent"]!.GetValue<bool>());
        var again = await AssistantApp.ReadAsync(await citizen.PostAsync($"/api/assistant/conversations/{conversationId}/handoff", null), HttpStatusCode.OK);
        Assert.Equal(number, again["number"]!.GetValue<string>());

        // The citizen follows the case through the conversation.
        var conversation = await AssistantApp.ReadAsync(await citizen.GetAsync($"/api/assistant/conversations/{conversationId}"), HttpStatusCode.OK);
        Assert.Equal(2, conversation["turns"]!.AsArray().Count);
        Assert.Equal(number, conversation["case"]!["number"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(conversation["case"]!["state"]!.GetValue<string>()));

        // Staff see it in the case list and open it: transcript (redacted) and the articles already found.
        var staff = await app.StaffAsync("manager");
        var list = await AssistantApp.ReadAsync(await staff.GetAsync("/api/cases?channel=RobotHandoff&number=" + number), HttpStatusCode.OK);
        var item = list["items"]!.AsArray().Single()!;
        var detail = await AssistantApp.ReadAsync(await staff.GetAsync($"/api/cases/{item["id"]!.GetValue<string>()}"), HttpStatusCode.OK);
        Assert.Equal("Consultation", detail["type"]!.GetValue<string>());
        Assert.Equal("RobotHandoff", detail["channel"]!.GetValue<string>());
        var question = detail["consultation"]!["question"]!.GetValue<string>();
        Assert.Contains("智能法律助手转人工", question);
        Assert.Contains("老板三个月没发工资", question);
        Assert.Contains("没有签书面合同", question);
        Assert.DoesNotContain("张三", question);
        Assert.DoesNotContain("13812345678", question);
        Assert.Equal("Labour", detail["consultation"]!["domain"]!.GetValue<string>());
        Assert.Contains(detail["timeline"]!.AsArray(), e => e!["text"]?.GetValue<string>() is { } t && t.Contains("《中华人民共和国劳动合同法》第三十条"));

        await using var scope = app.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var turns = await db.Set<AssistantTurn>().AsNoTracking().ToListAsync();
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t => Assert.DoesNotContain("13812345678", t.Question + t.AnswerJson));
        Assert.Contains(await db.AuditEntries.AsNoTracking().ToListAsync(), e => e.Action == "case.create" && e.EntityType == "Case");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ask_DangerSignal_EmergencyNumbersAndUrgentCase(string provider)
    {
        await using var app = await AssistantApp.StartAsync(provider);
        var body = await AssistantApp.AskAsync(app.Citizen(), "老公打我，还威胁要杀我全家，我想离婚");
        var answer = body["answer"]!;
        Assert.Equal("Danger", answer["kind"]!.GetValue<string>());
        Assert.Equal(["110", "120", "12338"], answer["emergency"]!.AsArray().Select(e => e!["number"]!.GetValue<string>()).ToList());
        var handoff = answer["case"]!;
        Assert.True(handoff["urgent"]!.GetValue<bool>());
        var number = handoff["number"]!.GetValue<string>();

        var staff = await app.StaffAsync("manager");
        var list = await AssistantApp.ReadAsync(await staff.GetAsync("/api/cases?number=" + number), HttpStatusCode.OK);
        var item = list["items"]!.AsArray().Single()!;
        Assert.Equal("High", item["priority"]!.GetValue<string>());
        var detail = await AssistantApp.ReadAsync(await staff.GetAsync($"/api/cases/{item["id"]!.GetValue<string>()}"), HttpStatusCode.OK);
        Assert.Contains(detail["timeline"]!.AsArray(), e => e!["text"]?.GetValue<string>() is { } t && t.StartsWith("紧急：", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadAsks => new()
    {
        { """{"question":""}""", "请输入您的问题" },
        { """{"question":"   "}""", "请输入您的问题" },
        { """{}""", "请输入您的问题" },
        { "{\"question\":\"" + new string('工', 1001) + "\"}", "问题太长了" },
        { """{"question":"工资\u0001拖欠"}""", "控制字符" },
        { """{"question":"工资","conversationId":"abc"}""", "对话编号格式不对" },
        { """{"question":"工资","conversationId":"6f1c2e8e-2b7a-4d0c-9d7e-1f0a3b5c7d9e"}""", "找不到这个对话" },
        { """{"question":5}""", "" },
        { """not json""", "" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadAsks))]
    public async Task Ask_BadInput_ProblemDetailsWithChineseMessage(string json, string message)
    {
        await using var app = await AssistantApp.StartAsync();
        var response = await app.Citizen().PostAsync("/api/assistant/ask", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, body);
    }

    [Fact]
    public async Task Ask_OverRateLimit_429WithRetryAfter()
    {
        await using var app = await AssistantApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Farun:Assistant:RequestsPerWindow"] = "3",
            ["Farun:Assistant:WindowSeconds"] = "600",
        });
        var citizen = app.Citizen();
        for (var i = 0; i < 3; i++)
            await AssistantApp.AskAsync(citizen, "老板拖欠工资怎么办？");
        var refused = await citizen.PostAsJsonAsync("/api/assistant/ask", new { question = "老板拖欠工资怎么办？" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("提问太频繁", await refused.Content.ReadAsStringAsync());

        await using var scope = app.Factory.Scope();
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<FarunDbContext>().Set<AssistantTurn>().CountAsync());
    }

    [Fact]
    public async Task HandOff_UnknownConversation_404()
    {
        await using var app = await AssistantApp.StartAsync();
        var response = await app.Citizen().PostAsync($"/api/assistant/conversations/{Guid.NewGuid()}/handoff", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个对话", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReviewQueue_LowRatedConfirmed_SameQuestionGetsConfirmedArticleFirst()
    {
        await using var app = await AssistantApp.StartAsync();
        var citizen = app.Citizen();
        const string question = "房东不退押金怎么办？";
        var asked = await AssistantApp.AskAsync(citizen, question);
        var conversationId = asked["conversationId"]!.GetValue<string>();
        var turnId = asked["answer"]!["turnId"]!.GetValue<string>();
        Assert.NotEqual("劳动合同法#82", asked["answer"]!["articles"]!.AsArray().FirstOrDefault()?["articleId"]?.GetValue<string>());
        var rated = await citizen.PostAsJsonAsync($"/api/assistant/conversations/{conversationId}/ratings", new { turnId, rating = "NotUseful" });
        Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        var badRating = await citizen.PostAsJsonAsync($"/api/assistant/conversations/{conversationId}/ratings", new { turnId });
        Assert.Equal(HttpStatusCode.BadRequest, badRating.StatusCode);
        Assert.Contains("有用", await badRating.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/assistant/review")).StatusCode);
        var staff = await app.StaffAsync("staff");
        var queue = await AssistantApp.ReadAsync(await staff.GetAsync("/api/assistant/review"), HttpStatusCode.OK);
        var item = queue["items"]!.AsArray().Single(i => i!["turnId"]!.GetValue<string>() == turnId)!;
        Assert.Equal("NotUseful", item["rating"]!.GetValue<string>());
        Assert.Equal(question, item["question"]!.GetValue<string>());

        var unknown = await staff.PostAsJsonAsync($"/api/assistant/review/{turnId}/confirm", new { citations = "劳动合同法第九百条" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("法律库中没有", await unknown.Content.ReadAsStringAsync());
        var confirmed = await AssistantApp.ReadAsync(
            await staff.PostAsJsonAsync($"/api/assistant/review/{turnId}/confirm", new { citations = "劳动合同法第八十二条", note = "测试确认" }), HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed["state"]!.GetValue<string>());

        // The confirmed pair is a labelled question for retrieval at once: the same question now gets that article first.
        var again = await AssistantApp.AskAsync(citizen, question);
        var top = again["answer"]!["articles"]!.AsArray()[0]!;
        Assert.Equal("劳动合同法#82", top["articleId"]!.GetValue<string>());
        Assert.True(top["confirmed"]!.GetValue<bool>());
        var pending = await AssistantApp.ReadAsync(await staff.GetAsync("/api/assistant/review?state=Confirmed"), HttpStatusCode.OK);
        Assert.Contains(pending["items"]!.AsArray(), i => i!["turnId"]!.GetValue<string>() == turnId);

        await using var scope = app.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.Contains(audit, e => e.Action == "assistant.review.confirm" && e.EntityId == turnId);
        Assert.Contains(audit, e => e.Action == "assistant.rate" && e.EntityId == turnId && e.Details!.Contains("NotUseful"));
        Assert.Contains(audit, e => e.Action == "assistant.ask" && e.EntityId == turnId && e.ActorKind == Farun.Features.Audit.ActorKind.Anonymous);
        Assert.DoesNotContain(audit, e => e.Details != null && e.Details.Contains("押金"));
        // A node that rebuilds its index (another node, a restart, an import) loads the confirmed question from the database.
        var rebuilt = await app.Factory.Services.GetRequiredService<SearchIndexService>().RebuildAsync(CancellationToken.None);
        Assert.Equal(1, rebuilt.TrainingQuestions);
        var afterRebuild = await AssistantApp.AskAsync(citizen, question);
        Assert.Equal("劳动合同法#82", afterRebuild["answer"]!["articles"]!.AsArray()[0]!["articleId"]!.GetValue<string>());
    }
}
