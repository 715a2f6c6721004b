using System.CommandLine;
using Farun.Web.Cli;
using Farun.Web.Common;
using Farun.Web.Features.Persons;

namespace Farun.Web.Features.Cases;

/// <summary>Verbs: <c>cases alerts</c> raises overdue alerts once. Key rotation is <c>pii reencrypt</c>.</summary>
public static class CaseCommands
{
    public static Command Cases()
    {
        var cases = new Command("cases", "服务事项。");
        var alerts = new Command("alerts", "对已超过办理期限的事项发出超期提醒（每个期限只提醒一次，可多节点同时运行）。");
        alerts.SetAction(async (_, ct) =>
        {
            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            var raised = await app.Services.GetRequiredService<OverdueAlerts>().RaiseOverdueAlertsAsync(TimeProvider.System.GetUtcNow(), ct);
            Console.WriteLine($"Overdue alerts raised: {raised}");
            return 0;
        });
        cases.Subcommands.Add(alerts);
        return cases;
    }
}
