using System.Data.Common;
using Farun.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        var fullSync = string.Equals(configuration["Database:SqliteSynchronous"], "Full", StringComparison.OrdinalIgnoreCase);
        services.AddDbContext<FarunDbContext>(o => Configure(o, provider, cs, fullSync));
        return services;
    }

    /// <param name="sqliteFullSync">SQLite only: <c>synchronous=FULL</c> (sync the log at every commit) instead of the default
    /// NORMAL (see <see cref="SqlitePragmas"/>); configuration <c>Database:SqliteSynchronous=Full</c>.</param>
    public static void Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string connectionString, bool sqliteFullSync = false)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                o.UseSqlite(connectionString, b => b.MigrationsAssembly("Farun.Migrations.Sqlite"))
                    .AddInterceptors(sqliteFullSync ? SqlitePragmas.FullSync : SqlitePragmas.Instance, SqliteWriteGate.Instance)
                    .ReplaceService<Microsoft.EntityFrameworkCore.Storage.IRelationalTransactionFactory, SqliteWriteGate.TransactionFactory>();
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

/// <summary>
/// Per-connection SQLite settings: wait for a writer instead of failing at once, enforce foreign keys, and (in WAL mode)
/// <c>synchronous=NORMAL</c>: a commit no longer waits for the disk, the log is synced at checkpoints. Durability
/// trade-off: the database stays consistent after any crash, but after a power cut or operating-system crash (not an app
/// crash) the last transactions committed before it may be lost. <see cref="FullSync"/> (configuration
/// <c>Database:SqliteSynchronous=Full</c>) syncs at every commit instead, at the cost of one disk flush per write.
/// </summary>
internal sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new("PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");

    public static readonly SqlitePragmas FullSync = new("PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;");

    // The settings belong to the native connection, which the pool keeps open between uses: EF opens a pooled connection
    // for every query, so they are applied once per native handle (it was one more statement on every query).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
            return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = pragmas;
        cmd.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
            return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
            _configured.AddOrUpdate(handle, pragmas);
    }
}

/// <summary>
/// One writing transaction at a time per SQLite file in this process. SQLite allows one writer (EF begins transactions
/// with BEGIN IMMEDIATE); without a gate, concurrent requests would all start one and poll the file lock with the busy
/// handler's growing sleeps (up to 100 ms each), so under load most time went into sleeping. Waiting here instead hands
/// the lock over as soon as the previous transaction ends. Taken when EF begins a transaction, released at commit,
/// rollback, failure or disposal. After <see cref="MaxWait"/> the transaction goes ahead ungated and SQLite's busy
/// timeout decides, as before. Other processes on the same file (command-line verbs) still meet the busy handler.
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = [];

    private static SemaphoreSlim GateOf(DbConnection connection) =>
        Gates.GetOrAdd(Path.GetFullPath(connection.DataSource is { Length: > 0 } file ? file : ":memory:"), _ => new SemaphoreSlim(1, 1));

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (result.HasResult)
            return result;
        var gate = GateOf(connection);
        var entered = gate.Wait(MaxWait);
        try
        {
            // Begun here, so a failing BEGIN (another process held the file past the busy timeout) releases the gate.
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            if (entered)
                Held.AddOrUpdate(connection, gate);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            if (entered)
                gate.Release();
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult)
            return result;
        var gate = GateOf(connection);
        var entered = await gate.WaitAsync(MaxWait, cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken);
            if (entered)
                Held.AddOrUpdate(connection, gate);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            if (entered)
                gate.Release();
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Release(ConnectionOf(eventData, transaction));

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData, transaction));
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Release(ConnectionOf(eventData, transaction));

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData, transaction));
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Release(ConnectionOf(eventData, transaction));

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(eventData, transaction));
        return Task.CompletedTask;
    }

    /// <summary>The context's connection (a completed SQLite transaction no longer names its connection).</summary>
    private static DbConnection? ConnectionOf(TransactionEventData eventData, DbTransaction transaction) =>
        eventData.Context?.Database.GetDbConnection() ?? transaction.Connection;

    private static void Release(DbConnection? connection)
    {
        if (connection is not null && Held.TryGetValue(connection, out var gate) && Held.Remove(connection))
            gate.Release();
    }

    /// <summary>EF's transactions, released from the gate when disposed without commit or rollback.</summary>
    public sealed class TransactionFactory(Microsoft.EntityFrameworkCore.Storage.RelationalTransactionFactoryDependencies dependencies)
        : Microsoft.EntityFrameworkCore.Storage.RelationalTransactionFactory(dependencies)
    {
        public override Microsoft.EntityFrameworkCore.Storage.RelationalTransaction Create(
            Microsoft.EntityFrameworkCore.Storage.IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
            IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned) =>
            new GatedTransaction(connection, transaction, transactionId, logger, transactionOwned, Dependencies.SqlGenerationHelper);
    }

    private sealed class GatedTransaction(
        Microsoft.EntityFrameworkCore.Storage.IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned,
        Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper sqlGenerationHelper)
        : Microsoft.EntityFrameworkCore.Storage.RelationalTransaction(connection, transaction, transactionId, logger, transactionOwned, sqlGenerationHelper)
    {
        private readonly DbConnection? _connection = connection.DbConnection;

        public override void Dispose()
        {
            base.Dispose();
            Release(_connection);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Release(_connection);
        }
    }
}
