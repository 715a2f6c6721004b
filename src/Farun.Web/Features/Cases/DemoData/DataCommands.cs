using System.CommandLine;
using Farun.Web.Cli;
using Farun.Web.Common;

namespace Farun.Web.Features.Cases.DemoData;

/// <summary><c>data generate</c> writes generated cases for benchmarks and demonstrations; <c>data bench</c> measures the
/// workbench queries on them and, against a running app, case creation over HTTP.</summary>
public static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "生成演示与压测数据，并测量性能。");

        var cases = new Option<int>("--cases") { Description = "生成的服务事项数量（如 1000000）", Required = true };
        var seed = new Option<int>("--seed") { Description = "随机种子（相同种子生成相同数据）", DefaultValueFactory = _ => 2026 };
        var generate = new Command("generate", "批量生成服务事项（咨询、法律援助）及其当事人、状态、期限、承办人，分布在演示服务点；数据标记为演示数据。") { cases, seed };
        generate.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(cases);
            if (n is < 1 or > 20_000_000)
            {
                Console.Error.WriteLine("--cases 须在1到20000000之间。");
                return 1;
            }

            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            var result = await app.Services.GetRequiredService<CaseGenerator>()
                .GenerateAsync(n, parse.GetValue(seed), TimeProvider.System.GetUtcNow(), new ConsoleProgress("cases"), ct);
            Console.WriteLine($"Cases: {result.Cases}  persons: {result.Persons}  events: {result.Events}  handlers: {result.Handlers}  "
                + $"elapsed: {result.Elapsed.TotalSeconds:0.0} s ({result.Cases / Math.Max(0.001, result.Elapsed.TotalSeconds):0} cases/s)");
            return 0;
        });
        data.Subcommands.Add(generate);

        var rounds = new Option<int>("--rounds") { Description = "每项查询的测量次数", DefaultValueFactory = _ => 200 };
        var url = new Option<string?>("--url") { Description = "运行中网站的地址（测量经 HTTP 新建服务事项），如 http://127.0.0.1:5080" };
        var token = new Option<string?>("--token") { Description = "接口令牌（tokens issue --user hotline 签发）" };
        var seconds = new Option<int>("--seconds") { Description = "HTTP 新建测量时长（秒）", DefaultValueFactory = _ => 30 };
        var concurrency = new Option<int>("--concurrency") { Description = "并发客户端数", DefaultValueFactory = _ => 16 };
        var bench = new Command("bench", "测量“我的待办”和按类型/状态/服务点统计的查询耗时（p50/p95），并可经 HTTP 测量持续新建速度。")
        {
            rounds, url, token, seconds, concurrency,
        };
        bench.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(url);
            if (target is not null && string.IsNullOrWhiteSpace(parse.GetValue(token)))
            {
                Console.Error.WriteLine("测量 HTTP 新建须提供 --token。");
                return 1;
            }

            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            await CaseBenchmark.QueriesAsync(app.Services, Math.Clamp(parse.GetValue(rounds), 10, 100_000), Console.Out, ct);
            if (target is not null)
            {
                await CaseBenchmark.HttpCreationAsync(new Uri(target), parse.GetValue(token)!, TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(seconds), 1, 3600)),
                    Math.Clamp(parse.GetValue(concurrency), 1, 256), Console.Out, ct);
            }

            return 0;
        });
        data.Subcommands.Add(bench);
        return data;
    }
}
