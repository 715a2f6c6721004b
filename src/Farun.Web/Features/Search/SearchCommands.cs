using System.CommandLine;
using System.Text.Json;
using Farun.Law.Evaluation;
using Farun.Law.Search;
using Farun.Web.Features.Laws;

namespace Farun.Web.Features.Search;

/// <summary>The search verbs under <c>laws</c>: eval, reindex, bench.</summary>
public static class SearchCommands
{
    private static readonly JsonSerializerOptions ReportJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Adds the verbs to the <c>laws</c> command.</summary>
    public static void AddTo(Command laws)
    {
        ArgumentNullException.ThrowIfNull(laws);
        laws.Subcommands.Add(Eval());
        laws.Subcommands.Add(Reindex());
        laws.Subcommands.Add(Bench());
    }

    /// <summary>Rebuilds this node's search index from the database and prints what it did.</summary>
    public static async Task RebuildIndexAsync(IServiceProvider services, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = await services.GetRequiredService<SearchIndexService>().RebuildAsync(ct);
        Console.WriteLine($"Search index: {snapshot.Documents} documents, {snapshot.TrainingQuestions} labelled questions, built in {watch.Elapsed.TotalSeconds:F1} s ({snapshot.Folder})");
    }

    private static Command Reindex()
    {
        var cmd = new Command("reindex", "从数据库重建本节点的法条检索索引（导入后会自动重建）。");
        cmd.SetAction(async (_, ct) =>
        {
            await using var app = Cli.CliHost.Build();
            await Common.Database.MigrateAsync(app.Services, ct);
            await RebuildIndexAsync(app.Services, ct);
            return 0;
        });
        return cmd;
    }

