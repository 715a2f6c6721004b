using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Features.Cases;
using Farun.Features.Persons;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Cases;

public sealed class SharedActionsTests
{
    [Fact]
    public void Assign_ThenClaim_NotAllowed()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Assign(Ctx(Manager, At(2026, 3, 2)), Officer.UserId!.Value, Officer.Name, "按最少在办分派");
        Assert.Equal(Officer.UserId, c.AssigneeId);
        var e = Assert.Throws<CaseRuleException>(() => c.Claim(Ctx(Officer, At(2026, 3, 2))));
        Assert.Contains(CaseActions.Reassign, e.AllowedActions);
        Assert.DoesNotContain(CaseActions.Claim, e.AllowedActions);
    }

    [Fact]
    public void RecordAttachment_OpenCase_TimelineEntry_DecidedCase_RuleError()
    {
        var c = LegalAid(At(2026, 3, 2));
        var version = c.Version;
        var e = c.RecordAttachment(Ctx(Officer, At(2026, 3, 2)), " 收入证明.pdf ");
        Assert.Equal(CaseEventKind.Attachment, e.Kind);
        Assert.Contains("收入证明.pdf", e.Text, StringComparison.Ordinal);
        Assert.Equal(version + 1, c.Version);

        c.Refuse(Ctx(Officer, At(2026, 3, 3)), "收入高于标准。");
        Assert.Throws<CaseRuleException>(() => c.RecordAttachment(Ctx(Officer, At(2026, 3, 4)), "补充.pdf"));
        Assert.Equal("file", Assert.Throws<CaseFieldException>(() => LegalAid(At(2026, 3, 2)).RecordAttachment(Ctx(Officer, At(2026, 3, 2)), " ")).Field);
    }

    [Fact]
    public void Claim_Queue_ActorBecomesAssignee()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Claim(Ctx(Officer, At(2026, 3, 2)));
        Assert.Equal((Officer.UserId, Officer.Name), (c.AssigneeId, c.AssigneeName));
        Assert.Contains(c.Events, e => e.Kind == CaseEventKind.Assignment && e.Action == CaseActions.Claim);
    }

    [Fact]
    public void Reassign_WithoutReason_FieldError_WithReasonBackToQueue()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Claim(Ctx(Officer, At(2026, 3, 2)));
        Assert.Equal("reason", Assert.Throws<CaseFieldException>(() => c.Reassign(Ctx(Officer, At(2026, 3, 2)), null, null, " ")).Field);
        c.Reassign(Ctx(Officer, At(2026, 3, 3)), null, null, "休假");
        Assert.Null(c.AssigneeId);
        Assert.Contains(c.Events, e => e.Text!.Contains("休假", StringComparison.Ordinal));
    }

    [Fact]
    public void Reassign_ToSamePerson_FieldError()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Claim(Ctx(Officer, At(2026, 3, 2)));
        Assert.Equal("assigneeId", Assert.Throws<CaseFieldException>(() => c.Reassign(Ctx(Manager, At(2026, 3, 2)), Officer.UserId, Officer.Name, "x")).Field);
    }

    [Fact]
    public void Transfer_OtherServicePoint_ClearsAssigneeKeepsClock()
    {
        var c = LegalAid(At(2026, 3, 2));
        c.Claim(Ctx(Officer, At(2026, 3, 2)));
        var due = c.DueOn;
        c.Transfer(Ctx(Officer, At(2026, 3, 3)), StreetId, "东城街道公共法律服务工作站", "申请人住所地");
        Assert.Equal(StreetId, c.ServicePointId);
        Assert.Null(c.AssigneeId);
        Assert.Equal(due, c.DueOn);
        Assert.Equal("servicePointId", Assert.Throws<CaseFieldException>(() => c.Transfer(Ctx(Officer, At(2026, 3, 3)), StreetId, "同一站", "x")).Field);
    }

    [Fact]
    public void AddNote_ClosedCase_Allowed_BlankRejected()
    {
        var c = Consultation(At(2026, 3, 2));
        c.Close(Ctx(Hotline, At(2026, 3, 2)), "无需解答");
        c.AddNote(Ctx(Hotline, At(2026, 3, 3)), "<script>alert(1)</script>回访：已知悉");
        Assert.Equal("<script>alert(1)</script>回访：已知悉", c.Events[^1].Text);
        Assert.Equal("text", Assert.Throws<CaseFieldException>(() => c.AddNote(Ctx(Hotline, At(2026, 3, 3)), "")).Field);
    }

    [Fact]
    public void RecordReferralIn_PoliceStation_OnTimeline()
    {
        var c = Consultation(At(2026, 3, 2));
        var r = c.RecordReferralIn(Ctx(Hotline, At(2026, 3, 2)), ExternalBody.Police, "南湖派出所", "JQ20260302-17");
        Assert.Equal(ReferralDirection.In, r.Direction);
        Assert.Contains(c.Events, e => e.Kind == CaseEventKind.Referral && e.Text!.Contains("南湖派出所", StringComparison.Ordinal));
    }

    [Fact]
    public void Actions_EveryTransition_BumpsVersionAndRecordsEvent()
    {
        var c = LegalAid(At(2026, 3, 2));
        var v = c.Version;
        var events = c.Events.Count;
        c.Grant(Ctx(Officer, At(2026, 3, 3)), null);
        Assert.True(c.Version > v);
        Assert.True(c.Events.Count > events);
        Assert.All(c.Events, e => Assert.Equal(c.Id, e.CaseId));
    }

    [Fact]
    public void Numbers_Format_PrefixYearSequence()
    {
        Assert.Equal("ZX-2026-000001", CaseNumbers.Format(CaseType.Consultation, 2026, 1));
        Assert.Equal("FY-2026-1234567", CaseNumbers.Format(CaseType.LegalAid, 2026, 1234567));
        Assert.Equal("TJ-2027-000010", CaseNumbers.Format(CaseType.Mediation, 2027, 10));
    }

    [Fact]
    public void OpenCase_UnsupportedType_NotSupported() =>
        Assert.Throws<NotSupportedException>(() => CaseWorkflow.For((CaseType)99));
}

