using Farun.Features.Cases;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using Farun.Web.Features.Guides.Apply;
using Farun.Web.Features.Guides.Engine;

namespace Farun.UnitTests.Guides;

public sealed class CaseSpineSinkTests
{
    private static GuideApplication Application(Dictionary<string, object?> fields) =>
        new(ApplicationKind.LegalAid, "wage-arrears", 1, "arbitration", "ABCD2345", fields, new ApplicantContact("张三", "13812345678", "110105198001011234"));

    [Theory]
    [InlineData("labour_remuneration", "migrant_worker", LegalAidMatter.LabourRemuneration)]
    [InlineData("labour_relation", "none", LegalAidMatter.LabourRelation)]
    [InlineData("work_injury", "none", LegalAidMatter.WorkInjury)]
    [InlineData("accident_injury", "none", LegalAidMatter.AccidentInjury)]
    [InlineData("support", "special_group", LegalAidMatter.Maintenance)]
    [InlineData("environment", "none", LegalAidMatter.EnvironmentalDamage)]
    [InlineData("criminal_defence", "none", LegalAidMatter.CriminalDefenceApplication)]
    [InlineData("criminal_victim", "none", LegalAidMatter.CriminalVictimAgent)]
    [InlineData("other", "abuse_victim", LegalAidMatter.AbuseVictim)]
    [InlineData("state_compensation", "retrial_acquittal", LegalAidMatter.RetrialAcquittalCompensation)]
    [InlineData("other", "hero", LegalAidMatter.MartyrRights)]
    [InlineData("other", "none", LegalAidMatter.OtherCivil)]
    public void Matter_GuideCodes_MapToTheSpinesMatters(string code, string exemption, LegalAidMatter expected) =>
        Assert.Equal(expected, CaseSpineApplicationSink.Matter(code, exemption));

    [Fact]
    public void Matter_EveryCodeOfTheForm_IsMapped()
    {
        foreach (var code in ApplicationForms.LegalAidMatters.Keys.Where(c => c != "other"))
            Assert.NotEqual(LegalAidMatter.OtherCivil, CaseSpineApplicationSink.Matter(code, "none"));
    }

    [Fact]
    public void ToCaseRequest_MigrantWageClaim_IsOnlineLegalAidWithGreenChannelGroupAndDeadline()
    {
        var r = CaseSpineApplicationSink.ToCaseRequest(Application(new Dictionary<string, object?>
        {
            ["matter"] = "labour_remuneration",
            ["means_test_exemption"] = "migrant_worker",
            ["summary"] = "老板欠了三个月工资。",
            ["amount"] = 20000m,
            ["deadline"] = new DateOnly(2027, 3, 15),
            ["urgent"] = false,
        }));
        Assert.Equal(CaseType.LegalAid, r.Type);
        Assert.Equal(CaseChannel.OnlinePortal, r.Channel);
        var person = r.Applicant!.Person!;
        Assert.Equal(("张三", "13812345678", "110105198001011234"), (person.Name, person.Phone, person.IdNumber));
        Assert.Equal([SpecialGroups.MigrantWorker], person.Groups);
        var aid = r.LegalAid!;
        Assert.Equal(LegalAidMatter.LabourRemuneration, aid.Matter);
        Assert.Equal(new DateOnly(2027, 3, 15), aid.LimitationDate);
        Assert.False(aid.HardshipCommitment);
        Assert.StartsWith("老板欠了三个月工资。\n", aid.Description, StringComparison.Ordinal);
        Assert.Contains("涉及金额：20,000元", aid.Description, StringComparison.Ordinal);
        Assert.Contains("办事指引“wage-arrears”第1版", aid.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCaseRequest_MeansTested_CarriesTheHardshipCommitment()
    {
        var r = CaseSpineApplicationSink.ToCaseRequest(Application(new Dictionary<string, object?>
        {
            ["matter"] = "support",
            ["means_test_exemption"] = "none",
            ["summary"] = "子女不给赡养费。",
            ["income_per_capita"] = 1800m,
        }));
        Assert.True(r.LegalAid!.HardshipCommitment);
        Assert.False(r.LegalAid.NoFixedIncome);
        Assert.Null(r.LegalAid.LimitationDate);
        Assert.Empty(r.Applicant!.Person!.Groups!);
    }
}
