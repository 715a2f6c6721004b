using Farun.Data;
using Farun.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>
/// Raises an overdue alert once per case clock: open cases whose running clock has ended get a <see cref="CaseAlert"/>
/// (primary key case + clock sequence) and a timeline entry. Several nodes may run it at once: the key lets only one
/// insert win, and a batch that loses a race is retried row by row. Meant to run periodically (the platform's job runner).
/// </summary>
public sealed class OverdueAlerts(IServiceScopeFactory scopes, ILogger<OverdueAlerts> logger)
{
    public const int BatchSize = 500;

    /// <summary>Raises the alerts due at <paramref name="now"/>; returns how many this call raised.</summary>
    public async Task<int> RaiseOverdueAlertsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var raised = 0;
        var nowUnix = now.ToUnixTimeSeconds();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var due = await db.Cases.AsNoTracking()
                .Where(c => c.IsOpen && c.DueSort <= nowUnix && !db.CaseAlerts.Any(a => a.CaseId == c.Id && a.ClockSeq == c.ClockSeq))
                .OrderBy(c => c.DueSort)
                .Select(c => new { c.Id, c.ClockSeq, c.DueOn, c.ServicePointId, c.AssigneeId })
                .Take(BatchSize)
                .ToListAsync(ct);
            if (due.Count == 0)
                break;

            var batch = due.Select(c => (Alert: new CaseAlert(c.Id, c.ClockSeq, now, c.DueOn ?? Farun.Common.Calendar.ChinaTime.DateOf(now), c.ServicePointId, c.AssigneeId),
                Event: CaseEvent.Alert(c.Id, now, c.DueOn ?? Farun.Common.Calendar.ChinaTime.DateOf(now)))).ToList();
            try
            {
                foreach (var (alert, e) in batch)
                {
                    db.CaseAlerts.Add(alert);
                    db.CaseEvents.Add(e);
                }

                await db.SaveChangesAsync(ct);
                raised += batch.Count;
            }
            catch (DbUpdateException)
            {
                // Another node raised some of these meanwhile: insert one by one and skip those that exist now.
                db.ChangeTracker.Clear();
                foreach (var (alert, e) in batch)
                {
                    try
                    {
                        db.CaseAlerts.Add(alert);
                        db.CaseEvents.Add(e);
                        await db.SaveChangesAsync(ct);
                        raised++;
                    }
                    catch (DbUpdateException)
                    {
                        db.ChangeTracker.Clear();
                    }
                }

                // Whatever is still missing is picked up by the next run rather than retried in a loop here.
                break;
            }

            if (due.Count < BatchSize)
                break;
        }

        if (raised > 0)
            logger.LogInformation("Raised {Count} overdue alerts", raised);
        return raised;
    }
}
