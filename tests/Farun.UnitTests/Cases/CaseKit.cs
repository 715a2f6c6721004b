using Farun.Common.Calendar;
using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Identity;
using Farun.Features.Lawyers;
using Farun.Features.LegalAid;
using Farun.Features.Persons;

namespace Farun.UnitTests.Cases;

/// <summary>Actors, contexts and cases for the state-machine tests; no database.</summary>
internal static class CaseKit
{
    public static readonly Guid CentreId = Guid.Parse("00000000-0000-0000-0000-0000000000c0");
    public static readonly Guid StreetId = Guid.Parse("00000000-0000-0000-0000-000000000051");
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static readonly CaseActor Hotline = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000001"), "热线坐席", CentreId, Roles.HotlineAgent);
    public static readonly CaseActor Officer = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000002"), "法援人员", CentreId, Roles.LegalAidOfficer);
    public static readonly CaseActor Manager = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000003"), "管理人员", CentreId, Roles.Manager);
    public static readonly CaseActor StreetStaff = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000004"), "窗口人员", StreetId, Roles.Staff);
    public static readonly CaseActor LawyerActor = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000005"), "律师", CentreId, Roles.Lawyer);
    public static readonly CaseActor Auditor = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000006"), "审计员", CentreId, Roles.AuditAdmin);
    public static readonly CaseActor CitizenActor = CaseActor.Citizen(Guid.Parse("00000000-0000-0000-0000-000000000007"), "市民");

    public static DateTimeOffset At(int y, int m, int d, int hour = 10) => new(y, m, d, hour, 0, 0, Beijing);

    public static CaseContext Ctx(CaseActor actor, DateTimeOffset now, CaseRules? rules = null) =>
        new(actor, now, WorkingDayCalendar.China, rules ?? CaseRules.Default);

    private static long _seq;

    public static string Number(CaseType type) => CaseNumbers.Format(type, 2026, Interlocked.Increment(ref _seq));

    public static Person Person(string name = "张三", SpecialGroups groups = SpecialGroups.None)
    {
        var p = new Person(name, At(2026, 3, 2), Hotline.UserId, CentreId) { Groups = groups };
        return p;
    }

    public static Case Consultation(DateTimeOffset now, bool answered = false, CaseActor? actor = null)
    {
        var answer = answered ? new ConsultationAnswer("可申请劳动仲裁。", [], 12) : null;
        var c = Case.OpenConsultation(Ctx(actor ?? Hotline, now), Number(CaseType.Consultation), CaseChannel.Hotline12348, CentreId,
            new ConsultationIntake("公司拖欠三个月工资怎么办？", LegalDomain.Labour, answer));
        c.AddParty(PartyRole.Applicant, Person());
        return c;
    }

    public static LegalAidApplication Application(DateOnly received, LegalAidMatter matter = LegalAidMatter.LabourRemuneration,
        SpecialGroups groups = SpecialGroups.None, DateOnly? limitation = null, bool commitment = true, LegalAidNotice? notice = null) =>
        new(matter, "申请人在某建筑工地务工，被拖欠工资两万元。", received, commitment, false, limitation, notice, groups);

    public static Case LegalAid(DateTimeOffset now, LegalAidApplication? application = null, CaseRules? rules = null)
    {
        var c = Case.OpenLegalAid(Ctx(Officer, now, rules), Number(CaseType.LegalAid), CaseChannel.WalkIn, CentreId,
            application ?? Application(DateOnly.FromDateTime(now.DateTime)));
        c.AddParty(PartyRole.Applicant, Person());
        return c;
    }

    public static readonly LawFirm Firm = new("示范律师事务所", UnifiedSocialCreditCode.Parse(CreditCode("31510000", "MD0000001")), At(2020, 1, 1));

    public static Lawyer NewLawyer(string name = "李律师", int since = 2015) =>
        new(name, "15101201510000001", Firm, since, [LegalDomain.Labour], At(2020, 1, 1)) { UserId = LawyerActor.UserId };

    public static LawyerChoice Choice(Lawyer? lawyer = null, IReadOnlyList<ConflictHit>? conflicts = null, string? overrideReason = null) =>
        new(lawyer ?? NewLawyer(), Firm, conflicts ?? [], overrideReason);

    /// <summary>A valid credit code: 8 characters of authority, type and region, a 9-character organisation code, the check character.</summary>
    public static string CreditCode(string head8, string org9)
    {
        var first17 = head8 + org9;
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    /// <summary>A valid resident ID number for the given birth date and sequence.</summary>
    public static string IdNumber(string region = "510104", string birth = "19900101", string seq = "123")
    {
        var first17 = region + birth + seq;
        return first17 + ChineseIdCard.ComputeCheckCharacter(first17);
    }

    public static PersonalDataOptions KeyOptions(string keyId = "k1") => new()
    {
        ActiveKeyId = keyId,
        Keys = new Dictionary<string, string> { [keyId] = PersonalDataKeyGenerator.NewKey() },
        BlindIndexKey = PersonalDataKeyGenerator.NewKey(),
    };
}
