using Farun.Features.Cases;
using Farun.Features.Complaints;
using Farun.Features.Services;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Complaints;

public sealed class ComplaintWorkflowTests
{
    private static readonly ComplaintSubject Subject = new(ComplaintSubjectKind.Staff, Hotline.UserId, null, "热线坐席");

    private static Case Open(DateTimeOffset now, params Case[] about) =>
        Case.OpenComplaint(Ctx(StreetStaff, now), Number(CaseType.Complaint), CaseChannel.WalkIn, StreetId,
            new ComplaintIntake(ComplaintKind.Complaint, Subject, "答复敷衍", "请求调查"), about, ServiceRules.Default);

    [Fact]
    public void OpenComplaint_StartsConfiguredReplyClock_AndLinksSubjectCases()
    {
        var consultation = Consultation(At(2026, 3, 2), answered: true, actor: Hotline);
        var c = Open(At(2026, 3, 3), consultation, consultation);
        Assert.Equal(CaseState.ComplaintReceived, c.State);
        var clock = c.RunningClock!;
        Assert.Equal(ClockPurpose.ComplaintReply, clock.Purpose);
        // 60 days from 3 March end on 2 May, inside the Labour Day holiday (1-5 May): the period ends on the next working day.
        Assert.Equal(new DateOnly(2026, 5, 6), clock.Due);
        Assert.Contains("示例配置", clock.LegalBasis);
        var link = Assert.Single(c.LinksFrom);
        Assert.Equal(consultation.Id, link.ToCaseId);
        Assert.Equal(Case.ComplaintAboutLink, link.Kind);
    }

    [Fact]
    public void InvestigateComplaint_KeepsTheOriginalReplyDeadline()
    {
        var c = Open(At(2026, 3, 3));
        var due = c.DueOn;
        c.InvestigateComplaint(Ctx(Manager, At(2026, 3, 20)), "调取录音");
        Assert.Equal(CaseState.ComplaintInvestigating, c.State);
        Assert.Equal(due, c.DueOn);
        Assert.Equal("调取录音", c.Complaint!.InvestigationNote);
    }

    [Fact]
    public void ReplyComplaint_SubstantiatedWithoutMeasures_FieldError()
    {
        var c = Open(At(2026, 3, 3));
        var e = Assert.Throws<CaseFieldException>(() => c.ReplyComplaint(Ctx(Manager, At(2026, 3, 4)), ComplaintOutcome.Substantiated, "属实", null));
        Assert.Equal("measures", e.Field);
        Assert.Equal(CaseState.ComplaintReceived, c.State);
    }

    [Fact]
    public void ReplyComplaint_OnTime_ClosesAndStopsClockMet()
    {
        var c = Open(At(2026, 3, 3));
        var clock = c.RunningClock!;
        c.ReplyComplaint(Ctx(Manager, At(2026, 3, 10)), ComplaintOutcome.Unsubstantiated, "经核查不属实。", null);
        Assert.Equal(CaseState.Closed, c.State);
        Assert.False(c.IsOpen);
        Assert.True(clock.MetOnTime);
        Assert.Equal(new DateOnly(2026, 3, 10), c.Complaint!.RepliedOn);
        Assert.Throws<CaseRuleException>(() => c.InvestigateComplaint(Ctx(Manager, At(2026, 3, 11)), "再查"));
    }

    [Fact]
    public void Policy_OnlyManagersOrTheHandlerDecideComplaints()
    {
        var c = Open(At(2026, 3, 3));
        Assert.True(CaseActionPolicy.IsPermitted(c, ServiceActions.Investigate, Manager));
        Assert.False(CaseActionPolicy.IsPermitted(c, ServiceActions.Investigate, StreetStaff));
        Assert.False(CaseActionPolicy.IsPermitted(c, ServiceActions.ReplyComplaint, Hotline));
        Assert.False(CaseActionPolicy.IsPermitted(c, ServiceActions.ReplyComplaint, CitizenActor));
    }
}
