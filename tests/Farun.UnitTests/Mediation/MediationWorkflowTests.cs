using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Mediation;
using Farun.Features.Services;
using static Farun.UnitTests.Cases.CaseKit;
using static Farun.UnitTests.Mediation.MediationKit;

namespace Farun.UnitTests.Mediation;

public sealed class MediationWorkflowTests
{
    [Fact]
    public void OpenMediation_PartyApplication_RegisteredWithConfiguredPeriod()
    {
        var c = Open(At(2026, 3, 2));
        Assert.Equal(CaseState.MediationRegistered, c.State);
        Assert.Equal(CaseType.Mediation, c.Type);
        Assert.StartsWith("TJ-", c.Number, StringComparison.Ordinal);
        var clock = Assert.Single(c.Clocks);
        Assert.Equal(ClockPurpose.MediationPeriod, clock.Purpose);
        Assert.Equal(new DateOnly(2026, 4, 1), clock.Due);
        Assert.Contains("第二十一条", clock.LegalBasis);
        Assert.Equal(["assign-mediator", "party-refuses", "refer-out", "assign", "claim", "transfer", "note"], c.AvailableActions());
    }

    [Fact]
    public void OpenMediation_PoliceReferralWithStationedLawyer_MediatingByLawyerWithReferralRecorded()
    {
        var lawyer = Stationed();
        var c = Open(At(2026, 3, 2), Intake(MediationSource.PoliceReferral, new PoliceReferral("南湖派出所", "刘警官", "JQ20260302001", lawyer)), CaseChannel.PoliceReferral);
        Assert.Equal(CaseState.Mediating, c.State);
        Assert.Equal("南湖派出所", c.Mediation!.PoliceStation);
        Assert.Equal("刘警官", c.Mediation.OfficerName);
        Assert.Equal("JQ20260302001", c.Mediation.IncidentNumber);
        Assert.Equal(lawyer.Id, c.Mediation.MediatorId);
        Assert.Equal(StationedUser, c.AssigneeId);
        Assert.Equal(StationedUser, c.LawyerUserId);
        var referral = Assert.Single(c.Referrals);
        Assert.Equal(ExternalBody.Police, referral.Body);
        Assert.Equal("JQ20260302001", referral.Reference);
        // The mediation period keeps its due date across the assignment.
        Assert.Equal(new DateOnly(2026, 4, 1), c.DueOn);
        Assert.Equal(ClockPurpose.MediationPeriod, c.RunningClock!.Purpose);
    }

    [Fact]
    public void OpenMediation_PoliceSourceOnWalkInChannel_FieldErrorOnChannel()
    {
        var e = Assert.Throws<CaseFieldException>(() => Open(At(2026, 3, 2), Intake(MediationSource.PoliceReferral, new PoliceReferral("南湖派出所", "刘警官", "JQ1", null))));
        Assert.Equal("channel", e.Field);
    }

    [Fact]
    public void OpenMediation_PoliceReferralWithoutIncidentNumber_FieldError()
    {
        var e = Assert.Throws<CaseFieldException>(() => Open(At(2026, 3, 2), Intake(MediationSource.PoliceReferral, new PoliceReferral("南湖派出所", "刘警官", " ", null)), CaseChannel.PoliceReferral));
        Assert.Equal("mediation.police.incidentNumber", e.Field);
    }

    [Fact]
    public void OpenMediation_StationedLawyerWhoIsNotStationed_FieldError()
    {
        var e = Assert.Throws<CaseFieldException>(() => Open(At(2026, 3, 2),
            Intake(MediationSource.PoliceReferral, new PoliceReferral("南湖派出所", "刘警官", "JQ1", NewMediator())), CaseChannel.PoliceReferral));
        Assert.Equal("mediation.police.stationedLawyerId", e.Field);
    }

    [Fact]
    public void OpenMediation_CourtReferral_ReferralFromCourt()
    {
        var c = Open(At(2026, 3, 2), Intake(MediationSource.CourtReferral, referringBody: "示范区人民法院"), CaseChannel.CourtReferral);
        Assert.Equal(ExternalBody.Court, Assert.Single(c.Referrals).Body);
        Assert.Equal("示范区人民法院", c.Mediation!.ReferringBody);
    }

    [Fact]
    public void OpenMediation_NegativeAmount_FieldError()
    {
        var e = Assert.Throws<CaseFieldException>(() => Open(At(2026, 3, 2), Intake(amount: -1m)));
        Assert.Equal("mediation.amountInvolved", e.Field);
    }

