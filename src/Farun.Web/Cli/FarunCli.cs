using System.CommandLine;
using Farun.Web.Common;
using Farun.Web.Features.Identity;
using Farun.Web.Features.Laws;

namespace Farun.Web.Cli;

/// <summary>Command-line verbs of the Farun executable. A verb never starts the web server.</summary>
public static class FarunCli
{
    private static readonly HashSet<string> Verbs = ["db", "users", "laws", "assistant", "audit", "tokens", "pii", "cases", "data", "help", "--help", "-h", "-?", "--version"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("法润 Farun — 公共法律服务平台。不带参数运行时启动网站；带命令时执行命令后退出。");
        root.Subcommands.Add(DbCommands.Create());
        root.Subcommands.Add(UserCommands.Create());
        root.Subcommands.Add(LawCommands.Create());
        root.Subcommands.Add(Farun.Web.Features.Assistant.AssistantCommands.Create());
        root.Subcommands.Add(Farun.Web.Features.Audit.AuditCommands.Create());
        root.Subcommands.Add(Farun.Web.Features.Tokens.TokenCommands.Create());
        root.Subcommands.Add(Farun.Web.Features.Platform.Reencryption.CreateCommand());
        root.Subcommands.Add(Farun.Web.Features.Cases.CaseCommands.Cases());
        root.Subcommands.Add(Farun.Web.Features.Cases.DemoData.DataCommands.Create());
        var help = new Command("help", "显示帮助。");
        help.SetAction(_ => root.Parse("--help").Invoke());
        root.Subcommands.Add(help);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = CreateRoot();
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }
}

/// <summary>Builds the application's services for a verb without starting the server.</summary>
public static class CliHost
{
    public static WebApplication Build()
    {
        // Configuration comes from appsettings and environment variables (e.g. Database__Provider), as for the web app;
        // verb arguments are not configuration.
        var builder = WebApplication.CreateBuilder(ContentRoot.Options([]));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        FarunApp.AddServices(builder);
        return builder.Build();
    }
}

/// <summary>Progress for long verbs: a rewritten line on a terminal, a line every few seconds otherwise.</summary>
public sealed class ConsoleProgress(string label) : IProgress<(int Done, int Total, string? Item)>
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private DateTime _last = DateTime.MinValue;

    public void Report((int Done, int Total, string? Item) value)
    {
        var now = DateTime.UtcNow;
        var final = value.Done >= value.Total;
        if (!final && now - _last < TimeSpan.FromMilliseconds(_interactive ? 100 : 5000))
            return;
        _last = now;
        var pct = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
        var line = $"{label} {value.Done}/{value.Total} ({pct}%) {value.Item}";
        if (_interactive)
        {
            var width = Math.Max(20, SafeWidth() - 1);
            Console.Error.Write("\r" + (line.Length > width ? line[..width] : line.PadRight(width)));
            if (final)
                Console.Error.WriteLine();
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
