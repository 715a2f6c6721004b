using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Cases;

public sealed class LegalAidRulesTests
{
    [Theory]
    [InlineData("2026-03-02", true)] // the deadline is today
    [InlineData("2026-03-08", true)] // 6 days left
    [InlineData("2026-03-09", false)] // 7 days left: not "under seven"
    [InlineData("2026-03-01", false)] // already past
    public void IsUrgent_DaysBeforeLimitation_UnderSevenCalendarDays(string limitation, bool expected) =>
        Assert.Equal(expected, LegalAidRules.IsUrgent(DateOnly.Parse(limitation), new DateOnly(2026, 3, 2)));

    [Fact]
    public void IsUrgent_NoLimitationDate_False() => Assert.False(LegalAidRules.IsUrgent(null, new DateOnly(2026, 3, 2)));

    [Fact]
    public void IsUrgent_HolidayInBetween_StillCalendarDays() =>
        // 2026-09-30 → 10-06 is 6 calendar days although it is all National Day holiday.
        Assert.True(LegalAidRules.IsUrgent(new DateOnly(2026, 10, 6), new DateOnly(2026, 9, 30)));

    [Theory]
    [InlineData(LegalAidMatter.AbuseVictim, SpecialGroups.None, false, MeansTest.NotRequired)]
    [InlineData(LegalAidMatter.GoodSamaritan, SpecialGroups.None, false, MeansTest.NotRequired)]
    [InlineData(LegalAidMatter.CriminalDefenceNotice, SpecialGroups.None, false, MeansTest.NotRequired)]
    [InlineData(LegalAidMatter.Maintenance, SpecialGroups.SocialAssistance, false, MeansTest.Exempt)]
    [InlineData(LegalAidMatter.WorkInjury, SpecialGroups.MigrantWorker, false, MeansTest.Exempt)]
    [InlineData(LegalAidMatter.LabourRelation, SpecialGroups.MigrantWorker, false, MeansTest.Commitment)]
    [InlineData(LegalAidMatter.Maintenance, SpecialGroups.Elderly, true, MeansTest.Exempt)]
    [InlineData(LegalAidMatter.Maintenance, SpecialGroups.Elderly, false, MeansTest.Commitment)]
    [InlineData(LegalAidMatter.CriminalDefenceApplication, SpecialGroups.Women, false, MeansTest.Commitment)]
    public void MeansTestFor_MatterAndGroups_Articles32Then42Then41(LegalAidMatter matter, SpecialGroups groups, bool noIncome, MeansTest expected) =>
        Assert.Equal(expected, LegalAidRules.MeansTestFor(matter, groups, noIncome).Test);

    [Fact]
    public void QualifiesForGreenChannel_OnlyMigrantWorkerWageClaims()
    {
        var p = GreenChannelPolicy.Default;
        Assert.True(LegalAidRules.QualifiesForGreenChannel(p, LegalAidMatter.LabourRemuneration, SpecialGroups.MigrantWorker | SpecialGroups.Women));
        Assert.False(LegalAidRules.QualifiesForGreenChannel(p, LegalAidMatter.LabourRemuneration, SpecialGroups.Women));
        Assert.False(LegalAidRules.QualifiesForGreenChannel(p, LegalAidMatter.WorkInjury, SpecialGroups.MigrantWorker));
        Assert.False(LegalAidRules.QualifiesForGreenChannel(p with { Enabled = false }, LegalAidMatter.LabourRemuneration, SpecialGroups.MigrantWorker));
    }

    [Theory]
    [InlineData(LegalAidMatter.CriminalVictimAgent, LegalAidCategory.Criminal)]
    [InlineData(LegalAidMatter.StateCompensation, LegalAidCategory.Administrative)]
    [InlineData(LegalAidMatter.Maintenance, LegalAidCategory.Civil)]
    public void Category_Matter_ForSubsidy(LegalAidMatter matter, LegalAidCategory expected) => Assert.Equal(expected, matter.Category());

