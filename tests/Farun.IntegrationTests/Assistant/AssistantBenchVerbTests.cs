using System.Text.Json;
using Farun.IntegrationTests.Infrastructure;
using Farun.IntegrationTests.Search;

namespace Farun.IntegrationTests.Assistant;

public sealed class AssistantBenchVerbTests
{
    [Fact]
    public async Task AssistantBench_MiniatureCorpus_ReportsLatencyAndAnswerKinds()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var queries = Path.Combine(Path.GetDirectoryName(SearchLibrary.LawsPath)!, "queries.json");
        var json = Path.Combine(database.DataDir, "bench.json");
        var result = await CliRunner.RunAsync(database, null,
            "assistant", "bench", "--laws", SearchLibrary.LawsPath, "--queries", queries, "--train", queries, "--passes", "1", "--json", json);
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        Assert.Contains("Default answer over", result.Stdout);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var answer = report.RootElement.GetProperty("Answer");
        Assert.True(answer.GetProperty("Count").GetInt32() > 0);
        Assert.True(answer.GetProperty("P99Ms").GetDouble() >= answer.GetProperty("P50Ms").GetDouble());
        Assert.True(report.RootElement.GetProperty("Kinds").EnumerateObject().Sum(k => k.Value.GetInt32()) == answer.GetProperty("Count").GetInt32());
        Assert.InRange(report.RootElement.GetProperty("ShownHitRate").GetDouble(), 0.01, 1);

        var missing = await CliRunner.RunAsync(database, null, "assistant", "bench", "--laws", "/nonexistent", "--queries", queries);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("找不到", missing.Stderr);
    }
}
