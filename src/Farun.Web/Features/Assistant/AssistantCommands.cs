using System.CommandLine;
using System.Text.Json;
using Farun.Features.Assistant;
using Farun.Law.Search;

namespace Farun.Web.Features.Assistant;

/// <summary>The <c>assistant</c> verbs: <c>assistant bench</c> measures the default answer's latency in process.</summary>
public static class AssistantCommands
{
    private static readonly JsonSerializerOptions ReportJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static Command Create()
    {
        var assistant = new Command("assistant", "智能法律助手。");
        assistant.Subcommands.Add(Bench());
        return assistant;
    }

    private static Command Bench()
    {
        var laws = new Option<DirectoryInfo>("--laws") { Description = "LawRefBook 格式的法律法规目录（全国范围）", Required = true };
        var queries = new Option<FileInfo>("--queries") { Description = "STARD 格式的问题文件（作负载，并统计展示的法条是否命中标注）", Required = true };
        var train = new Option<FileInfo?>("--train") { Description = "检索模型学习用的 STARD 格式文件（与线上相同时才有代表性）；不给则不学习" };
        var passes = new Option<int>("--passes") { Description = "把问题集问几遍", DefaultValueFactory = _ => 2 };
        var indexDir = new Option<DirectoryInfo?>("--index-dir") { Description = "把索引保存在此目录，语料相同时下次直接复用" };
        var set = new Option<string[]>("--set") { Description = "覆盖检索配置", AllowMultipleArgumentsPerToken = true };
        var json = new Option<FileInfo?>("--json") { Description = "把结果写入该 JSON 文件" };
        var cmd = new Command("bench", "测量不用大模型时智能法律助手默认回答的进程内延迟（p50/p99）。") { laws, queries, train, passes, indexDir, set, json };
        cmd.SetAction((parse, ct) =>
        {
            var lawsDir = parse.GetValue(laws)!;
            var files = new[] { parse.GetValue(queries), parse.GetValue(train) }.OfType<FileInfo>().ToList();
            var missing = lawsDir.Exists ? files.FirstOrDefault(f => !f.Exists)?.FullName : lawsDir.FullName;
            if (missing is not null)
            {
                Console.Error.WriteLine($"找不到：{missing}");
                return Task.FromResult(2);
            }

            if (parse.GetValue(passes) < 1)
            {
                Console.Error.WriteLine("--passes 至少为1。");
                return Task.FromResult(2);
            }

            var options = RetrievalOptions.Default.With(parse.GetValue(set) ?? []);
            var result = AssistantBenchmark.Run(lawsDir.FullName, parse.GetValue(queries)!.FullName, parse.GetValue(train)?.FullName,
                parse.GetValue(indexDir)?.FullName, options, parse.GetValue(passes), Console.Out, ct);
            if (parse.GetValue(json) is { } file)
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(result, ReportJson));
            return Task.FromResult(0);
        });
        return cmd;
    }
}