    [Fact]
    public void Matters_EveryOne_HasNameAndBasis()
    {
        foreach (var m in Enum.GetValues<LegalAidMatter>())
        {
            Assert.NotEqual(m.ToString(), m.DisplayName());
            Assert.StartsWith("《法律援助法》", m.LegalBasis(), StringComparison.Ordinal);
        }
    }
}

public sealed class StandardsTests
{
    [Fact]
    public void QualityStandard_Default_ValidAndAddsUpTo100()
    {
        Assert.Empty(QualityStandard.Default.Validate());
        Assert.Equal(100, QualityStandard.Default.Score(QualityStandard.Default.Criteria.ToDictionary(c => c.Key, c => c.MaxPoints)));
    }

    [Fact]
    public void QualityStandard_NotHundred_Reported()
    {
        var s = new QualityStandard([new("a", "甲", 50), new("b", "乙", 40)], "测试");
        Assert.Contains(s.Validate(), p => p.Contains("100", StringComparison.Ordinal));
    }

    [Fact]
    public void QualityStandard_PointsAboveMax_FieldError()
    {
        var points = QualityStandard.Default.Criteria.ToDictionary(c => c.Key, c => c.MaxPoints);
        points["filing"] = 11;
        Assert.Equal("scores.filing", Assert.Throws<CaseFieldException>(() => QualityStandard.Default.Score(points)).Field);
    }

    [Fact]
    public void QualityStandard_UnknownCriterion_FieldError()
    {
        var points = QualityStandard.Default.Criteria.ToDictionary(c => c.Key, c => c.MaxPoints);
        points["speed"] = 1;
        Assert.Equal("scores", Assert.Throws<CaseFieldException>(() => QualityStandard.Default.Score(points)).Field);
    }

    [Fact]
    public void SubsidyStandard_CategoryStageOutcome_Computed()
    {
        var s = SubsidyStandard.Default;
        Assert.Empty(s.Validate());
        Assert.Equal(2000m, s.Compute(LegalAidCategory.Criminal, LegalAidStage.FirstInstance, ClosureOutcome.Lost));
        Assert.Equal(600m, s.Compute(LegalAidCategory.Criminal, LegalAidStage.Prosecution, ClosureOutcome.Terminated));
        Assert.Throws<CaseFieldException>(() => s.Compute(LegalAidCategory.Civil, LegalAidStage.Investigation, ClosureOutcome.Won));
    }

    [Fact]
    public void SubsidyStandard_DuplicateRate_Reported()
    {
        var s = SubsidyStandard.Default with { Rates = [.. SubsidyStandard.Default.Rates, new(LegalAidCategory.Civil, LegalAidStage.FirstInstance, 1m)] };
        Assert.NotEmpty(s.Validate());
    }
}

public sealed class ConflictCheckTests
{
    private static PartyKey P(string name, string? id = null) => new(name, id, null, false);

    private static PartyKey O(string name, string? code = null) => new(name, null, code, true);

    [Fact]
    public void Find_SameIdIndex_Definite()
    {
        var hits = ConflictCheck.Find([P("王五", "idx1")], [new PriorClient("FY-2025-000001", P("王伍", "idx1"), false)]);
        Assert.Equal(ConflictStrength.Definite, Assert.Single(hits).Strength);
    }

    [Fact]
    public void Find_SameNameDifferentIds_NoConflict() =>
        Assert.Empty(ConflictCheck.Find([P("王五", "idx1")], [new PriorClient("FY-2025-000001", P("王五", "idx2"), false)]));

    [Fact]
    public void Find_SameNameNoId_Possible()
    {
        var hit = Assert.Single(ConflictCheck.Find([P("王五")], [new PriorClient("FY-2025-000001", P("王五", "idx2"), true)]));
        Assert.Equal(ConflictStrength.Possible, hit.Strength);
        Assert.Contains("律所", hit.Reason);
    }

    [Fact]
    public void Find_OrganisationSameCreditCode_Definite() =>
        Assert.Equal(ConflictStrength.Definite,
            Assert.Single(ConflictCheck.Find([O("某建筑公司", "91510100MA6C000001")], [new PriorClient("FY-1", O("某某建筑有限公司", "91510100MA6C000001"), false)])).Strength);