    [Fact]
    public void AssignMediator_OtherCommittee_FieldError()
    {
        var c = Open(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.AssignMediator(Ctx(MediatorActor, At(2026, 3, 2)), NewMediator(OtherCommittee), OtherCommittee.Id, null));
        Assert.Equal("mediatorId", e.Field);
    }

    [Fact]
    public void AssignMediator_Registered_MediatingAndHandledByMediatorAccount()
    {
        var c = Open(At(2026, 3, 2));
        c.AssignMediator(Ctx(Manager, At(2026, 3, 3)), NewMediator(), Committee.Id, "擅长相邻纠纷");
        Assert.Equal(CaseState.Mediating, c.State);
        Assert.Equal(MediatorActor.UserId, c.AssigneeId);
        Assert.Equal("王调解", c.Mediation!.MediatorName);
        Assert.Equal(new DateOnly(2026, 4, 1), c.DueOn);
    }

    [Fact]
    public void RecordAgreement_NoSessionYet_RuleErrorNamingAllowedActions()
    {
        var c = Open(At(2026, 3, 2));
        c.AssignMediator(Ctx(MediatorActor, At(2026, 3, 2)), NewMediator(), Committee.Id, null);
        var e = Assert.Throws<CaseRuleException>(() => c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 3)), Agreement(new DateOnly(2026, 3, 3))));
        Assert.Contains(ServiceActions.RecordSession, e.AllowedActions);
        Assert.DoesNotContain(ServiceActions.RecordAgreement, e.AllowedActions);
    }

    [Fact]
    public void RecordSession_InPersonWithoutPlace_FieldError()
    {
        var c = Open(At(2026, 3, 2));
        c.AssignMediator(Ctx(MediatorActor, At(2026, 3, 2)), NewMediator(), Committee.Id, null);
        var e = Assert.Throws<CaseFieldException>(() => c.RecordSession(Ctx(MediatorActor, At(2026, 3, 3)),
            new SessionRecord(At(2026, 3, 3), SessionMode.InPerson, null, "张三、李四", "记录")));
        Assert.Equal("place", e.Field);
    }

    [Fact]
    public void RecordSession_Video_NumberedAndCounted()
    {
        var c = Mediating(At(2026, 3, 2));
        var s = c.RecordSession(Ctx(MediatorActor, At(2026, 3, 5)), Session(At(2026, 3, 5), SessionMode.Video));
        Assert.Equal(2, s.Seq);
        Assert.Null(s.Place);
        Assert.Equal(2, c.Mediation!.SessionCount);
        Assert.Equal(CaseState.Mediating, c.State);
    }

    [Fact]
    public void RecordSession_InFuture_FieldError()
    {
        var c = Mediating(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.RecordSession(Ctx(MediatorActor, At(2026, 3, 2)), Session(At(2026, 3, 4))));
        Assert.Equal("heldAt", e.Field);
    }

    [Fact]
    public void PartyRefuses_Registered_EndsCitingArticle17()
    {
        var c = Open(At(2026, 3, 2));
        var opposing = c.Parties.Single(p => p.Role == PartyRole.OpposingParty);
        c.PartyRefuses(Ctx(MediatorActor, At(2026, 3, 3)), opposing.Id, "表示不同意调解，要求走诉讼。");
        Assert.Equal(CaseState.MediationEnded, c.State);
        Assert.Equal(MediationOutcome.PartyRefused, c.Mediation!.Outcome);
        Assert.Contains("李四", c.Mediation.EndReason);
        Assert.Contains("第十七条", c.Events.Last().Text);
        Assert.Null(c.DueOn);
        Assert.Equal(["note"], c.AvailableActions());
    }

    [Fact]
    public void PartyRefuses_UnknownParty_FieldError()
    {
        var c = Open(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.PartyRefuses(Ctx(MediatorActor, At(2026, 3, 3)), Guid.NewGuid(), "不同意"));
        Assert.Equal("partyId", e.Field);
    }

    [Fact]
    public void RecordAgreement_Written_ThirtyCalendarDayConfirmationWindowFromSigning()
    {
        var c = Mediating(At(2026, 3, 2));
        c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 6)), Agreement(new DateOnly(2026, 3, 6)));
        Assert.Equal(CaseState.AgreementReached, c.State);
        var clock = c.RunningClock!;
        Assert.Equal(ClockPurpose.JudicialConfirmationWindow, clock.Purpose);
        Assert.Equal(DeadlineKind.CalendarDays, clock.Kind);
        Assert.Equal(30, clock.Amount);
        Assert.Contains("第三十三条", clock.LegalBasis);
        Assert.Contains(ServiceActions.ApplyConfirmation, c.AvailableActions());
        // The mediation period clock stopped in time.
        Assert.True(c.Clocks.Single(k => k.Purpose == ClockPurpose.MediationPeriod && k.StoppedAt is not null && k.Seq == c.Clocks.Where(x => x.Purpose == ClockPurpose.MediationPeriod).Max(x => x.Seq)).MetOnTime);
    }

    [Fact]
    public void ConfirmationWindow_LastDayOnQingmingHoliday_MovesToNextWorkingDay()
    {
        // Signed 2026-03-06: day 30 is Sunday 2026-04-05, in the 清明节 break (04-04..04-06); the window ends on Tuesday 04-07
        // (《民法典》第二百零三条: a last day on a rest day moves to the next working day).
        var w = MediationRules.ConfirmationWindow(WorkingDayCalendar.China, new DateOnly(2026, 3, 6));
        Assert.Equal(new DateOnly(2026, 4, 7), w.Due);
    }

    [Fact]
    public void ConfirmationWindow_LastDayAWorkingDay_ExactlyThirtyDays()
    {
        // Signed Monday 2026-06-01: day 30 is Wednesday 2026-07-01, a working day.
        var w = MediationRules.ConfirmationWindow(WorkingDayCalendar.China, new DateOnly(2026, 6, 1));
        Assert.Equal(new DateOnly(2026, 7, 1), w.Due);
    }

    [Fact]
    public void RecordAgreement_MissingTerms_FieldErrorCitingArticle29()
    {
        var c = Mediating(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 6)), Agreement(new DateOnly(2026, 3, 6)) with { Terms = " " }));
        Assert.Equal("terms", e.Field);
        Assert.Contains("第二十九条", e.Message);
    }

    [Fact]
    public void RecordAgreement_SignedInFuture_FieldError()
    {
        var c = Mediating(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 6)), Agreement(new DateOnly(2026, 3, 7))));
        Assert.Equal("signedOn", e.Field);
    }

    [Fact]
    public void RecordOralAgreement_NoConfirmationWindowAndCannotApply()
    {
        var c = Mediating(At(2026, 3, 2));
        c.RecordOralAgreement(Ctx(MediatorActor, At(2026, 3, 3)), "李四当场赔偿张三500元。", new DateOnly(2026, 3, 3), null);
        Assert.Equal(CaseState.AgreementReached, c.State);
        Assert.Equal(MediationOutcome.OralAgreement, c.Mediation!.Outcome);
        Assert.Null(c.RunningClock);
        Assert.DoesNotContain(ServiceActions.ApplyConfirmation, c.AvailableActions());
        Assert.Contains("第三十条", c.Events.Last(e => e.Kind == CaseEventKind.Transition).Text);
    }

    [Fact]
    public void MediationFails_WithoutGuidance_DefaultGuidanceToArbitrationAndLitigation()
    {
        var c = Mediating(At(2026, 3, 2));
        c.MediationFails(Ctx(MediatorActor, At(2026, 3, 9)), "双方对赔偿数额差距过大。", null);
        Assert.Equal(CaseState.MediationEnded, c.State);
        Assert.Equal(MediationOutcome.Failed, c.Mediation!.Outcome);
        Assert.Contains("仲裁", c.Mediation.Guidance);
        Assert.Contains("人民法院提起诉讼", c.Mediation.Guidance);
        Assert.Contains("第二十六条", c.Mediation.Guidance);
    }

    [Fact]
    public void ApplyConfirmation_WithinWindow_PendingWithReferralToCourt()
    {
        var c = Mediating(At(2026, 3, 2));
        c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 6)), Agreement(new DateOnly(2026, 3, 6)));
        c.ApplyConfirmation(Ctx(MediatorActor, At(2026, 3, 20)), "示范区人民法院", new DateOnly(2026, 3, 20), "（2026）示0101民特1号");
        Assert.Equal(CaseState.ConfirmationPending, c.State);
        var referral = Assert.Single(c.Referrals);
        Assert.Equal(ReferralDirection.Out, referral.Direction);
        Assert.Equal(ExternalBody.Court, referral.Body);
        Assert.True(c.Clocks.Single(k => k.Purpose == ClockPurpose.JudicialConfirmationWindow).MetOnTime);
    }

    [Fact]
    public void ApplyConfirmation_AfterWindow_FieldErrorCitingArticle33()
    {
        var c = Mediating(At(2026, 6, 1));
        c.RecordAgreement(Ctx(MediatorActor, At(2026, 6, 1)), Agreement(new DateOnly(2026, 6, 1)));
        var e = Assert.Throws<CaseFieldException>(() => c.ApplyConfirmation(Ctx(MediatorActor, At(2026, 7, 3)), "示范区人民法院", new DateOnly(2026, 7, 2), null));
        Assert.Equal("appliedOn", e.Field);
        Assert.Contains("第三十三条", e.Message);
    }

    [Fact]
    public void CourtRejects_MediationResumesWithNewPeriod()
    {
        var c = Mediating(At(2026, 3, 2));
        c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 6)), Agreement(new DateOnly(2026, 3, 6)));
        c.ApplyConfirmation(Ctx(MediatorActor, At(2026, 3, 10)), "示范区人民法院", new DateOnly(2026, 3, 10), null);
        c.CourtRejects(Ctx(MediatorActor, At(2026, 3, 20)), "协议内容涉及案外人利益。", ServiceRules.Default);
        Assert.Equal(CaseState.Mediating, c.State);
        Assert.Equal(ConfirmationResult.Rejected, c.Mediation!.ConfirmationResult);
        Assert.Null(c.Mediation.Outcome);
        Assert.Equal(ClockPurpose.MediationPeriod, c.RunningClock!.Purpose);
        Assert.Contains("第三十三条第三款", c.Mediation.Guidance);
    }

    [Fact]
    public void CourtConfirms_ThenPerformed_Closed()
    {
        var c = Mediating(At(2026, 3, 2));
        c.RecordAgreement(Ctx(MediatorActor, At(2026, 3, 6)), Agreement(new DateOnly(2026, 3, 6)));
        c.ApplyConfirmation(Ctx(MediatorActor, At(2026, 3, 10)), "示范区人民法院", new DateOnly(2026, 3, 10), null);
        c.CourtConfirms(Ctx(MediatorActor, At(2026, 3, 20)), "（2026）示0101民特1号");
        Assert.Equal(CaseState.AgreementReached, c.State);
        c.CheckPerformance(Ctx(MediatorActor, At(2026, 3, 25)), PerformanceStatus.PartlyPerformed, "已支付2000元。");
        Assert.Equal(PerformanceStatus.PartlyPerformed, c.Mediation!.Performance);
        c.CompletePerformance(Ctx(MediatorActor, At(2026, 4, 2)), "余款已付清。");
        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(PerformanceStatus.Performed, c.Mediation.Performance);
        Assert.NotNull(c.ClosedAt);
    }

    [Fact]
    public void CheckPerformance_NotPerformed_GuidanceCitesArticle32()
    {
        var c = Mediating(At(2026, 3, 2));
        c.RecordOralAgreement(Ctx(MediatorActor, At(2026, 3, 3)), "李四赔偿500元。", new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 10));
        c.CheckPerformance(Ctx(MediatorActor, At(2026, 3, 12)), PerformanceStatus.NotPerformed, "到期未付。");
        Assert.Contains("第三十二条", c.Events.Last().Text);
        var e = Assert.Throws<CaseFieldException>(() => c.CheckPerformance(Ctx(MediatorActor, At(2026, 3, 12)), PerformanceStatus.Performed, "已付"));
        Assert.Equal("status", e.Field);
    }

    [Fact]
    public void LapseConfirmationWindow_BeforeEnd_Nothing_AfterEnd_ClockStoppedFollowUpGoesOn()
    {
        var c = Mediating(At(2026, 6, 1));
        c.RecordAgreement(Ctx(MediatorActor, At(2026, 6, 1)), Agreement(new DateOnly(2026, 6, 1)));
        Assert.False(c.LapseConfirmationWindow(Ctx(CaseActor.System, At(2026, 7, 1, 23))));
        Assert.True(c.LapseConfirmationWindow(Ctx(CaseActor.System, At(2026, 7, 2, 0))));
        Assert.Null(c.RunningClock);
        Assert.Equal(Case.NoDeadline, c.DueSort);
        Assert.Equal(CaseState.AgreementReached, c.State);
        Assert.Contains(ServiceActions.CompletePerformance, c.AvailableActions());
        Assert.False(c.LapseConfirmationWindow(Ctx(CaseActor.System, At(2026, 7, 3))));
    }

    [Fact]
    public void Ended_AnyMediationAction_RuleError()
    {
        var c = Mediating(At(2026, 3, 2));
        c.MediationFails(Ctx(MediatorActor, At(2026, 3, 9)), "差距过大", null);
        var e = Assert.Throws<CaseRuleException>(() => c.RecordSession(Ctx(MediatorActor, At(2026, 3, 9)), Session(At(2026, 3, 9))));
        Assert.Equal(["note"], e.AllowedActions);
    }
}
