using System.CommandLine;
using Farun.Web.Cli;
using Farun.Web.Common;
using Farun.Web.Features.Persons;

namespace Farun.Web.Features.Cases;

/// <summary>Verbs: <c>cases alerts</c> raises overdue alerts once; <c>persons reencrypt</c> moves personal data to the active key.</summary>
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

    public static Command Persons()
    {
        var persons = new Command("persons", "人员信息。");
        var reencrypt = new Command("reencrypt", "密钥轮换：用当前密钥重新加密全部证件号码和电话（之后才能从配置中删除旧密钥）。");
        reencrypt.SetAction(async (_, ct) =>
        {
            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            var report = await app.Services.GetRequiredService<PersonKeyRotation>().ReencryptAsync(ct);
            Console.WriteLine($"Persons checked: {report.Checked}  re-encrypted: {report.Reencrypted}  active key: {report.ActiveKeyId}");
            return 0;
        });
        persons.Subcommands.Add(reencrypt);
        return persons;
    }
}