    [Fact]
    public void Find_OrganisationNameWithLegalForm_Possible() =>
        Assert.Equal(ConflictStrength.Possible,
            Assert.Single(ConflictCheck.Find([O("成都示范建筑工程有限公司")], [new PriorClient("FY-1", O("成都示范建筑工程（有限公司）"), false)])).Strength);

    [Fact]
    public void Find_PersonVersusOrganisation_NoConflict() =>
        Assert.Empty(ConflictCheck.Find([P("示范建筑")], [new PriorClient("FY-1", O("示范建筑"), false)]));

    [Theory]
    [InlineData("欧阳明华", "欧阳明化", true)] // one character apart, four characters
    [InlineData("张三", "张四", false)] // two-character names: too common to guess
    [InlineData("买买提·艾力", "买买提•艾力", true)] // middle-dot variants
    [InlineData("李四", "李四", true)]
    public void NamesMatch_Persons(string a, string b, bool expected) => Assert.Equal(expected, ConflictCheck.NamesMatch(a, b, organisation: false));

    [Theory]
    [InlineData("示范科技有限公司", "示范科技", true)]
    [InlineData("成都示范科技有限公司", "示范科技有限责任公司", true)] // containment after dropping the legal form
    [InlineData("示范", "示范大学", false)] // too short to contain safely
    public void NamesMatch_Organisations(string a, string b, bool expected) => Assert.Equal(expected, ConflictCheck.NamesMatch(a, b, organisation: true));

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", true)]
    [InlineData("abc", "abcd", true)]
    [InlineData("abc", "ab", true)]
    [InlineData("abc", "bca", false)]
    [InlineData("abc", "abcde", false)]
    public void EditDistanceAtMostOne_Pairs(string a, string b, bool expected) => Assert.Equal(expected, ConflictCheck.EditDistanceAtMostOne(a, b));
}

public sealed class AssignmentPickerTests
{
    private static readonly AssignmentCandidate A = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"), "甲", 3);
    private static readonly AssignmentCandidate B = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"), "乙", 1);
    private static readonly AssignmentCandidate C = new(Guid.Parse("00000000-0000-0000-0000-00000000000c"), "丙", 1);

    [Fact]
    public void RoundRobin_TakesTurnsAndWraps()
    {
        Assert.Equal(A, AssignmentPicker.RoundRobin([C, A, B], null));
        Assert.Equal(B, AssignmentPicker.RoundRobin([C, A, B], A.UserId));
        Assert.Equal(C, AssignmentPicker.RoundRobin([C, A, B], B.UserId));
        Assert.Equal(A, AssignmentPicker.RoundRobin([C, A, B], C.UserId));
    }

    [Fact]
    public void RoundRobin_LastNoLongerEligible_NextInOrder() =>
        Assert.Equal(C, AssignmentPicker.RoundRobin([A, C], B.UserId));

    [Fact]
    public void ByTurn_TurnsGoInIdOrderAndWrap() =>
        Assert.Equal([A, B, C, A, B], Enumerable.Range(1, 5).Select(t => AssignmentPicker.ByTurn([C, A, B], t)));

    [Fact]
    public void LeastLoaded_FewestOpenCasesTieByLowerId() => Assert.Equal(B, AssignmentPicker.LeastLoaded([A, C, B]));

    [Fact]
    public void Pickers_NoCandidates_Null()
    {
        Assert.Null(AssignmentPicker.RoundRobin([], null));
        Assert.Null(AssignmentPicker.LeastLoaded([]));
        Assert.Null(AssignmentPicker.ByTurn([], 1));
    }
}

public sealed class CaseActionPolicyTests
{
    [Fact]
    public void AllowedFor_Administrator_Nothing()
    {
        var c = LegalAid(At(2026, 3, 2));
        Assert.Empty(CaseActionPolicy.AllowedFor(c, Auditor));
    }

