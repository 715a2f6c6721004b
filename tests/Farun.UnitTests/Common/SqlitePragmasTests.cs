using Farun.Data;
using Farun.Web.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Farun.UnitTests.Common;

public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("farun-pragmas-").FullName;

    private FarunDbContext Context(bool fullSync)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, fullSync ? "full.db" : "normal.db"), Pooling = true }.ToString();
        var options = new DbContextOptionsBuilder<FarunDbContext>();
        Database.Configure(options, DatabaseProvider.Sqlite, cs, fullSync);
        return new FarunDbContext(options.Options);
    }

    private static async Task<(long ForeignKeys, long Synchronous, long BusyTimeout)> ReadAsync(FarunDbContext db)
    {
        // Opened through EF as a query would: a pooled native connection the second time.
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            async Task<long> Pragma(string name)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"PRAGMA {name};";
                return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            return (await Pragma("foreign_keys"), await Pragma("synchronous"), await Pragma("busy_timeout"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Theory]
    [InlineData(false, 1L)] // NORMAL
    [InlineData(true, 2L)] // FULL
    public async Task ConnectionOpened_PooledConnectionReused_SettingsStillApplied(bool fullSync, long synchronous)
    {
        for (var i = 0; i < 3; i++)
        {
            await using var db = Context(fullSync);
            Assert.Equal((1L, synchronous, 10000L), await ReadAsync(db));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
