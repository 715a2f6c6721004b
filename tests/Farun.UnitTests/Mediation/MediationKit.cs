using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Features.Mediation;
using Farun.Features.Services;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Mediation;

/// <summary>Committees, mediators and mediation cases for the state-machine tests; no database.</summary>
internal static class MediationKit
{
    public static readonly CaseActor MediatorActor = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000011"), "调解员", StreetId, Roles.Mediator);
    public static readonly CaseActor OtherMediator = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000012"), "他处调解员", CentreId, Roles.Mediator);
    public static readonly Guid StationedUser = Guid.Parse("00000000-0000-0000-0000-000000000013");

    public static readonly MediationCommittee Committee = new("东城街道人民调解委员会", CommitteeKind.Street, StreetId, At(2025, 1, 1));
    public static readonly MediationCommittee OtherCommittee = new("西城街道人民调解委员会", CommitteeKind.Street, CentreId, At(2025, 1, 1));

    public static Mediator NewMediator(MediationCommittee? committee = null, Guid? userId = null) =>
        new("王调解", committee ?? Committee, false, null, [DisputeType.Neighbourhood], At(2025, 1, 1)) { UserId = userId ?? MediatorActor.UserId };

    public static Mediator Stationed() =>
        new("吴律师", Committee, true, "南湖派出所", [DisputeType.Damages], At(2025, 1, 1)) { UserId = StationedUser };

    public static MediationIntake Intake(MediationSource source = MediationSource.PartyApplication, PoliceReferral? police = null, decimal? amount = 5000m, string? referringBody = null) =>
        new(source, DisputeType.Neighbourhood, "楼上漏水造成楼下装修损坏，双方就赔偿数额争执不下。", amount, Committee, police, referringBody, referringBody is null ? null : "（2026）示0101诉前调1号");

    public static Case Open(DateTimeOffset now, MediationIntake? intake = null, CaseChannel channel = CaseChannel.WalkIn, ServiceRules? rules = null)
    {
        var c = Case.OpenMediation(Ctx(MediatorActor, now), Number(CaseType.Mediation), channel, StreetId, intake ?? Intake(), rules ?? ServiceRules.Default);
        c.AddParty(PartyRole.Applicant, Person("张三"));
        c.AddParty(PartyRole.OpposingParty, Person("李四"));
        return c;
    }

    public static SessionRecord Session(DateTimeOffset at, SessionMode mode = SessionMode.InPerson) =>
        new(at, mode, mode == SessionMode.InPerson ? "东城街道调解室" : null, "张三、李四、调解员王调解", "双方陈述事实，调解员释明相邻关系规定。");

    public static WrittenAgreement Agreement(DateOnly signed, DateOnly? due = null) =>
        new("2026年3月楼上水管破裂漏水，致楼下天花板受损；双方对赔偿数额有争议；楼上住户负主要责任。", "李四赔偿张三维修费用人民币5000元。", "银行转账", due ?? signed.AddDays(10), signed);

    /// <summary>A case in Mediating with one session.</summary>
    public static Case Mediating(DateTimeOffset now)
    {
        var c = Open(now);
        c.AssignMediator(Ctx(MediatorActor, now), NewMediator(), Committee.Id, null);
        c.RecordSession(Ctx(MediatorActor, now), Session(now));
        return c;
    }
}
