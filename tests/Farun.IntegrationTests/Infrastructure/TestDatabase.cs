using Farun.Web.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>A fresh, empty database of one provider, dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Connection string of a PostgreSQL server the tests may create databases on (CI starts one).</summary>
    public const string PostgresVariable = "FARUN_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDir, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDir = dataDir;
        _postgresName = postgresName;
    }

    private readonly string? _postgresName;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A private data folder (database file, index, uploads) for this database's app.</summary>
    public string DataDir { get; }

    /// <summary>Freshly generated personal-data keys for the apps on this database.</summary>
    public IReadOnlyDictionary<string, string> PersonalDataSettings { get; } = NewPersonalDataKeys();

    private static Dictionary<string, string> NewPersonalDataKeys() => new()
    {
        ["Farun:PersonalData:ActiveKeyId"] = "test",
        ["Farun:PersonalData:Keys:test"] = Farun.Common.Privacy.PersonalDataKeyGenerator.NewKey(),
        ["Farun:PersonalData:BlindIndexKey"] = Farun.Common.Privacy.PersonalDataKeyGenerator.NewKey(),
    };

    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres" };

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var p = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
        var dataDir = Path.Combine(Path.GetTempPath(), "farun-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (p == DatabaseProvider.Sqlite)
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "farun.db"), Pooling = false }.ToString();
            return new TestDatabase(p, cs, dataDir, null);
        }

        Prerequisites.Require(PostgresServer is not null, $"PostgreSQL is not configured ({PostgresVariable} is not set)");
        var name = "farun_test_" + Guid.NewGuid().ToString("N")[..16];
        var server = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(server.ToString()))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0";
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(p, builder.ToString(), dataDir, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false };
            await using var conn = new NpgsqlConnection(server.ToString());
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host; the temp folder is cleaned by the OS.
        }
    }
}
