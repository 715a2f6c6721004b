using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Features.Services;
using Farun.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Mediation;

/// <summary>
/// The judicial-confirmation window of a written agreement (《人民调解法》第三十三条: 30 days from its taking effect):
/// a reminder once when <see cref="ServiceRules.ConfirmationReminderDays"/> or fewer days remain (a <see cref="MediationReminder"/>
/// row keyed by case and clock, so several nodes raise it once), and, when the window has passed unused, its clock is
/// stopped so performance follow-up goes on without an "overdue" window.
/// </summary>
public sealed class ConfirmationReminders(IServiceScopeFactory scopes, ServiceRules rules, CaseRules caseRules, ILogger<ConfirmationReminders> logger)
{
    public sealed record Result(int Reminded, int Lapsed);

    public async Task<Result> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var today = ChinaTime.DateOf(now);
        var remindFrom = today.AddDays(rules.ConfirmationReminderDays);
        var nowUnix = now.ToUnixTimeSeconds();
        var reminded = 0;
        var lapsed = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var due = await WindowCases(db)
                .Where(c => c.DueOn <= remindFrom && c.DueSort > nowUnix && !db.MediationReminders.Any(r => r.CaseId == c.Id && r.ClockSeq == c.ClockSeq))
                .OrderBy(c => c.DueSort)
                .Select(c => new { c.Id, c.ClockSeq, c.DueOn })
                .Take(1000)
                .ToListAsync(ct);
            foreach (var c in due)
            {
                db.MediationReminders.Add(new MediationReminder(c.Id, c.ClockSeq, now, c.DueOn!.Value));
                db.CaseEvents.Add(MediationEvents.Reminder(c.Id, now, c.DueOn.Value));
                try
                {
                    await db.SaveChangesAsync(ct);
                    reminded++;
                }
                catch (DbUpdateException)
                {
                    // Another node reminded this one meanwhile.
                    db.ChangeTracker.Clear();
                }
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
            var ids = await WindowCases(db).Where(c => c.DueSort <= nowUnix).OrderBy(c => c.DueSort).Select(c => c.Id).Take(1000).ToListAsync(ct);
            var ctx = new CaseContext(CaseActor.System, now, WorkingDayCalendar.China, caseRules);
            foreach (var id in ids)
            {
                var c = await db.Cases.Include(x => x.Clocks.Where(k => k.StoppedAt == null)).FirstAsync(x => x.Id == id, ct);
                if (!c.LapseConfirmationWindow(ctx))
                    continue;
                try
                {
                    await db.SaveChangesAsync(ct);
                    lapsed++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another node (or a user's action) changed the case first.
                }

                db.ChangeTracker.Clear();
            }
        }

        if (reminded + lapsed > 0)
            logger.LogInformation("Judicial-confirmation windows: {Reminded} reminded, {Lapsed} lapsed", reminded, lapsed);
        return new Result(reminded, lapsed);
    }

    private static IQueryable<Case> WindowCases(FarunDbContext db) =>
        db.Cases.AsNoTracking().Where(c => c.Type == CaseType.Mediation && c.State == CaseState.AgreementReached && c.IsOpen
            && db.CaseClocks.Any(k => k.CaseId == c.Id && k.Seq == c.ClockSeq && k.StoppedAt == null && k.Purpose == ClockPurpose.JudicialConfirmationWindow));
}

/// <summary>Runs <see cref="ConfirmationReminders"/> on one node at a time (the platform's periodic jobs).</summary>
public sealed class ConfirmationReminderJob(ConfirmationReminders reminders, TimeProvider time) : IPeriodicJob
{
    public string Name => "mediation.confirmation-reminders";

    public TimeSpan Interval => TimeSpan.FromMinutes(15);

    public Task RunAsync(CancellationToken ct) => reminders.RunAsync(time.GetUtcNow(), ct);
}
