using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Identity;
using Farun.Features.Notarization;
using Farun.Features.Services;
using static Farun.UnitTests.Cases.CaseKit;

namespace Farun.UnitTests.Notarization;

public sealed class NotarizationWorkflowTests
{
    private static readonly CaseActor Notary = CaseActor.Staff(Guid.Parse("00000000-0000-0000-0000-000000000021"), "公证员", CentreId, Roles.Notary);

    private static Case Open(DateTimeOffset now, string matter = "education", string? materials = "毕业证书扫描件", bool legalAid = false) =>
        Case.OpenNotarization(Ctx(CitizenActor, now), Number(CaseType.Notarization), CaseChannel.OnlinePortal, CentreId,
            new NotarizationIntake(NotaryCatalog.Find(matter)!, "出国留学", 2, materials, legalAid));

    [Fact]
    public void Catalogue_EveryMatter_HasMaterialsBasisAndFee()
    {
        Assert.Equal(13, NotaryCatalog.All.Count);
        Assert.All(NotaryCatalog.All, m =>
        {
            Assert.NotEmpty(m.Materials);
            Assert.Contains("《公证法》", m.LegalBasis);
            Assert.True(m.Fee > 0);
        });
        Assert.True(NotaryCatalog.Find("will")!.InPersonOnly);
        Assert.True(NotaryCatalog.Find("on-site-supervision")!.ScheduledEvent);
        Assert.Contains("第四十六条", NotaryCatalog.FeeSource);
    }