public sealed class PersonTests
{
    private static readonly PersonalDataOptions Keys = KeyOptions();
    private static readonly PersonalDataProtector Protector = new(Keys);
    private static readonly BlindIndex Index = new(Keys);

    [Fact]
    public void SetIdDocument_ResidentCard_EncryptedIndexedMaskedBirthAndGender()
    {
        var number = IdNumber(birth: "19850615", seq: "321");
        var p = Person("王芳");
        p.SetIdDocument(IdDocument.Validate(IdDocumentType.ResidentIdCard, number), Protector, Index);
        Assert.DoesNotContain(number, p.IdNumberCipher!, StringComparison.Ordinal);
        Assert.Equal(number, Protector.Decrypt(p.IdNumberCipher!));
        Assert.Equal(Index.Compute(BlindIndexKind.IdNumber, number.ToLowerInvariant()), p.IdNumberIndex);
        Assert.Equal(number[..4] + "**********" + number[^4..], p.IdNumberMasked);
        Assert.Equal(new DateOnly(1985, 6, 15), p.BirthDate);
        Assert.Equal(Gender.Male, p.Gender);
    }

    [Fact]
    public void SetPhone_Mobile_MaskedAndIndexedByCanonicalForm()
    {
        var p = Person();
        Assert.True(PhoneNumber.TryNormalize("+86 138-1234-5678", out var phone, out _));
        p.SetPhone(phone!, Protector, Index);
        Assert.Equal("138****5678", p.PhoneMasked);
        Assert.Equal(Index.Compute(BlindIndexKind.Phone, "13812345678"), p.PhoneIndex);
        Assert.Equal("13812345678", Protector.Decrypt(p.PhoneCipher!));
    }

    [Fact]
    public void AgeOn_BirthdayNotYetReached_OneLess()
    {
        var p = Person();
        p.SetBirthAndGender(new DateOnly(2010, 6, 1), Gender.Female);
        Assert.Equal(15, p.AgeOn(new DateOnly(2026, 5, 31)));
        Assert.Equal(16, p.AgeOn(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void SpecialGroups_DisplayName_CombinedInOrder() =>
        Assert.Equal("农民工、残疾人", (SpecialGroups.Disabled | SpecialGroups.MigrantWorker).DisplayName());

    [Theory]
    [InlineData("陈 静", "陈静")]
    [InlineData(" 陈静 ", "陈静")]
    [InlineData("John  Smith", "JOHN SMITH")]
    public void PersonNames_Key_ChineseSpacesDroppedLatinKept(string name, string key) => Assert.Equal(key, PersonNames.Key(name));

    [Theory]
    [InlineData("成都示范科技有限公司", "成都示范科技")]
    [InlineData("成都示范科技（有限公司）", "成都示范科技")]
    [InlineData("示范律师事务所", "示范")]
    public void OrganisationNames_Key_DropsLegalFormAndPunctuation(string name, string key) => Assert.Equal(key, OrganisationNames.Key(name));
}