    private static Command Bench()
    {
        var lawsOption = new Option<DirectoryInfo>("--laws") { Description = "LawRefBook 格式的法律法规目录", Required = true };
        var queries = new Option<FileInfo>("--queries") { Description = "STARD 格式的查询文件（取其中的问题作负载）", Required = true };
        var train = new Option<FileInfo?>("--train") { Description = "用于学习的 STARD 格式训练文件（与线上配置相同时才有代表性）" };
        var count = new Option<int>("--count") { Description = "查询次数", DefaultValueFactory = _ => 2000 };
        var top = new Option<int>("--top") { Description = "每次返回条数（含摘要和说明）", DefaultValueFactory = _ => 10 };
        var scope = LawCommands.ScopeOption();
        scope.AcceptOnlyFromAmong("national", "all");
        var set = new Option<string[]>("--set") { Description = "覆盖检索配置", AllowMultipleArgumentsPerToken = true };
        var json = new Option<FileInfo?>("--json") { Description = "把结果写入该 JSON 文件" };
        var cmd = new Command("bench", "测量进程内检索延迟（p50/p99）、建索引耗时和内存。") { lawsOption, queries, train, count, top, scope, set, json };
        cmd.SetAction((parse, ct) =>
        {
            var options = RetrievalOptions.Default.With(parse.GetValue(set) ?? []);
            var result = SearchBenchmark.Run(parse.GetValue(lawsOption)!.FullName, parse.GetValue(queries)!.FullName, parse.GetValue(train)?.FullName,
                LawCommands.ParseScope(parse.GetValue(scope)), options, parse.GetValue(count), parse.GetValue(top), Console.Out, ct);
            if (parse.GetValue(json) is { } file)
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(result, ReportJson));
            return Task.FromResult(0);
        });
        return cmd;
    }

    private static Command Eval()
    {
        var lawsOption = new Option<DirectoryInfo>("--laws") { Description = "LawRefBook 格式的法律法规目录", Required = true };
        var queries = new Option<FileInfo>("--queries") { Description = "要评测的 STARD 格式查询文件（JSON）", Required = true };
        var train = new Option<FileInfo?>("--train") { Description = "用于学习的 STARD 格式训练文件；给出时用它学习、对 --queries 打分" };
        var folds = new Option<int>("--folds") { Description = "对查询文件做 k 折交叉验证（未给 --train 时）；0 = 不学习", DefaultValueFactory = _ => 0 };
        var scope = LawCommands.ScopeOption();
        scope.AcceptOnlyFromAmong("national", "all");
        var json = new Option<FileInfo?>("--json") { Description = "把全部指标、配置和耗时写入该 JSON 文件" };
        var set = new Option<string[]>("--set") { Description = "覆盖检索配置，如 --set ranker=Linear --set analyzers=Bigram+Jieba", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "分折与训练的随机种子", DefaultValueFactory = _ => 42 };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "不运行基线" };
        var indexDir = new Option<DirectoryInfo?>("--index-dir") { Description = "把建好的索引保存在此目录，下次语料和分词器相同时直接复用（调参用）" };
        var cmd = new Command("eval", "评测法条检索：Recall@1/5/10/20/100、MRR@10、nDCG@10（STARD 口径），同时运行 BM25 基线。")
        {
            lawsOption, queries, train, folds, scope, json, set, seed, noBaseline, indexDir,
        };
        cmd.SetAction((parse, ct) =>
        {
            var lawsDir = parse.GetValue(lawsOption)!;
            var queryFile = parse.GetValue(queries)!;
            var trainFile = parse.GetValue(train);
            if (!lawsDir.Exists)
            {
                Console.Error.WriteLine($"找不到目录：{lawsDir.FullName}");
                return Task.FromResult(2);
            }

            foreach (var f in new[] { queryFile, trainFile }.OfType<FileInfo>())
            {
                if (!f.Exists)
                {
                    Console.Error.WriteLine($"找不到文件：{f.FullName}");
                    return Task.FromResult(2);
                }
            }

            RetrievalOptions options;
            try
            {
                options = RetrievalOptions.Default.With(parse.GetValue(set) ?? []);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Console.Error.WriteLine(e.Message);
                return Task.FromResult(2);
            }

            var settings = new EvaluationSettings(lawsDir.FullName, queryFile.FullName, trainFile?.FullName, parse.GetValue(folds),
                LawCommands.ParseScope(parse.GetValue(scope)), options, parse.GetValue(seed), !parse.GetValue(noBaseline), parse.GetValue(indexDir)?.FullName);
            var report = StatuteEvaluation.Run(settings, Console.Out, ct);
            PrintReport(report);
            if (parse.GetValue(json) is { } jsonFile)
            {
                File.WriteAllText(jsonFile.FullName, ToJson(report));
                Console.WriteLine($"JSON: {jsonFile.FullName}");
            }

            return Task.FromResult(0);
        });
        return cmd;
    }

    private static void PrintReport(EvaluationReport report)
    {
        Console.WriteLine();
        Console.WriteLine("| | R@1 | R@5 | R@10 | R@20 | R@100 | MRR@10 | nDCG@10 |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Console.WriteLine(Row("system", report.System));
        if (report.Baseline is { } b)
            Console.WriteLine(Row("baseline (BM25, SmartCn)", b));
        var c = report.Coverage;
        Console.WriteLine($"Coverage: {c.Found}/{c.References} references found in the corpus ({c.NotFound.Count} names not found)");
        foreach (var name in c.NotFound.Take(30))
            Console.WriteLine("  not found: " + name);
    }

    private static string Row(string name, MetricSet m) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"| {name} | {m.Recall1:F3} | {m.Recall5:F3} | {m.Recall10:F3} | {m.Recall20:F3} | {m.Recall100:F3} | {m.Mrr10:F3} | {m.Ndcg10:F3} |");

    internal static string ToJson(EvaluationReport report)
    {
        var c = report.Coverage;
        var doc = new Dictionary<string, object?>
        {
            ["system"] = report.System.ToDictionary(),
            ["baseline"] = report.Baseline?.ToDictionary(),
            ["folds"] = report.Folds.Select(f => f.ToDictionary()).ToArray(),
            ["coverage"] = new Dictionary<string, object>
            {
                ["queries"] = c.Queries,
                ["references"] = c.References,
                ["found"] = c.Found,
                ["notFound"] = c.References - c.Found,
                ["notFoundNames"] = c.NotFound,
            },
            ["config"] = report.Config,
            ["timings"] = report.Timings,
        };
        return JsonSerializer.Serialize(doc, ReportJson);
    }
}
