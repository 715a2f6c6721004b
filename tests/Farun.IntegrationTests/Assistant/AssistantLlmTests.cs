using System.Diagnostics;
using Farun.Data;
using Farun.Features.Assistant;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Assistant;

/// <summary>The optional language model, against a real local HTTP server speaking the OpenAI protocol.</summary>
public sealed class AssistantLlmTests : IAsyncLifetime
{
    private const string WageQuestion = "我叫张三，电话13812345678，住在人民路88号3栋201室，老板三个月没发工资怎么办？";

    private FakeOpenAiServer _model = null!;
    private AssistantApp _app = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeOpenAiServer.StartAsync();
        // A timeout no busy CI machine reaches: with 1 s, a fresh app's first model call (client set-up, JIT) sometimes
        // timed out before the request reached the server, and the test saw no request. The timeout has its own test.
        _app = await StartAppAsync(_model, timeoutSeconds: 30);
    }

    private static Task<AssistantApp> StartAppAsync(FakeOpenAiServer model, int timeoutSeconds) =>
        AssistantApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Farun:Assistant:Llm:Endpoint"] = model.BaseUrl,
            ["Farun:Assistant:Llm:ApiKey"] = "test-key",
            ["Farun:Assistant:Llm:Model"] = "fake-model",
            ["Farun:Assistant:Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Ask_ModelCitesFabricatedArticle_CitationRemovedAndFlagged()
    {
        _model.Reply = "按照《中华人民共和国劳动合同法》第三十条，用人单位应当按时足额支付劳动报酬。另外依照《中华人民共和国劳动合同法》第三百零一条，老板还要赔您十倍工资。";
        var body = await AssistantApp.AskAsync(_app.Citizen(), WageQuestion);
        var answer = body["answer"]!;
        Assert.True(answer["usedLlm"]!.GetValue<bool>());
        var explanation = answer["explanation"]!.GetValue<string>();
        Assert.Contains("第三十条", explanation);
        Assert.DoesNotContain("第三百零一条", explanation);
        Assert.Contains(CitationVerifier.RemovedMark, explanation);
        var removed = Assert.Single(answer["removedCitations"]!.AsArray());
        Assert.Contains("第三百零一条", removed!["cited"]!.GetValue<string>());
        Assert.Contains("编造", removed["reason"]!.GetValue<string>());
        // The articles shown are still the retrieved ones, with the real text.
        Assert.Contains(answer["articles"]!.AsArray(), a => a!["articleId"]!.GetValue<string>() == "劳动合同法#30");

        // The prompt held the retrieved articles and the question with placeholders only.
        var prompt = _model.LastUserMessage();
        Assert.Contains("劳动报酬", prompt);
        Assert.Contains("【姓名】", prompt);
        Assert.Contains("【电话】", prompt);
        Assert.Contains("【地址】", prompt);
        Assert.DoesNotContain("张三", prompt);
        Assert.DoesNotContain("13812345678", prompt);
        Assert.DoesNotContain("人民路88号", prompt);

        // The log keeps the flag for staff review.
        await using var scope = _app.Factory.Scope();
        var turn = await scope.ServiceProvider.GetRequiredService<FarunDbContext>().Set<AssistantTurn>()
            .SingleAsync(t => t.Id == Guid.Parse(answer["turnId"]!.GetValue<string>()));
        Assert.True(turn.UsedLlm);
        Assert.Contains("第三百零一条", turn.RemovedCitations);
        Assert.DoesNotContain("张三", turn.Question);
        Assert.DoesNotContain("13812345678", turn.Question);
    }

    [Fact]
    public async Task Ask_ModelEchoesIdNumber_RedactedInAnswerAndLog()
    {
        _model.Reply = "您好，身份证110101199003074514的当事人，根据《中华人民共和国劳动合同法》第三十条，用人单位应当按时足额支付劳动报酬，可以打13900001111联系。";
        var body = await AssistantApp.AskAsync(_app.Citizen(), "老板三个月没发工资怎么办？");
        var explanation = body["answer"]!["explanation"]!.GetValue<string>();
        Assert.True(body["answer"]!["usedLlm"]!.GetValue<bool>());
        Assert.DoesNotContain("110101199003074514", explanation);
        Assert.DoesNotContain("13900001111", explanation);
        Assert.Contains("【身份证号】", explanation);
        Assert.Contains("【电话】", explanation);

        await using var scope = _app.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var turn = await db.Set<AssistantTurn>().SingleAsync(t => t.Id == Guid.Parse(body["answer"]!["turnId"]!.GetValue<string>()));
        Assert.DoesNotContain("110101199003074514", turn.Explanation);
        Assert.DoesNotContain("110101199003074514", turn.AnswerJson);
    }

    [Fact]
    public async Task Ask_ModelTimesOut_DefaultAnswerWithinTimeout()
    {
        await using var app = await StartAppAsync(_model, timeoutSeconds: 3);
        _model.Reply = "太慢了，不会被看到。";
        _model.Delay = TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        var body = await AssistantApp.AskAsync(app.Citizen(), "老板三个月没发工资怎么办？");
        watch.Stop();
        var answer = body["answer"]!;
        Assert.False(answer["usedLlm"]!.GetValue<bool>());
        Assert.StartsWith("这是劳动方面的问题", answer["explanation"]!.GetValue<string>());
        Assert.NotEmpty(answer["articles"]!.AsArray());
        Assert.InRange(watch.Elapsed.TotalSeconds, 2.9, 14);
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task Ask_ModelFails_DefaultAnswer()
    {
        _model.FailWith = 500;
        var body = await AssistantApp.AskAsync(_app.Citizen(), "老板三个月没发工资怎么办？");
        Assert.False(body["answer"]!["usedLlm"]!.GetValue<bool>());
        Assert.StartsWith("这是劳动方面的问题", body["answer"]!["explanation"]!.GetValue<string>());
        Assert.Single(_model.Requests);
    }

    [Fact]
    public async Task Ask_NotSure_ModelNotAsked()
    {
        _model.Reply = "不应被调用。";
        var body = await AssistantApp.AskAsync(_app.Citizen(), "今天天气怎么样");
        Assert.Equal("NotSure", body["answer"]!["kind"]!.GetValue<string>());
        Assert.Empty(_model.Requests);
    }
}
