using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Cases;

public sealed class LegalAidWorkflowTests
{
    private static readonly Dictionary<string, int> FullMarks = QualityStandard.Default.Criteria.ToDictionary(c => c.Key, c => c.MaxPoints);

    [Fact]
    public void OpenLegalAid_Application_SubmittedWithSevenCalendarDayReview()
    {
        var c = LegalAid(At(2026, 3, 2));
        Assert.Equal(CaseState.Submitted, c.State);
        var clock = Assert.Single(c.Clocks);
        Assert.Equal(ClockPurpose.LegalAidReview, clock.Purpose);
        Assert.Equal(DeadlineKind.CalendarDays, clock.Kind);
        Assert.Equal(7, clock.Amount);
        Assert.Equal(new DateOnly(2026, 3, 9), clock.Due);
        Assert.Contains("第四十三条", clock.LegalBasis);
        Assert.Equal(MeansTest.Commitment, c.LegalAid!.MeansTest);
        Assert.Equal(CasePriority.Normal, c.Priority);
    }

    [Fact]
    public void OpenLegalAid_ReviewEndsInMidAutumnBreak_MovesToNextWorkingDay()
    {
        // Received Friday 2026-09-18; day 7 is 09-25, the first day of the Mid-Autumn break (09-25..27): due Monday 09-28.
        var c = LegalAid(At(2026, 9, 18), Application(new DateOnly(2026, 9, 18)));
        Assert.Equal(new DateOnly(2026, 9, 28), c.DueOn);
    }

    [Fact]
    public void OpenLegalAid_ReviewEndsOnMakeUpSaturday_DueThatSaturday()
    {
        // Received on 2026-02-21 (Spring Festival break); day 7 is Saturday 02-28, a make-up working day (调休上班).
        var c = LegalAid(At(2026, 2, 21), Application(new DateOnly(2026, 2, 21)));
        Assert.Equal(new DateOnly(2026, 2, 28), c.DueOn);
    }