    [Fact]
    public void AllowedFor_OfficerOnSubmittedLegalAid_DecisionsAndQueueActions()
    {
        var c = LegalAid(At(2026, 3, 2));
        Assert.Equal(
            [CaseActions.RequestMaterials, CaseActions.Grant, CaseActions.Refuse, CaseActions.GrantPriorAid, CaseActions.Withdraw, CaseActions.ReferOut, CaseActions.Assign, CaseActions.Claim, CaseActions.Transfer, CaseActions.Note],
            CaseActionPolicy.AllowedFor(c, Officer));
    }

    [Fact]
    public void AllowedFor_HotlineOnSubmittedLegalAid_NoDecision()
    {
        var c = LegalAid(At(2026, 3, 2));
        var allowed = CaseActionPolicy.AllowedFor(c, Hotline);
        Assert.DoesNotContain(CaseActions.Grant, allowed);
        Assert.DoesNotContain(CaseActions.Claim, allowed);
        Assert.Contains(CaseActions.Note, allowed);
    }

    [Fact]
    public void AllowedFor_ObjectionPending_OnlyManagerDecides()
    {
        var c = LegalAid(At(2026, 3, 2), Application(new DateOnly(2026, 3, 2), LegalAidMatter.Maintenance));
        c.Refuse(Ctx(Officer, At(2026, 3, 3)), "不符合条件");
        Assert.Equal([CaseActions.RaiseObjection, CaseActions.Close, CaseActions.Note], CaseActionPolicy.AllowedFor(c, Officer));
        Assert.Equal([CaseActions.RaiseObjection], CaseActionPolicy.AllowedFor(c, CitizenActor));
        c.RaiseObjection(Ctx(CitizenActor, At(2026, 3, 4)), new DateOnly(2026, 3, 4), "不服");
        Assert.DoesNotContain(CaseActions.UpholdRefusal, CaseActionPolicy.AllowedFor(c, Officer));
        Assert.Contains(CaseActions.UpholdRefusal, CaseActionPolicy.AllowedFor(c, Manager));
        Assert.Contains(CaseActions.OrderCorrection, CaseActionPolicy.AllowedFor(c, Manager));
    }

    [Fact]
    public void AllowedFor_AssignedLawyer_SubmitsOwnCaseOnly()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        c.AssignLawyer(Ctx(Officer, At(2026, 3, 4)), Choice());
        Assert.Equal([CaseActions.SubmitClosure, CaseActions.Note], CaseActionPolicy.AllowedFor(c, LawyerActor));
        var otherLawyer = CaseActor.Staff(Guid.NewGuid(), "别的律师", CentreId, Roles.Lawyer);
        Assert.Empty(CaseActionPolicy.AllowedFor(c, otherLawyer));
    }

    [Fact]
    public void AllowedFor_Citizen_OnlyWithdrawOnSubmitted() =>
        Assert.Equal([CaseActions.Withdraw], CaseActionPolicy.AllowedFor(LegalAid(At(2026, 3, 2)), CitizenActor));

    [Fact]
    public void AllowedFor_CitizenAwaitingMaterials_SupplementOrWithdraw()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.RequestMaterials(Ctx(Officer, At(2026, 3, 3)), "收入证明");
        Assert.Equal([CaseActions.Supplement, CaseActions.Withdraw], CaseActionPolicy.AllowedFor(c, CitizenActor).Order());
        c.Supplement(Ctx(CitizenActor, At(2026, 3, 4)), "已上传收入证明");
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal([CaseActions.Withdraw], CaseActionPolicy.AllowedFor(c, CitizenActor));
        Assert.Empty(CaseActionPolicy.AllowedFor(Consultation(At(2026, 3, 2)), CitizenActor));
    }

    [Fact]
    public void AllowedFor_StreetStaffOnCentreConsultation_NoAnswerButNote()
    {
        var c = Consultation(At(2026, 3, 2));
        Assert.Equal([CaseActions.Note], CaseActionPolicy.AllowedFor(c, StreetStaff));
        Assert.Contains(CaseActions.Answer, CaseActionPolicy.AllowedFor(c, Hotline));
    }
}
