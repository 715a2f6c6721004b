using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Features.Services;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using R = Farun.Web.Features.Mediation.MediationActionRequests;

namespace Farun.Web.Features.Mediation;

/// <summary>The mediation actions as the case API runs them: each loads what it needs and calls the entity's transition.</summary>
public static class MediationActions
{
    public static readonly IReadOnlyList<CaseActionService.ExternalAction> All =
    [
        Action<R.AssignMediator>(ServiceActions.AssignMediator, async (s, r, ct) =>
        {
            var m = await MediatorAsync(s.Db, r.MediatorId!.Value, ct);
            s.Case.AssignMediator(s.Ctx, m, m.CommitteeId, r.Note);
        }),
        Action<R.ReassignMediator>(ServiceActions.ReassignMediator, async (s, r, ct) =>
        {
            var m = await MediatorAsync(s.Db, r.MediatorId!.Value, ct);
            s.Case.ReassignMediator(s.Ctx, m, m.CommitteeId, r.Reason!);
        }),
        Action<R.RecordSession>(ServiceActions.RecordSession, (s, r, _) =>
        {
            s.Case.RecordSession(s.Ctx, new SessionRecord(r.HeldAt!.Value, r.Mode!.Value, r.Place, r.Attendees!, r.Minutes!));
            return Task.CompletedTask;
        }),
        Action<R.PartyRefuses>(ServiceActions.PartyRefuses, (s, r, _) =>
        {
            s.Case.PartyRefuses(s.Ctx, r.PartyId!.Value, r.Statement!);
            return Task.CompletedTask;
        }),
        Action<R.RecordAgreement>(ServiceActions.RecordAgreement, (s, r, _) =>
        {
            s.Case.RecordAgreement(s.Ctx, new WrittenAgreement(r.Facts!, r.Terms!, r.PerformanceMethod!, r.PerformanceDueOn, r.SignedOn!.Value));
            return Task.CompletedTask;
        }),
        Action<R.RecordOralAgreement>(ServiceActions.RecordOralAgreement, (s, r, _) =>
        {
            s.Case.RecordOralAgreement(s.Ctx, r.Terms!, r.AgreedOn!.Value, r.PerformanceDueOn);
            return Task.CompletedTask;
        }),
        Action<R.MediationFails>(ServiceActions.MediationFails, (s, r, _) =>
        {
            s.Case.MediationFails(s.Ctx, r.Reason!, r.Guidance);
            return Task.CompletedTask;
        }),
        Action<R.ApplyConfirmation>(ServiceActions.ApplyConfirmation, (s, r, _) =>
        {
            s.Case.ApplyConfirmation(s.Ctx, r.Court!, r.AppliedOn!.Value, r.Reference);
            return Task.CompletedTask;
        }),
        Action<R.CourtConfirms>(ServiceActions.CourtConfirms, (s, r, _) =>
        {
            s.Case.CourtConfirms(s.Ctx, r.Reference);
            return Task.CompletedTask;
        }),
        Action<R.CourtRejects>(ServiceActions.CourtRejects, (s, r, _) =>
        {
            s.Case.CourtRejects(s.Ctx, r.Reason!, s.Services.GetRequiredService<ServiceRules>());
            return Task.CompletedTask;
        }),
        Action<R.CheckPerformance>(ServiceActions.CheckPerformance, (s, r, _) =>
        {
            s.Case.CheckPerformance(s.Ctx, r.Status!.Value, r.Note!);
            return Task.CompletedTask;
        }),
        Action<R.CompletePerformance>(ServiceActions.CompletePerformance, (s, r, _) =>
        {
            s.Case.CompletePerformance(s.Ctx, r.Note);
            return Task.CompletedTask;
        }),
    ];

    public static CaseActionService.ExternalAction Action<T>(string action, Func<CaseActionService.Scope, T, CancellationToken, Task> execute) =>
        new(action, typeof(T), (s, request, ct) => execute(s, (T)request, ct));

    private static async Task<Mediator> MediatorAsync(FarunDbContext db, Guid id, CancellationToken ct) =>
        await db.Mediators.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
        ?? throw BadRequestException.ForField("mediatorId", "未找到该调解员。");
}

/// <summary>Builds the mediation part of a new case: resolves the committee and the stationed lawyer, then opens the case.</summary>
public sealed class MediationOpener(FarunDbContext db, ServiceRules rules)
{
    public async Task<Case> OpenAsync(MediationIntakeRequest r, CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, CancellationToken ct)
    {
        var committee = await db.MediationCommittees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == r.CommitteeId, ct)
            ?? throw BadRequestException.ForField("mediation.committeeId", "未找到该人民调解委员会。");
        PoliceReferral? police = null;
        if (r.Police is { } p)
        {
            Mediator? lawyer = null;
            if (p.StationedLawyerId is { } lawyerId)
            {
                lawyer = await db.Mediators.AsNoTracking().FirstOrDefaultAsync(m => m.Id == lawyerId, ct)
                    ?? throw BadRequestException.ForField("mediation.police.stationedLawyerId", "未找到该驻所律师。");
            }

            police = new PoliceReferral(p.Station!, p.OfficerName!, p.IncidentNumber!, lawyer);
        }

        var intake = new MediationIntake(r.Source!.Value, r.DisputeType!.Value, r.Description!, r.AmountInvolved, committee, police, r.ReferringBody, r.ReferenceNumber);
        return CaseErrors.Run(() => Case.OpenMediation(ctx, number, channel, servicePointId, intake, rules));
    }
}
