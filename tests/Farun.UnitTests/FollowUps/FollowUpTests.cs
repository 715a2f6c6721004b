using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.FollowUps;
using Farun.Features.LegalAid;
using Farun.Features.Services;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.FollowUps;

public sealed class FollowUpTests
{
    private static readonly ServiceRules Rules = ServiceRules.Default;

    private static (Case Case, FollowUp FollowUp) Closed(DateTimeOffset at)
    {
        var c = Consultation(at, answered: true, actor: Hotline);
        return (c, FollowUp.ForClosure(c, Ctx(Hotline, at), Rules));
    }

    [Fact]
    public void ForClosure_DueInConfiguredWorkingDays_HandlerIsAssignee()
    {
        // Friday 2026-09-25 is in the Mid-Autumn break, National Day follows: five working days run past it.
        var (_, f) = Closed(At(2026, 9, 24));
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(new DateOnly(2026, 9, 24), 5), f.DueOn);
        Assert.Equal(Hotline.UserId, f.HandlerId);
        Assert.Equal(1, f.Round);
        Assert.Equal(FollowUpStatus.Pending, f.Status);
        Assert.Contains("示例配置", f.Basis);
    }

    [Fact]
    public void RecordPhoneRating_ByTheHandler_Refused()
    {
        var (_, f) = Closed(At(2026, 3, 2));
        Assert.False(f.MayCall(Hotline));
        Assert.Throws<FollowUpStateException>(() => f.RecordPhoneRating(Hotline, SatisfactionLevel.VerySatisfied, null, Ctx(Hotline, At(2026, 3, 3)), Rules));
        Assert.Equal(FollowUpStatus.Pending, f.Status);
    }

    [Theory]
    [InlineData(SatisfactionLevel.VerySatisfied, false)]
    [InlineData(SatisfactionLevel.Satisfied, false)]
    [InlineData(SatisfactionLevel.BasicallySatisfied, false)]
    [InlineData(SatisfactionLevel.Dissatisfied, true)]
    [InlineData(SatisfactionLevel.VeryDissatisfied, true)]
    public void RecordPhoneRating_DissatisfiedOrWorse_OpensRectification(SatisfactionLevel level, bool bad)
    {
        var (_, f) = Closed(At(2026, 3, 2));
        var r = f.RecordPhoneRating(Manager, level, "原因", Ctx(Manager, At(2026, 3, 3)), Rules);
        Assert.Equal(bad, r is not null);
        Assert.Equal(!bad, level.CountsAsSatisfied());
        if (r is not null)
        {
            Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(new DateOnly(2026, 3, 3), 10), r.DueOn);
            Assert.Equal(Hotline.UserId, r.ResponsibleId);
            Assert.Contains("好差评", r.Basis);
        }
    }

    [Fact]
    public void RecordPhoneRating_BadWithoutReason_FieldError()
    {
        var (_, f) = Closed(At(2026, 3, 2));
        var e = Assert.Throws<CaseFieldException>(() => f.RecordPhoneRating(Manager, SatisfactionLevel.Dissatisfied, " ", Ctx(Manager, At(2026, 3, 3)), Rules));
        Assert.Equal("comment", e.Field);
    }

    [Fact]
    public void CompleteRectification_SchedulesSecondFollowUp_OnceOnly()
    {
        var (c, f) = Closed(At(2026, 3, 2));
        var r = f.RecordPhoneRating(Manager, SatisfactionLevel.VeryDissatisfied, "态度差", Ctx(Manager, At(2026, 3, 3)), Rules)!;
        var second = r.Complete(c, "约谈承办人，重新答复", Ctx(Hotline, At(2026, 3, 20)), Rules);
        Assert.False(r.CompletedOnTime);
        Assert.Equal(2, second.Round);
        Assert.Equal(r.Id, second.AfterRectificationId);
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(new DateOnly(2026, 3, 20), 5), second.DueOn);
        Assert.Throws<FollowUpStateException>(() => r.Complete(c, "再次整改", Ctx(Hotline, At(2026, 3, 21)), Rules));
    }

    [Fact]
    public void OnlineRating_TokenWorksOnceAndOnlyTheLatest()
    {
        var (_, f) = Closed(At(2026, 3, 2));
        var old = f.IssueLink(At(2026, 3, 3));
        var token = f.IssueLink(At(2026, 3, 3));
        Assert.NotEqual(old, token);
        Assert.DoesNotContain(token, f.LinkTokenHash!, StringComparison.Ordinal);
        Assert.Throws<FollowUpStateException>(() => f.RecordOnlineRating(old, SatisfactionLevel.Satisfied, null, Ctx(CaseActor.System, At(2026, 3, 4)), Rules));
        Assert.Null(f.RecordOnlineRating(token, SatisfactionLevel.Satisfied, null, Ctx(CaseActor.System, At(2026, 3, 4)), Rules));
        Assert.Equal(FollowUpMethod.OnlineLink, f.Method);
        Assert.Null(f.LinkTokenHash);
        Assert.Throws<FollowUpStateException>(() => f.RecordOnlineRating(token, SatisfactionLevel.Satisfied, null, Ctx(CaseActor.System, At(2026, 3, 4)), Rules));
    }

    [Fact]
    public void RecordNoAnswer_ThirdTime_Unreachable()
    {
        var (_, f) = Closed(At(2026, 3, 2));
        f.RecordNoAnswer(Manager);
        f.RecordNoAnswer(Manager);
        Assert.Equal(FollowUpStatus.Pending, f.Status);
        f.RecordNoAnswer(Manager);
        Assert.Equal(FollowUpStatus.Unreachable, f.Status);
    }

    [Fact]
    public void FollowsUp_ConvertedReferredWithdrawn_NoFollowUp()
    {
        Assert.False(Satisfaction.FollowsUp(CaseState.Converted));
        Assert.False(Satisfaction.FollowsUp(CaseState.ReferredOut));
        Assert.False(Satisfaction.FollowsUp(CaseState.Withdrawn));
        Assert.True(Satisfaction.FollowsUp(CaseState.Answered));
        Assert.True(Satisfaction.FollowsUp(CaseState.NotaryIssued));
        Assert.Contains("基本满意", Satisfaction.RateDefinition);
    }

    [Fact]
    public void QualityReview_LegalAid_FeedsWeightedQualityScore()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice());
        c.SubmitClosure(Ctx(LawyerActor, At(2026, 5, 6)), ClosureOutcome.Mediated, LegalAidStage.Arbitration, "仲裁调解结案");
        var full = QualityStandard.Default.Criteria.ToDictionary(x => x.Key, x => x.MaxPoints);
        c.ApproveClosure(Ctx(Officer, At(2026, 5, 9)), full, null);
        Assert.Equal(100, c.LegalAid!.FinalQualityScore);

        var review = new QualityReview(c, "2026-05", "管理人员", At(2026, 6, 1));
        var points = new Dictionary<string, int>(full) { ["documents"] = 15, ["filing"] = 4 };
        var score = review.Record(QualityStandard.Default, points, "文书不规范", "第三方评查", At(2026, 6, 2));
        Assert.Equal(79, score);
        c.RecordQualityReview(Ctx(Manager, At(2026, 6, 2)), score, Rules.ReviewWeight, Rules.ReviewWeightSource);
        Assert.Equal(100, c.LegalAid.QualityScore);
        Assert.Equal(79, c.LegalAid.ReviewScore);
        Assert.Equal(90, c.LegalAid.FinalQualityScore);
        Assert.Throws<FollowUpStateException>(() => review.Record(QualityStandard.Default, points, null, "第三方评查", At(2026, 6, 3)));
    }
}
