using System.CommandLine;
using Farun.Web.Common;

namespace Farun.Web.Cli;

public static class DbCommands
{
    public static Command Create()
    {
        var db = new Command("db", "数据库维护。");
        var migrate = new Command("migrate", "应用数据库迁移（启动网站时也会自动执行）。");
        migrate.SetAction(async (_, ct) =>
        {
            await using var app = CliHost.Build();
            var provider = Database.Provider(app.Configuration);
            await Database.MigrateAsync(app.Services, ct);
            Console.WriteLine($"Database migrated ({provider}).");
            return 0;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
