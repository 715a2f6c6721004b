using System.CommandLine;
using Farun.Data;
using Farun.Features.Audit;
using Farun.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Audit;

public static class AuditCommands
{
    public static Command Create()
    {
        var audit = new Command("audit", "审计日志。");
        var verify = new Command("verify", "校验审计日志哈希链，报告第一个被篡改或删除的位置。");
        verify.SetAction(async (_, ct) =>
        {
            await using var app = CliHost.Build();
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var report = await VerifyAsync(db, ct);
            if (report.IsIntact)
            {
                Console.WriteLine($"Audit chain intact: {report.Checked} entries.");
                return 0;
            }

            Console.Error.WriteLine($"Audit chain BROKEN at entry {report.FirstBrokenId}: {report.Problem}");
            return 1;
        });
        audit.Subcommands.Add(verify);
        return audit;
    }

    /// <summary>Streams the log in id order so a long chain does not need to fit in memory.</summary>
    public static Task<AuditChainReport> VerifyAsync(FarunDbContext db, CancellationToken ct) =>
        Task.Run(() => AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsEnumerable()), ct);
}
