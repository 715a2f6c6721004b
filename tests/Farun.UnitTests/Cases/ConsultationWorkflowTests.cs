using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Cases;

public sealed class ConsultationWorkflowTests
{
    [Fact]
    public void OpenConsultation_WithoutAnswer_OpenWithReplyClockInWorkingDays()
    {
        // Friday 2026-02-13: 02-14 is a make-up Saturday (working), 02-15..23 the Spring Festival break, then 02-24, 02-25.
        var c = Consultation(At(2026, 2, 13));
        Assert.Equal(CaseState.Open, c.State);
        Assert.True(c.IsOpen);
        var clock = Assert.Single(c.Clocks);
        Assert.Equal(ClockPurpose.ConsultationReply, clock.Purpose);
        Assert.Equal(DeadlineKind.WorkingDays, clock.Kind);
        Assert.Equal(new DateOnly(2026, 2, 25), clock.Due);
        Assert.Equal(new DateOnly(2026, 2, 25), c.DueOn);
        Assert.Contains("示例配置", clock.LegalBasis);
    }

    [Fact]
    public void OpenConsultation_WithAnswer_AnsweredAtOnceWithoutClock()
    {
        var c = Consultation(At(2026, 3, 2), answered: true);
        Assert.Equal(CaseState.Answered, c.State);
        Assert.False(c.IsOpen);
        Assert.Empty(c.Clocks);
        Assert.Equal(Case.NoDeadline, c.DueSort);
        Assert.Equal("可申请劳动仲裁。", c.Consultation!.AnswerSummary);
        Assert.Equal(12, c.Consultation.DurationMinutes);
    }

    [Fact]
    public void Answer_Open_StopsClockAndStoresCitations()
    {
        var c = Consultation(At(2026, 3, 2));
        var cited = new CitedArticle("劳动合同法第八十二条", Guid.NewGuid(), "中华人民共和国劳动合同法", "82", "第八十二条", "/laws/x#a82", null);
        c.Answer(Ctx(Hotline, At(2026, 3, 3)), new ConsultationAnswer("可主张二倍工资。", [cited, new CitedArticle("不存在法第一条", null, null, null, null, null, "未找到")], 20));
        Assert.Equal(CaseState.Answered, c.State);
        var clock = Assert.Single(c.Clocks);
        Assert.False(clock.IsRunning);
        Assert.True(clock.MetOnTime);
        Assert.Equal(2, c.Consultation!.Citations.Count);
        Assert.True(c.Consultation.Citations[0].IsResolved);
        Assert.False(c.Consultation.Citations[1].IsResolved);
        Assert.Contains(c.Events, e => e.Action == CaseActions.Answer && e.FromState == CaseState.Open && e.ToState == CaseState.Answered);
    }

    [Fact]
    public void Answer_Twice_ThrowsWithAllowedActions()
    {
        var c = Consultation(At(2026, 3, 2), answered: true);
        var e = Assert.Throws<CaseRuleException>(() => c.Answer(Ctx(Hotline, At(2026, 3, 2)), new ConsultationAnswer("再答", [], null)));
        Assert.Equal([CaseActions.Convert, CaseActions.Note], e.AllowedActions);
        Assert.Contains("已解答", e.Message);
    }

    [Fact]
    public void Answer_BlankSummary_FieldError()
    {
        var c = Consultation(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.Answer(Ctx(Hotline, At(2026, 3, 2)), new ConsultationAnswer(" ", [], null)));
        Assert.Equal("answerSummary", e.Field);
    }

    [Fact]
    public void Close_Open_ClosedWithReasonAndTerminal()
    {
        var c = Consultation(At(2026, 3, 2));
        c.Close(Ctx(Hotline, At(2026, 3, 2)), "来电中断，回拨无人接听");
        Assert.Equal(CaseState.Closed, c.State);
        Assert.NotNull(c.ClosedAt);
        Assert.Equal("来电中断，回拨无人接听", c.Consultation!.CloseReason);
        Assert.Equal([CaseActions.Note], c.AvailableActions());
    }

    [Fact]
    public void ConvertInto_LegalAid_LinksBothAndCarriesApplicantOver()
    {
        var now = At(2026, 3, 2);
        var consultation = Consultation(now, answered: true);
        var legalAid = Case.OpenLegalAid(Ctx(Hotline, now), Number(CaseType.LegalAid), CaseChannel.Hotline12348, CentreId, Application(new DateOnly(2026, 3, 2)));

        var link = consultation.ConvertInto(Ctx(Hotline, now), legalAid);

        Assert.Equal(CaseState.Converted, consultation.State);
        Assert.Equal(legalAid.Id, consultation.Consultation!.ConvertedToCaseId);
        Assert.Equal((consultation.Id, legalAid.Id, CaseLink.ConvertedInto), (link.FromCaseId, link.ToCaseId, link.Kind));
        var applicant = Assert.Single(legalAid.Parties);
        Assert.Equal(consultation.Parties[0].PersonId, applicant.PersonId);
        Assert.Equal("张三", legalAid.ApplicantName);
        Assert.Contains(legalAid.Events, e => e.Kind == CaseEventKind.Link && e.Text!.Contains(consultation.Number, StringComparison.Ordinal));
        Assert.Throws<CaseRuleException>(() => consultation.ConvertInto(Ctx(Hotline, now), legalAid));
    }

    [Fact]
    public void ConvertInto_AnotherConsultation_FieldError()
    {
        var now = At(2026, 3, 2);
        var a = Consultation(now);
        var b = Consultation(now);
        Assert.Equal("type", Assert.Throws<CaseFieldException>(() => a.ConvertInto(Ctx(Hotline, now), b)).Field);
    }

    [Fact]
    public void ReferOut_Open_ReferredOutWithReceiverReference()
    {
        var c = Consultation(At(2026, 3, 2));
        var r = c.ReferOut(Ctx(Hotline, At(2026, 3, 2)), ExternalBody.Hotline12345, "市12345热线", "GD20260302001", "属于房屋征收政策咨询");
        Assert.Equal(CaseState.ReferredOut, c.State);
        Assert.Equal(ReferralDirection.Out, r.Direction);
        Assert.Equal("GD20260302001", r.Reference);
        Assert.Throws<CaseRuleException>(() => c.ReferOut(Ctx(Hotline, At(2026, 3, 2)), ExternalBody.Court, "示范区人民法院", "X1", "再次转出"));
    }

    [Fact]
    public void ReferOut_MissingReference_FieldError()
    {
        var c = Consultation(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => c.ReferOut(Ctx(Hotline, At(2026, 3, 2)), ExternalBody.Court, "示范区人民法院", " ", "诉前调解"));
        Assert.Equal("reference", e.Field);
        Assert.Equal(CaseState.Open, c.State);
    }

    [Fact]
    public void Workflow_EveryStateKnown_ActionsIncludeNote()
    {
        foreach (var s in ConsultationWorkflow.Instance.States)
            Assert.Contains(CaseActions.Note, ConsultationWorkflow.Instance.ActionsIn(s.State));
        Assert.Equal(CaseState.Open, ConsultationWorkflow.Instance.Initial);
    }
}
