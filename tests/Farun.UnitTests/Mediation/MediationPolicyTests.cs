using Farun.Features.Cases;
using Farun.Features.Identity;
using static Farun.UnitTests.Cases.CaseKit;
using static Farun.UnitTests.Mediation.MediationKit;

namespace Farun.UnitTests.Mediation;

public sealed class MediationPolicyTests
{
    [Fact]
    public void AllowedFor_MediatorAtServicePoint_MayAssignMediator()
    {
        var c = Open(At(2026, 3, 2));
        Assert.Contains(ServiceActions.AssignMediator, CaseActionPolicy.AllowedFor(c, MediatorActor));
    }

    [Fact]
    public void AllowedFor_MediatorElsewhere_NothingButNote()
    {
        var c = Open(At(2026, 3, 2));
        Assert.Equal(["note"], CaseActionPolicy.AllowedFor(c, OtherMediator));
    }

    [Fact]
    public void AllowedFor_LegalAidOfficer_NoMediationAction()
    {
        var c = Mediating(At(2026, 3, 2));
        var allowed = CaseActionPolicy.AllowedFor(c, Officer);
        Assert.DoesNotContain(allowed, ServiceActions.Mediation.Contains);
    }

    [Fact]
    public void AllowedFor_StationedLawyerAccount_WorksItsPoliceReferral()
    {
        var lawyer = Stationed();
        var c = Open(At(2026, 3, 2), Intake(Farun.Features.Mediation.MediationSource.PoliceReferral,
            new Farun.Features.Mediation.PoliceReferral("南湖派出所", "刘警官", "JQ1", lawyer)), CaseChannel.PoliceReferral);
        var actor = CaseActor.Staff(StationedUser, "吴律师", CentreId, Roles.Lawyer);
        var allowed = CaseActionPolicy.AllowedFor(c, actor);
        Assert.Contains(ServiceActions.RecordSession, allowed);
        Assert.Contains(ServiceActions.PartyRefuses, allowed);
        Assert.DoesNotContain(ServiceActions.ReassignMediator, CaseActionPolicy.AllowedFor(c, CaseActor.Staff(Guid.NewGuid(), "其他律师", CentreId, Roles.Lawyer)));
    }

    [Fact]
    public void AllowedFor_AdministratorOrCitizen_Nothing()
    {
        var c = Mediating(At(2026, 3, 2));
        Assert.Empty(CaseActionPolicy.AllowedFor(c, Auditor));
        Assert.Empty(CaseActionPolicy.AllowedFor(c, CitizenActor));
    }

    [Fact]
    public void AllowedFor_Manager_AllMediationActionsOfTheState()
    {
        var c = Mediating(At(2026, 3, 2));
        var allowed = CaseActionPolicy.AllowedFor(c, Manager);
        Assert.Equal(c.AvailableActions(), allowed);
    }
}
