using Farun.Common.Privacy;
using Farun.Data;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Persons;

/// <summary>
/// Key rotation for stored personal data: every ID number and phone not under the active key is decrypted and encrypted
/// again, in batches, so the old key can then be removed from configuration. Blind indexes do not change (their key is
/// separate). Safe to run again: values already under the active key are left alone.
/// </summary>
public sealed class PersonKeyRotation(IServiceScopeFactory scopes, ILogger<PersonKeyRotation> logger)
{
    public const int BatchSize = 1000;

    public sealed record Report(int Checked, int Reencrypted, string ActiveKeyId);

    public async Task<Report> ReencryptAsync(CancellationToken ct)
    {
        int total = 0, changed = 0;
        Guid? after = null;
        string active;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            active = protector.ActiveKeyId;
            var q = db.Persons.Where(p => p.IdNumberCipher != null || p.PhoneCipher != null);
            if (after is { } last)
                q = q.Where(p => p.Id.CompareTo(last) > 0);
            var batch = await q.OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
                break;
            foreach (var person in batch)
            {
                if (person.Reencrypt(protector))
                    changed++;
            }

            await db.SaveChangesAsync(ct);
            total += batch.Count;
            after = batch[^1].Id;
        }

        logger.LogInformation("Personal data re-encrypted: {Changed} of {Total} persons moved to key {Key}", changed, total, active);
        return new Report(total, changed, active);
    }
}
