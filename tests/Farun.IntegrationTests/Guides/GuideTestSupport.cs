using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Guides.Apply;
using Farun.Web.Features.Guides.Engine;
using Farun.Web.Features.Laws;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Guides;

/// <summary>An application sink that accepts everything and remembers it (stands in for the case spine).</summary>
public sealed class RecordingSink : IGuideApplicationSink
{
    public ConcurrentQueue<GuideApplication> Received { get; } = new();

    public bool Accepts(ApplicationKind kind) => true;

    public Task<GuideApplicationReceipt> SubmitAsync(GuideApplication application, CancellationToken ct)
    {
        Received.Enqueue(application);
        var reference = $"TEST-{Received.Count:0000}";
        return Task.FromResult(new GuideApplicationReceipt(reference, $"/cases/{reference}"));
    }
}

public static partial class GuideTestSupport
{
    public static FarunFactory WithSink(TestDatabase database, RecordingSink sink) =>
        new(database, services: s => s.AddSingleton<IGuideApplicationSink>(sink));

    /// <summary>Imports the laws the shipped guides cite (copied from the shared corpus) into the app's database.</summary>
    public static async Task ImportGuideLawsAsync(FarunFactory factory)
    {
        Prerequisites.RequireLawCorpus();
        var root = GuideLawSubset.CopyTo(Prerequisites.LawCorpus, factory.Database.DataDir);
        await using var scope = factory.Scope();
        await scope.ServiceProvider.GetRequiredService<LawImporter>().ImportAsync(root, LawScope.National, null, CancellationToken.None);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    /// <summary>Posts a form the way a browser without JavaScript does: the page's antiforgery token, the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl);
        var token = TokenRegex().Match(page);
        Assert.True(token.Success, "no antiforgery token on " + pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Answers the question at <paramref name="questionUrl"/> and returns where the app sends the visitor next.</summary>
    public static async Task<string> AnswerAsync(HttpClient client, string questionUrl, string answer)
    {
        var response = await PostFormAsync(client, questionUrl, new Dictionary<string, string> { ["Answer"] = answer });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{questionUrl} answered '{answer}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString;
    }

    public const string UploadedGuide = """
        id: neighbour-noise
        version: 1
        title: 邻居噪音怎么办
        summary: 测试上传的问卷
        audience: 被噪音困扰的居民
        questions:
          - id: talked
            type: yesno
            text: 您和邻居当面沟通过吗？
            next:
              - if: talked
                goto: mediate
              - goto: talk_first
        outcomes:
          - id: mediate
            verdict: guidance
            title: 可以申请人民调解
            basis:
              - cite: 《中华人民共和国人民调解法》第十七条
                why: 当事人可以向人民调解委员会申请调解。
            action:
              kind: mediation
              label: 在线申请调解
              fields:
                dispute_type: '"neighbour"'
                summary: '"邻居噪音"'
          - id: talk_first
            verdict: guidance
            title: 先和邻居沟通
            basis:
              - 《中华人民共和国人民调解法》第四条
        """;
}
