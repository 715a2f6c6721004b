using System.CommandLine;
using Farun.Law.Corpus;
using Farun.Web.Cli;
using Farun.Web.Common;

namespace Farun.Web.Features.Laws;

public static class LawCommands
{
    public static Command Create()
    {
        var laws = new Command("laws", "法律法规库：导入、索引、评测。");
        laws.Subcommands.Add(Import());
        Search.SearchCommands.AddTo(laws);
        return laws;
    }

    public static Option<string> ScopeOption() => new("--scope")
    {
        Description = "national（默认，除 DLC/ 外的全国性法律法规）或 all（含地方性法规）",
        DefaultValueFactory = _ => "national",
    };

    public static LawScope ParseScope(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "national" => LawScope.National,
        "all" => LawScope.All,
        _ => throw new ArgumentException($"--scope 只能是 national 或 all，而不是 {value}"),
    };

    private static Command Import()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "LawRefBook 格式的 Markdown 法律法规目录" };
        var scope = ScopeOption();
        scope.AcceptOnlyFromAmong("national", "all");
        var cmd = new Command("import", "导入或更新法律法规（未变化的文件不重复导入，变化的文件成为新版本）。") { dir, scope };
        cmd.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(dir)!;
            if (!root.Exists)
            {
                Console.Error.WriteLine($"找不到目录：{root.FullName}");
                return 2;
            }

            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            await using var s = app.Services.CreateAsyncScope();
            var importer = s.ServiceProvider.GetRequiredService<LawImporter>();
            var summary = await importer.ImportAsync(root.FullName, ParseScope(parse.GetValue(scope)), new ConsoleProgress("导入"), ct);
            PrintSummary(summary);
            await Search.SearchCommands.RebuildIndexAsync(app.Services, ct);
            return 0;
        });
        return cmd;
    }

    public static void PrintSummary(LawImportSummary s)
    {
        Console.WriteLine($"Laws: {s.Laws}  versions: {s.Versions}  in-force articles: {s.InForceArticles}  documents without articles: {s.DocumentsWithoutArticles}");
        Console.WriteLine($"New laws: {s.NewLaws}  new versions: {s.NewVersions}  unchanged versions: {s.UnchangedVersions}  articles written: {s.ArticlesWritten}");
        Console.WriteLine($"Parse: {s.ParseTime.TotalSeconds:F1} s  write: {s.WriteTime.TotalSeconds:F1} s");
        Console.WriteLine($"Skipped files: {s.Skipped.Count}");
        foreach (var skipped in s.Skipped)
            Console.WriteLine($"  {skipped.RelativePath}: {skipped.Reason}");
    }
}
