using Farun.Data;
using Farun.Features.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Farun.Web.Features.Cases.DemoData;

/// <summary>
/// Fast inserts of many entities for generated data, bypassing change tracking: prepared statements in one
/// transaction on SQLite, binary COPY in one transaction on PostgreSQL. Tables, columns and value conversions (enums as text, SQLite's
/// sortable timestamps) come from the EF model, so the rows are exactly what EF would have written.
/// </summary>
public sealed class BulkWriter(FarunDbContext db)
{
    private sealed record Column(string Name, Func<object, object?> Get, RelationalTypeMapping Mapping);

    public Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class =>
        WriteAsync([(typeof(T), rows)], ct);

    /// <summary>Writes the tables in the order given (parents first) in one transaction; new cases are added to the
    /// maintained case counts (<see cref="CaseCount"/>) in the same transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<(Type Entity, IReadOnlyCollection<object> Rows)> tables, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
            foreach (var (type, rows) in tables)
            {
                if (rows.Count == 0)
                    continue;
                var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
                var table = entity.GetTableName()!;
                var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
                var columns = entity.GetProperties()
                    .Select(p => new Column(p.GetColumnName(store)!, Getter(p), (RelationalTypeMapping)p.GetTypeMapping()))
                    .ToList();
                if (db.Database.IsSqlite())
                    await SqliteAsync((SqliteTransaction)tx, table, columns, rows, ct);
                else
                    await PostgresAsync(table, columns, rows, ct);
            }

            var cases = tables.Where(t => t.Entity == typeof(Case)).SelectMany(t => t.Rows).Cast<Case>().ToList();
            if (cases.Count > 0)
            {
                db.Database.UseTransaction(tx);
                try
                {
                    await CaseCountDeltas.ApplyAsync(db, CaseCountDeltas.Of(cases), ct);
                }
                finally
                {
                    db.Database.UseTransaction(null);
                }
            }

            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Func<object, object?> Getter(IProperty p)
    {
        var getter = p.GetGetter();
        var converter = p.GetTypeMapping().Converter;
        return converter is null ? getter.GetClrValue : e => getter.GetClrValue(e) is { } v ? converter.ConvertToProvider(v) : null;
    }

    private async Task SqliteAsync(SqliteTransaction tx, string table, List<Column> columns, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((c, i) =>
        {
            // The mapping sets how Microsoft.Data.Sqlite stores the value (a Guid as upper-case text, a decimal as text …).
            var p = (SqliteParameter)c.Mapping.CreateParameter(cmd, "$p" + i, null, nullable: true);
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = columns[i].Get(row) ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task PostgresAsync(string table, List<Column> columns, IReadOnlyCollection<object> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var c in columns)
            {
                switch (c.Get(row))
                {
                    case null:
                        await importer.WriteNullAsync(ct);
                        break;
                    case DateTimeOffset dto:
                        await importer.WriteAsync(dto.ToUniversalTime(), ct);
                        break;
                    case string s:
                        await importer.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text, ct);
                        break;
                    case Guid g:
                        await importer.WriteAsync(g, ct);
                        break;
                    case int n:
                        await importer.WriteAsync(n, ct);
                        break;
                    case long n:
                        await importer.WriteAsync(n, ct);
                        break;
                    case bool b:
                        await importer.WriteAsync(b, ct);
                        break;
                    case DateOnly d:
                        await importer.WriteAsync(d, ct);
                        break;
                    case decimal m:
                        await importer.WriteAsync(m, ct);
                        break;
                    case var other:
                        throw new NotSupportedException($"Bulk copy of {other.GetType().Name} ({table}.{c.Name}) is not supported.");
                }
            }
        }

        await importer.CompleteAsync(ct);
    }
}
