using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Farun.IntegrationTests.Infrastructure;
using Farun.IntegrationTests.Search;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Farun.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Assistant;

/// <summary>The app on a test database with the miniature search corpus imported and indexed, for the assistant.</summary>
public sealed class AssistantApp : IAsyncDisposable
{
    private AssistantApp(TestDatabase database, FarunFactory factory)
    {
        Database = database;
        Factory = factory;
    }

    public TestDatabase Database { get; }

    public FarunFactory Factory { get; }

    public static async Task<AssistantApp> StartAsync(string provider = "Sqlite", IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?> { ["Farun:Search:CheckIntervalSeconds"] = "0" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            all[k] = v;
        var factory = new FarunFactory(database, all);
        _ = factory.Server;
        await ImportAsync(factory);
        return new AssistantApp(database, factory);
    }

    /// <summary>Imports the miniature corpus and rebuilds the search index, as after <c>laws import</c>.</summary>
    public static async Task ImportAsync(FarunFactory factory)
    {
        var corpus = LawCorpus.Load(SearchLibrary.LawsPath, LawScope.National);
        await using (var scope = factory.Scope())
            await scope.ServiceProvider.GetRequiredService<LawImporter>().WriteAsync(corpus, null, CancellationToken.None);
        await factory.Services.GetRequiredService<SearchIndexService>().RebuildAsync(CancellationToken.None);
    }

    public HttpClient Citizen() => StaffClient.Anonymous(Factory);

    public Task<HttpClient> StaffAsync(string user) => StaffClient.SignedInAsync(Factory, user);

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    public static async Task<JsonNode> AskAsync(HttpClient client, string question, string? conversationId = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await client.PostAsJsonAsync("/api/assistant/ask", new { conversationId, question }), expected);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