    [Fact]
    public void OpenLegalAid_PaperApplicationReceivedEarlier_ClockFromReceipt()
    {
        var c = LegalAid(At(2026, 3, 4), Application(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateOnly(2026, 3, 9), c.DueOn);
    }

    [Fact]
    public void OpenLegalAid_ReceivedInFuture_FieldError()
    {
        var e = Assert.Throws<CaseFieldException>(() => LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 3))));
        Assert.Equal("legalAid.receivedOn", e.Field);
    }

    [Fact]
    public void OpenLegalAid_NoCommitmentWhenMeansTested_FieldErrorCitingArticle41()
    {
        var e = Assert.Throws<CaseFieldException>(() => LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.Maintenance, commitment: false)));
        Assert.Equal("legalAid.hardshipCommitment", e.Field);
        Assert.Contains("第四十一条", e.Message);
    }

    [Fact]
    public void OpenLegalAid_MigrantWorkerWageClaim_GreenChannelExemptPriorityShorterReview()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), groups: SpecialGroups.MigrantWorker, commitment: false));
        Assert.True(c.LegalAid!.GreenChannel);
        Assert.Contains("绿色通道", c.LegalAid.GreenChannelSource);
        Assert.Equal(MeansTest.Exempt, c.LegalAid.MeansTest);
        Assert.Contains("第四十二条第三项", c.LegalAid.MeansTestBasis);
        Assert.Equal(CasePriority.High, c.Priority);
        Assert.Equal(new DateOnly(2026, 3, 5), c.DueOn);
        Assert.Contains("绿色通道", c.RunningClock!.LegalBasis);
    }

    [Fact]
    public void OpenLegalAid_GreenChannelDisabled_NormalReviewButStillExempt()
    {
        var rules = CaseRules.Default with { GreenChannel = GreenChannelPolicy.Default with { Enabled = false } };
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), groups: SpecialGroups.MigrantWorker, commitment: false), rules);
        Assert.False(c.LegalAid!.GreenChannel);
        Assert.Null(c.LegalAid.GreenChannelSource);
        Assert.Equal(MeansTest.Exempt, c.LegalAid.MeansTest);
        Assert.Equal(CasePriority.Normal, c.Priority);
        Assert.Equal(new DateOnly(2026, 3, 9), c.DueOn);
    }

    [Fact]
    public void OpenLegalAid_LimitationInSixDays_UrgentAndPriority()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.AccidentInjury, limitation: new DateOnly(2026, 3, 8)));
        Assert.True(c.IsUrgentOn(new DateOnly(2026, 3, 2)));
        Assert.Equal(CasePriority.High, c.Priority);
        Assert.Contains(c.Events, e => e.Text!.Contains("第四十四条", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenLegalAid_CriminalNotice_GrantedWithThreeDayAssignmentFromNotice()
    {
        // Notice received 2026-04-30; day 3 is 05-03 inside the Labour Day break (05-01..05): due Wednesday 05-06.
        var notice = new LegalAidNotice(ExternalBody.Court, "示范区人民法院", "（2026）示刑通字第12号", new DateOnly(2026, 4, 30), NoticeReason.Minor);
        var c = LegalAid(At(2026, 4, 30), Application(new DateOnly(2026, 4, 30), LegalAidMatter.CriminalDefenceNotice, commitment: false, notice: notice));
        Assert.Equal(CaseState.Granted, c.State);
        Assert.Equal(ClockPurpose.NoticeAssignment, c.RunningClock!.Purpose);
        Assert.Equal(new DateOnly(2026, 5, 6), c.DueOn);
        Assert.Contains("第三十六条", c.RunningClock.LegalBasis);
        Assert.Equal(MeansTest.NotRequired, c.LegalAid!.MeansTest);
        Assert.Equal(CasePriority.High, c.Priority);
    }

    [Fact]
    public void OpenLegalAid_NoticeMissingForNotifiedDefence_FieldError()
    {
        var e = Assert.Throws<CaseFieldException>(() => LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.CriminalDefenceNotice)));
        Assert.Equal("legalAid.notice", e.Field);
    }

    [Fact]
    public void RequestMaterials_ThenSupplement_ReviewRestartsFromCompletion()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.RequestMaterials(Ctx(Officer, At(2026, 3, 3)), "劳动合同或工资条；欠薪证明");
        Assert.Equal(CaseState.AwaitingMaterials, c.State);
        Assert.Equal(ClockPurpose.MaterialsSupplement, c.RunningClock!.Purpose);
        Assert.Equal(new DateOnly(2026, 3, 18), c.DueOn);
        Assert.True(c.Clocks.Single(k => k.Purpose == ClockPurpose.LegalAidReview).MetOnTime);

        c.Supplement(Ctx(Officer, At(2026, 3, 10)), "已提交工资条");
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(ClockPurpose.LegalAidReview, c.RunningClock!.Purpose);
        Assert.Equal(new DateOnly(2026, 3, 17), c.DueOn);
        Assert.Equal(3, c.ClockSeq);
    }

    [Fact]
    public void RequestMaterials_Twice_NotAllowedOneNoticeOnly()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.RequestMaterials(Ctx(Officer, At(2026, 3, 3)), "身份证复印件");
        c.Supplement(Ctx(Officer, At(2026, 3, 4)), null);
        var e = Assert.Throws<CaseRuleException>(() => c.RequestMaterials(Ctx(Officer, At(2026, 3, 5)), "又缺材料"));
        Assert.DoesNotContain(CaseActions.RequestMaterials, e.AllowedActions);
        Assert.Contains(CaseActions.Grant, e.AllowedActions);
    }

    [Fact]
    public void Grant_AwaitingMaterials_ThrowsNamingAllowedActions()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.RequestMaterials(Ctx(Officer, At(2026, 3, 3)), "身份证复印件");
        var e = Assert.Throws<CaseRuleException>(() => c.Grant(Ctx(Officer, At(2026, 3, 4)), null));
        Assert.Contains(CaseActions.Supplement, e.AllowedActions);
        Assert.Contains(CaseActions.GrantPriorAid, e.AllowedActions);
        Assert.Contains(CaseActions.Withdraw, e.AllowedActions);
        Assert.DoesNotContain(CaseActions.Grant, e.AllowedActions);
        Assert.Contains("待补充材料", e.Message);
    }

    [Fact]
    public void Grant_BeforeNationalDay_AssignmentClockSkipsHoliday()
    {
        // Granted Tuesday 2026-09-29; day 3 is 10-02 inside the National Day break (10-01..07): due Thursday 10-08.
        var c = LegalAid(At(2026, 9, 28), Application(new DateOnly(2026, 9, 28)));
        c.Grant(Ctx(Officer, At(2026, 9, 29)), "符合条件");
        Assert.Equal(CaseState.Granted, c.State);
        Assert.Equal(ClockPurpose.LawyerAssignment, c.RunningClock!.Purpose);
        Assert.Equal(new DateOnly(2026, 10, 8), c.DueOn);
        Assert.Contains("第四十三条", c.RunningClock.LegalBasis);
    }

    [Fact]
    public void Refuse_WithoutReasons_FieldErrorAndStateUnchanged()
    {
        var c = LegalAid(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.Refuse(Ctx(Officer, At(2026, 3, 3)), ""));
        Assert.Equal("reasons", e.Field);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Fact]
    public void Objection_AcrossNewYear_DueOnMakeUpSunday()
    {
        // Objection received Monday 2025-12-29; day 5 is 2026-01-03 (New Year break 01-01..03); Sunday 01-04 is a make-up working day.
        var c = LegalAid(At(2025, 12, 22), Application(new DateOnly(2025, 12, 22), LegalAidMatter.Maintenance));
        c.Refuse(Ctx(Officer, At(2025, 12, 26)), "申请人经济状况不符合当地经济困难标准");
        Assert.Equal(Case.NoDeadline, c.DueSort);
        Assert.False(c.IsOpen);
        c.RaiseObjection(Ctx(StreetStaff, At(2025, 12, 29)), new DateOnly(2025, 12, 29), "家庭收入计算有误");
        Assert.Equal(CaseState.ObjectionPending, c.State);
        Assert.Equal(ClockPurpose.ObjectionDecision, c.RunningClock!.Purpose);
        Assert.Equal(new DateOnly(2026, 1, 4), c.DueOn);
        Assert.Contains("第四十九条", c.RunningClock.LegalBasis);
    }

    [Fact]
    public void Objection_ReceivedBeforeDecision_FieldError()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.Maintenance));
        c.Refuse(Ctx(Officer, At(2026, 3, 5)), "不符合条件");
        Assert.Equal("receivedOn", Assert.Throws<CaseFieldException>(() => c.RaiseObjection(Ctx(Officer, At(2026, 3, 6)), new DateOnly(2026, 3, 4), "异议")).Field);
    }

    [Fact]
    public void UpholdRefusal_ThenObjectAgain_NotAllowed()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.Maintenance));
        c.Refuse(Ctx(Officer, At(2026, 3, 3)), "不符合条件");
        c.RaiseObjection(Ctx(Officer, At(2026, 3, 4)), new DateOnly(2026, 3, 4), "不服");
        c.UpholdRefusal(Ctx(Manager, At(2026, 3, 6)), "经审查原决定正确");
        Assert.Equal(CaseState.Refused, c.State);
        Assert.True(c.LegalAid!.ObjectionUpheld);
        var e = Assert.Throws<CaseRuleException>(() => c.RaiseObjection(Ctx(Officer, At(2026, 3, 7)), new DateOnly(2026, 3, 7), "再次异议"));
        Assert.Equal([CaseActions.Close, CaseActions.Note], e.AllowedActions);
        c.Close(Ctx(Officer, At(2026, 3, 9)), "归档");
        Assert.Equal(CaseState.Closed, c.State);
    }

    [Fact]
    public void OrderCorrection_GrantsAndStartsAssignmentClock()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.Maintenance));
        c.Refuse(Ctx(Officer, At(2026, 3, 3)), "不符合条件");
        c.RaiseObjection(Ctx(Officer, At(2026, 3, 4)), new DateOnly(2026, 3, 4), "不服");
        c.OrderCorrection(Ctx(Manager, At(2026, 3, 5)), "申请人属低保对象，应免予核查");
        Assert.Equal(CaseState.Granted, c.State);
        Assert.False(c.LegalAid!.ObjectionUpheld);
        // Ordered on Thursday 03-05; day 3 is Sunday 03-08, so the period ends on Monday 03-09.
        Assert.Equal(ClockPurpose.LawyerAssignment, c.RunningClock!.Purpose);
        Assert.Equal(new DateOnly(2026, 3, 9), c.DueOn);
        Assert.True(c.Clocks.Single(k => k.Purpose == ClockPurpose.ObjectionDecision).MetOnTime);
    }

    [Fact]
    public void GrantPriorAid_AwaitingMaterials_GrantedHighPriority()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.AccidentInjury, limitation: new DateOnly(2026, 3, 6)));
        c.RequestMaterials(Ctx(Officer, At(2026, 3, 2)), "事故认定书");
        c.GrantPriorAid(Ctx(Officer, At(2026, 3, 3)), "诉讼时效将于3月6日届满，需立即起诉");
        Assert.Equal(CaseState.Granted, c.State);
        Assert.True(c.LegalAid!.PriorAid);
        Assert.Equal(CasePriority.High, c.Priority);
        Assert.Equal(ClockPurpose.LawyerAssignment, c.RunningClock!.Purpose);
    }

    [Fact]
    public void HappyPath_GrantAssignCloseApprove_ScoreAndSubsidy()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice());
        Assert.Equal(CaseState.Assigned, c.State);
        Assert.True(c.Clocks.Single(k => k.Purpose == ClockPurpose.LawyerAssignment).MetOnTime);
        Assert.Equal(Case.NoDeadline, c.DueSort);
        Assert.Equal(LawyerActor.UserId, c.LawyerUserId);

        c.SubmitClosure(Ctx(LawyerActor, At(2026, 5, 6)), ClosureOutcome.Mediated, LegalAidStage.Arbitration, "仲裁调解结案，追回工资两万元");
        Assert.Equal(CaseState.ClosurePending, c.State);
        c.ReturnClosure(Ctx(Officer, At(2026, 5, 7)), "缺调解书复印件");
        Assert.Equal(CaseState.Assigned, c.State);
        c.SubmitClosure(Ctx(LawyerActor, At(2026, 5, 8)), ClosureOutcome.Mediated, LegalAidStage.Arbitration, "已补调解书");
        var scores = new Dictionary<string, int>(FullMarks) { ["documents"] = 25 };
        c.ApproveClosure(Ctx(Officer, At(2026, 5, 9)), scores, null);

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(95, c.LegalAid!.QualityScore);
        Assert.Equal(1500m, c.LegalAid.Subsidy);
        Assert.Contains("documents=25", c.LegalAid.QualityBreakdown);
        Assert.NotNull(c.ClosedAt);
        Assert.False(c.IsOpen);
    }

    [Fact]
    public void SubmitClosure_Terminated_HalfSubsidy()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice());
        c.SubmitClosure(Ctx(LawyerActor, At(2026, 4, 1)), ClosureOutcome.Terminated, LegalAidStage.FirstInstance, "受援人自行委托律师（第四十八条第六项）");
        c.ApproveClosure(Ctx(Officer, At(2026, 4, 2)), FullMarks, "同意终止");
        Assert.Equal(1100m, c.LegalAid!.Subsidy);
    }

    [Fact]
    public void SubmitClosure_StageWithoutStandard_FieldErrorOnStage()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice());
        var e = Assert.Throws<CaseFieldException>(() => c.SubmitClosure(Ctx(LawyerActor, At(2026, 4, 1)), ClosureOutcome.Won, LegalAidStage.Investigation, "结案"));
        Assert.Equal("stage", e.Field);
    }

    [Fact]
    public void ApproveClosure_MissingCriterion_FieldError()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice());
        c.SubmitClosure(Ctx(LawyerActor, At(2026, 4, 1)), ClosureOutcome.Won, LegalAidStage.FirstInstance, "胜诉");
        var partial = FullMarks.Where(kv => kv.Key != "filing").ToDictionary();
        Assert.Equal("scores.filing", Assert.Throws<CaseFieldException>(() => c.ApproveClosure(Ctx(Officer, At(2026, 4, 2)), partial, null)).Field);
        Assert.Equal(CaseState.ClosurePending, c.State);
    }

    [Fact]
    public void AssignLawyer_DefiniteConflict_Refused()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        var hit = new ConflictHit(ConflictStrength.Definite, "FY-2025-000001", "某建筑公司", "代理过对方当事人");
        var e = Assert.Throws<CaseFieldException>(() => c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice(conflicts: [hit], overrideReason: "我确认")));
        Assert.Equal("lawyerId", e.Field);
        Assert.Equal(CaseState.Granted, c.State);
    }

    [Fact]
    public void AssignLawyer_PossibleConflict_NeedsReason()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        var hit = new ConflictHit(ConflictStrength.Possible, "FY-2025-000001", "王五", "名称相近");
        Assert.Equal("conflictOverrideReason", Assert.Throws<CaseFieldException>(() => c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice(conflicts: [hit]))).Field);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice(conflicts: [hit], overrideReason: "经核实系同名不同人"));
        Assert.Equal("经核实系同名不同人", c.LegalAid!.ConflictOverrideReason);
    }

    [Fact]
    public void AssignLawyer_DeathSentenceNoticeJuniorLawyer_RefusedUnderArticle26()
    {
        var notice = new LegalAidNotice(ExternalBody.Procuratorate, "示范区人民检察院", "示检通字第3号", new DateOnly(2026, 3, 2), NoticeReason.LifeOrDeathSentence);
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.CriminalDefenceNotice, notice: notice));
        var e = Assert.Throws<CaseFieldException>(() => c.AssignLawyer(Ctx(Officer, At(2026, 3, 3)), Choice(NewLawyer("新律师", 2025))));
        Assert.Contains("第二十六条", e.Message);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 3)), Choice(NewLawyer("资深律师", 2010)));
        Assert.Equal(CaseState.Assigned, c.State);
    }

    [Fact]
    public void ReassignLawyer_SameLawyer_FieldError_OtherLawyerNeedsReason()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        var first = NewLawyer("甲律师");
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice(first));
        Assert.Equal("lawyerId", Assert.Throws<CaseFieldException>(() => c.ReassignLawyer(Ctx(Officer, At(2026, 3, 5)), Choice(first), "x")).Field);
        Assert.Equal("reason", Assert.Throws<CaseFieldException>(() => c.ReassignLawyer(Ctx(Officer, At(2026, 3, 5)), Choice(NewLawyer("乙律师")), " ")).Field);
        c.ReassignLawyer(Ctx(Officer, At(2026, 3, 5)), Choice(NewLawyer("乙律师")), "受援人有正当理由要求更换");
        Assert.Equal("乙律师", c.LegalAid!.LawyerName);
        Assert.Equal(CaseState.Assigned, c.State);
    }

    [Fact]
    public void Withdraw_Submitted_TerminalWithOnlyNote()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Withdraw(Ctx(CitizenActor, At(2026, 3, 3)), "已与用人单位和解");
        Assert.Equal(CaseState.Withdrawn, c.State);
        Assert.Equal([CaseActions.Note], c.AvailableActions());
        Assert.Throws<CaseRuleException>(() => c.Grant(Ctx(Officer, At(2026, 3, 4)), null));
    }

    [Fact]
    public void Overdue_ReviewNotDecided_FlagsDueSoonThenOverdue()
    {
        var c = LegalAid(At(2026, 3, 2));
        var deadline = c.RunningClock!.ToDeadline();
        Assert.Equal(DeadlineStatus.OnTime, deadline.StatusAt(At(2026, 3, 3), WorkingDayCalendar.China));
        Assert.Equal(DeadlineStatus.DueSoon, deadline.StatusAt(At(2026, 3, 5), WorkingDayCalendar.China));
        Assert.Equal(DeadlineStatus.DueSoon, deadline.StatusAt(At(2026, 3, 9, 23), WorkingDayCalendar.China));
        Assert.False(c.IsOverdueAt(At(2026, 3, 9, 23)));
        Assert.True(c.IsOverdueAt(At(2026, 3, 10, 0)));
        Assert.Equal(DeadlineStatus.Overdue, deadline.StatusAt(At(2026, 3, 10, 0), WorkingDayCalendar.China));
    }

    [Fact]
    public void Workflow_AllTransitionsReachableStates_AndTerminalStatesOnlyNote()
    {
        var wf = LegalAidWorkflow.Instance;
        foreach (var s in wf.States.Where(s => s.IsTerminal))
            Assert.Equal([CaseActions.Note], wf.ActionsIn(s.State));
        var reachable = new HashSet<CaseState> { wf.Initial, CaseState.Granted };
        foreach (var t in wf.Transitions.Where(t => t.To is not null))
            reachable.Add(t.To!.Value);
        Assert.Equal(wf.States.Select(s => s.State).OrderBy(s => s), reachable.OrderBy(s => s));
    }
}
