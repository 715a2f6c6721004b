using System.CommandLine;
using Farun.Common.Privacy;
using Farun.Data;
using Farun.Features.Audit;
using Farun.Web.Cli;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Platform;

/// <summary>
/// Encrypted personal data that <c>pii reencrypt</c> moves to the active key after a key rotation. A feature with an
/// encrypted column registers it once: <c>services.AddReencryptable&lt;Person&gt;("Person.IdNumber", nameof(Person.IdNumberCipher))</c>.
/// </summary>
public interface IReencryptable
{
    /// <summary>Shown in the verb's report, e.g. "CitizenAccount.Phone".</summary>
    string Name { get; }

    /// <summary>Re-encrypts every value not yet under the active key, in batches; returns how many changed.</summary>
    Task<int> ReencryptAsync(FarunDbContext db, PersonalDataProtector protector, CancellationToken ct);
}

/// <summary>One string column holding <see cref="PersonalDataProtector"/> ciphertexts (null and empty are skipped).
/// Values are found by their key-id prefix, so the work is restartable and each row is read once.</summary>
public sealed class EncryptedColumn<TEntity>(string name, string property, int batchSize = 500) : IReencryptable
    where TEntity : class
{
    public string Name => name;

    public async Task<int> ReencryptAsync(FarunDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var current = $"{PersonalDataProtector.Prefix}{protector.ActiveKeyId}:";
        var total = 0;
        while (true)
        {
            var batch = await db.Set<TEntity>()
                .Where(e => EF.Property<string?>(e, property) != null && EF.Property<string>(e, property) != ""
                    && !EF.Property<string>(e, property).StartsWith(current))
                .OrderBy(e => EF.Property<string>(e, property))
                .Take(batchSize).ToListAsync(ct);
            if (batch.Count == 0)
                return total;
            foreach (var entity in batch)
            {
                var value = db.Entry(entity).Property(property);
                value.CurrentValue = protector.Reencrypt((string)value.CurrentValue!);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}

public static class Reencryption
{
    public static IServiceCollection AddReencryptable<TEntity>(this IServiceCollection services, string name, string property)
        where TEntity : class =>
        services.AddSingleton<IReencryptable>(new EncryptedColumn<TEntity>(name, property));

    /// <summary>Re-encrypts every registered column; audited as "pii.reencrypt" with the counts.</summary>
    public static async Task<IReadOnlyList<(string Name, int Changed)>> RunAsync(IServiceProvider services, string actor, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<FarunDbContext>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var results = new List<(string, int)>();
        foreach (var column in sp.GetServices<IReencryptable>())
            results.Add((column.Name, await column.ReencryptAsync(db, protector, ct)));
        sp.GetRequiredService<AuditLog>().RecordAs(ActorKind.System, null, actor, "pii.reencrypt", details: new
        {
            activeKeyId = protector.ActiveKeyId,
            columns = results.ToDictionary(r => r.Item1, r => r.Item2),
        });
        await db.SaveChangesAsync(ct);
        return results;
    }

    public static Command CreateCommand()
    {
        var pii = new Command("pii", "个人信息加密数据维护。");
        var reencrypt = new Command("reencrypt", "密钥轮换后，把全部加密的个人信息改用当前密钥（ActiveKeyId）重新加密；可重复执行。完成后才可删除旧密钥。");
        reencrypt.SetAction(async (_, ct) =>
        {
            await using var app = CliHost.Build();
            await Database.MigrateAsync(app.Services, ct);
            try
            {
                foreach (var (name, changed) in await RunAsync(app.Services, $"命令行:{Environment.UserName}", ct))
                    Console.WriteLine($"{name}: {changed} re-encrypted");
                return 0;
            }
            catch (PersonalDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        pii.Subcommands.Add(reencrypt);
        return pii;
    }
}
