using Farun.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Common;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Database
{
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
            return DatabaseProvider.Sqlite;
        return value.Trim().ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{value}' is not supported; use Sqlite or Postgres."),
        };
    }

    public static string ConnectionString(IConfiguration configuration)
    {
        var provider = Provider(configuration);
        var cs = configuration.GetConnectionString("Farun");
        if (!string.IsNullOrWhiteSpace(cs))
            return cs;
        if (provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Farun is not set.");
        var dataDir = FarunOptions.ResolveDataDir(configuration);
        Directory.CreateDirectory(dataDir);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "farun.db"), Pooling = true }.ToString();
    }

    public static IServiceCollection AddFarunDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = Provider(configuration);
        var cs = ConnectionString(configuration);
        services.AddDbContext<FarunDbContext>(o => Configure(o, provider, cs));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                o.UseSqlite(connectionString, b => b.MigrationsAssembly("Farun.Migrations.Sqlite"))
                    .AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                o.UseNpgsql(connectionString, b => b.MigrationsAssembly("Farun.Migrations.Postgres"));
                break;
        }
    }

    /// <summary>Applies pending migrations. EF Core takes a database lock while migrating, so several nodes
    /// starting together do not race.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while the importer writes; it is a property of the file, set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Per-connection SQLite settings: wait for a writer instead of failing at once.</summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