    [Fact]
    public void AcceptNotarization_FifteenWorkingDaysFromAcceptance()
    {
        var c = Open(At(2026, 9, 21));
        c.PreReviewPass(Ctx(Notary, At(2026, 9, 21)), null);
        c.AcceptNotarization(Ctx(Notary, At(2026, 9, 22)));
        var clock = c.RunningClock!;
        Assert.Equal(DeadlineKind.WorkingDays, clock.Kind);
        Assert.Equal(15, clock.Amount);
        Assert.Contains("第三十条", clock.LegalBasis);
        // From Tuesday 2026-09-22: the Mid-Autumn (09-25..27) and National Day (10-01..07) breaks are not counted.
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(new DateOnly(2026, 9, 22), 15), clock.Due);
        Assert.True(clock.Due > new DateOnly(2026, 10, 13));
        Assert.Equal(1, c.Notarization!.VisitCount);
    }

    [Fact]
    public void AcceptsApplicantDocuments_WhileMaterialsReviewed_NotAfterIssuanceOrRefusal()
    {
        var c = Open(At(2026, 3, 2));
        Assert.True(c.AcceptsApplicantDocuments);
        c.RequestNotaryMaterials(Ctx(Notary, At(2026, 3, 2)), "户口簿", ServiceRules.Default);
        Assert.True(c.AcceptsApplicantDocuments);
        c.MaterialsSupplied(Ctx(CitizenActor, At(2026, 3, 3)), null);
        c.PreReviewPass(Ctx(Notary, At(2026, 3, 3)), null);
        Assert.True(c.AcceptsApplicantDocuments);
        c.AcceptNotarization(Ctx(Notary, At(2026, 3, 4)));
        Assert.True(c.AcceptsApplicantDocuments);
        c.IssueCertificate(Ctx(Notary, At(2026, 3, 4)), "（2026）示证字第1号", 200m, CertificateDelivery.InPerson, true, 100m);
        Assert.False(c.AcceptsApplicantDocuments);

        var refused = Open(At(2026, 3, 2));
        refused.RefuseNotarization(Ctx(Notary, At(2026, 3, 2)), 6, "拒绝补充证明材料。");
        Assert.False(refused.AcceptsApplicantDocuments);

        // Every workflow names only open states; consultations and complaints take no documents from the applicant.
        foreach (var type in new[] { CaseType.Consultation, CaseType.LegalAid, CaseType.Mediation, CaseType.Notarization, CaseType.Complaint })
        {
            var wf = CaseWorkflow.For(type);
            Assert.All(wf.ApplicantDocumentStates, s => Assert.True(wf.Info(s).IsOpen));
        }

        Assert.Empty(CaseWorkflow.For(CaseType.Consultation).ApplicantDocumentStates);
        Assert.Empty(CaseWorkflow.For(CaseType.Complaint).ApplicantDocumentStates);
        Assert.Equal([CaseState.MediationRegistered, CaseState.Mediating], CaseWorkflow.For(CaseType.Mediation).ApplicantDocumentStates.Order());
        Assert.Equal(LegalAidWorkflow.Instance.States.Where(s => s.IsOpen).Select(s => s.State).Order(), LegalAidWorkflow.Instance.ApplicantDocumentStates.Order());
    }

    [Fact]
    public void PreReviewPass_NoMaterialsSubmitted_NotAllowed()
    {
        var c = Open(At(2026, 3, 2), materials: null);
        Assert.DoesNotContain(ServiceActions.PreReviewPass, c.AvailableActions());
        Assert.Contains(ServiceActions.AcceptNotarization, c.AvailableActions());
    }

    [Fact]
    public void SuspendAndResume_TimeNotCounted_RemainingDaysCarried()
    {
        var c = Open(At(2026, 3, 2));
        c.AcceptNotarization(Ctx(Notary, At(2026, 3, 2)));
        c.SuspendClock(Ctx(Notary, At(2026, 3, 4)), SuspensionReason.Verification, "函询学校核实学历。");
        Assert.Equal(CaseState.NotarySuspended, c.State);
        Assert.Equal(13, c.Notarization!.RemainingWorkingDays);
        Assert.Null(c.DueOn);
        c.ResumeClock(Ctx(Notary, At(2026, 3, 11)), "学校已回函。");
        Assert.Equal(CaseState.NotaryUnderReview, c.State);
        Assert.Equal(WorkingDayCalendar.China.AddWorkingDays(new DateOnly(2026, 3, 11), 13), c.DueOn);
        Assert.Equal(5, c.Notarization.SuspendedWorkingDays);
        Assert.Contains("剩余13个工作日", c.RunningClock!.LegalBasis);
    }

    [Fact]
    public void IssueCertificate_SameVisit_OneVisitAndStandardFee()
    {
        var c = Open(At(2026, 3, 2));
        c.PreReviewPass(Ctx(Notary, At(2026, 3, 2)), null);
        c.AcceptNotarization(Ctx(Notary, At(2026, 3, 3)));
        c.IssueCertificate(Ctx(Notary, At(2026, 3, 3)), "（2026）示证字第1号", 200m, CertificateDelivery.InPerson, sameVisit: true, standardFee: 100m);
        Assert.Equal(CaseState.NotaryIssued, c.State);
        Assert.Equal(1, c.Notarization!.VisitCount);
        Assert.True(c.Clocks.Single(k => k.Purpose == ClockPurpose.NotarizationIssue).MetOnTime);
    }

    [Fact]
    public void IssueCertificate_AboveStandard_FieldErrorCitingArticle13()
    {
        var c = Open(At(2026, 3, 2));
        c.AcceptNotarization(Ctx(Notary, At(2026, 3, 3)));
        var e = Assert.Throws<CaseFieldException>(() => c.IssueCertificate(Ctx(Notary, At(2026, 3, 3)), "N1", 500m, CertificateDelivery.Mail, false, 100m));
        Assert.Equal("fee", e.Field);
        Assert.Contains("第十三条", e.Message);
    }

    [Fact]
    public void IssueCertificate_ReducedFeeWithoutLegalAid_FieldError_WithLegalAid_BasisArticle34()
    {
        var c = Open(At(2026, 3, 2));
        c.AcceptNotarization(Ctx(Notary, At(2026, 3, 3)));
        Assert.Throws<CaseFieldException>(() => c.IssueCertificate(Ctx(Notary, At(2026, 3, 3)), "N1", 0m, CertificateDelivery.Mail, false, 100m));
        var aided = Open(At(2026, 3, 2), legalAid: true);
        aided.AcceptNotarization(Ctx(Notary, At(2026, 3, 3)));
        aided.IssueCertificate(Ctx(Notary, At(2026, 3, 3)), "N2", 0m, CertificateDelivery.Mail, false, 100m);
        Assert.Contains("第三十四条第二款", aided.Notarization!.FeeBasis);
    }

    [Fact]
    public void RecordVisitThenCollect_TwoExtraVisits_NotOneVisit()
    {
        var c = Open(At(2026, 3, 2));
        c.AcceptNotarization(Ctx(Notary, At(2026, 3, 2)));
        c.RecordVisit(Ctx(Notary, At(2026, 3, 5)), "补交原件");
        c.IssueCertificate(Ctx(Notary, At(2026, 3, 9)), "N3", 200m, CertificateDelivery.InPerson, sameVisit: false, standardFee: 100m);
        Assert.Equal(3, c.Notarization!.VisitCount);
    }

    [Fact]
    public void RefuseNotarization_GroundOutOfRange_FieldError_ValidGroundCitesArticle31()
    {
        var c = Open(At(2026, 3, 2));
        Assert.Equal("ground", Assert.Throws<CaseFieldException>(() => c.RefuseNotarization(Ctx(Notary, At(2026, 3, 2)), 10, "x")).Field);
        c.RefuseNotarization(Ctx(Notary, At(2026, 3, 2)), 5, "学历证书系伪造。");
        Assert.Equal(CaseState.NotaryRefused, c.State);
        Assert.Contains("第三十一条第5项", c.Notarization!.RefusalGround);
    }

    [Fact]
    public void RequestNotaryMaterials_ConfiguredPeriodThenSupplied()
    {
        var c = Open(At(2026, 3, 2));
        c.RequestNotaryMaterials(Ctx(Notary, At(2026, 3, 2)), "学位证书原件扫描件", ServiceRules.Default);
        Assert.Equal(CaseState.NotaryMaterialsRequested, c.State);
        Assert.Equal(ClockPurpose.NotaryMaterials, c.RunningClock!.Purpose);
        c.MaterialsSupplied(Ctx(CitizenActor, At(2026, 3, 4)), null);
        Assert.Equal(CaseState.NotaryApplied, c.State);
    }

    [Fact]
    public void Policy_CitizenOnNotarization_MayReportMaterialsSuppliedOnlyWhenAskedFor()
    {
        var c = Open(At(2026, 3, 2));
        Assert.Empty(CaseActionPolicy.AllowedFor(c, CitizenActor));
        c.RequestNotaryMaterials(Ctx(Notary, At(2026, 3, 2)), "户口簿", ServiceRules.Default);
        Assert.Equal([ServiceActions.MaterialsSupplied], CaseActionPolicy.AllowedFor(c, CitizenActor));
        Assert.False(CaseActionPolicy.IsPermitted(c, ServiceActions.RefuseNotarization, CitizenActor));
        c.MaterialsSupplied(Ctx(CitizenActor, At(2026, 3, 3)), null);
        Assert.Empty(CaseActionPolicy.AllowedFor(c, CitizenActor));
    }

    [Fact]
    public void Policy_NotaryAtOffice_MayAccept_LegalAidOfficerMayNot()
    {
        var c = Open(At(2026, 3, 2));
        Assert.Contains(ServiceActions.AcceptNotarization, CaseActionPolicy.AllowedFor(c, Notary));
        Assert.DoesNotContain(ServiceActions.AcceptNotarization, CaseActionPolicy.AllowedFor(c, Officer));
        Assert.Empty(CaseActionPolicy.AllowedFor(c, CitizenActor));
    }
}
