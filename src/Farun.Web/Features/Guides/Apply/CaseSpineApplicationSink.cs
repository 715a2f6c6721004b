using System.Security.Claims;
using Farun.Common.Validation;
using Farun.Features.Cases;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Guides.Engine;
using Farun.Web.Features.Persons;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Guides.Apply;

/// <summary>
/// Lands a guide's application in the case spine: a legal-aid case from the online portal, opened by the signed-in
/// citizen through <see cref="CreateCase"/> (the same rules, validation, numbering, assignment and audit as the open
/// API). The spine takes online applications only from a citizen signed in by phone, with the applicant's phone equal
/// to the signed-in one and an ID number, so this sink accepts legal aid only where citizen sign-in exists (the
/// <see cref="CitizenPolicy"/> authorization policy). Mediation and notarization wait for their services on the spine.
/// </summary>
public sealed class CaseSpineApplicationSink(
    CreateCase.Handler cases, IValidator<CreateCase.Request> validator, IHttpContextAccessor http, IOptions<AuthorizationOptions> authorization)
    : IGuideApplicationSink
{
    /// <summary>The policy citizen sign-in (phone and one-time code) registers.</summary>
    public const string CitizenPolicy = "Citizen";

    /// <summary>Where a citizen follows their applications.</summary>
    public const string PortalUrl = "/citizen";

    public bool Accepts(ApplicationKind kind) => kind == ApplicationKind.LegalAid && authorization.Value.GetPolicy(CitizenPolicy) is not null;

    public async Task<GuideApplicationReceipt> SubmitAsync(GuideApplication application, CancellationToken ct)
    {
        if (!Accepts(application.Kind))
            throw new Common.ConflictException("这类申请暂未开通在线提交，请带上材料到办理地点申请。");
        var request = ToCaseRequest(application);
        await validator.ValidateAndThrowAsync(request, ct);
        var user = http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        var created = await cases.HandleAsync(request, user, ct);
        return new GuideApplicationReceipt(created.Case.Number, PortalUrl);
    }

    /// <summary>The open API's create-case request for a legal-aid application pre-filled by a guide.</summary>
    public static CreateCase.Request ToCaseRequest(GuideApplication a)
    {
        var exemption = a.Fields.GetValueOrDefault("means_test_exemption") as string ?? "none";
        var groups = exemption switch
        {
            "migrant_worker" => new[] { SpecialGroups.MigrantWorker },
            "assistance_recipient" => [SpecialGroups.SocialAssistance],
            _ => [],
        };
        var applicant = new CreateCase.PartyRequest(null, null,
            new PersonInput(a.Applicant.Name, IdDocumentType.ResidentIdCard, a.Applicant.IdNumber, a.Applicant.Phone, null, null, null, groups), null, null);
        var legalAid = new CreateCase.LegalAidRequest(
            Matter(a.Fields.GetValueOrDefault("matter") as string, exemption),
            Description(a),
            ReceivedOn: null,
            HardshipCommitment: exemption == "none",
            NoFixedIncome: exemption == "special_group",
            LimitationDate: a.Fields.GetValueOrDefault("deadline") as DateOnly?,
            Notice: null);
        return new CreateCase.Request(CaseType.LegalAid, CaseChannel.OnlinePortal, null, applicant, null, null, null, null, null, legalAid);
    }

    /// <summary>The spine's matter: the guide's 第三十一条 code, or the 第三十二条 situation when no means test applies.</summary>
    public static LegalAidMatter Matter(string? code, string exemption) => exemption switch
    {
        "hero" => LegalAidMatter.MartyrRights,
        "good_samaritan" => LegalAidMatter.GoodSamaritan,
        "retrial_acquittal" => LegalAidMatter.RetrialAcquittalCompensation,
        "abuse_victim" => LegalAidMatter.AbuseVictim,
        _ => code switch
        {
            "state_compensation" => LegalAidMatter.StateCompensation,
            "social_insurance" => LegalAidMatter.SocialInsuranceOrAssistance,
            "pension" => LegalAidMatter.Pension,
            "support" => LegalAidMatter.Maintenance,
            "labour_relation" => LegalAidMatter.LabourRelation,
            "labour_remuneration" => LegalAidMatter.LabourRemuneration,
            "capacity" => LegalAidMatter.CivilCapacity,
            "environment" => LegalAidMatter.EnvironmentalDamage,
            "work_injury" => LegalAidMatter.WorkInjury,
            "accident_injury" => LegalAidMatter.AccidentInjury,
            "criminal_defence" => LegalAidMatter.CriminalDefenceApplication,
            "criminal_victim" => LegalAidMatter.CriminalVictimAgent,
            _ => LegalAidMatter.OtherCivil,
        },
    };

    /// <summary>The citizen's own words, then what the guide established, so the reviewer sees both.</summary>
    private static string Description(GuideApplication a)
    {
        var form = ApplicationForms.For(a.Kind);
        var lines = new List<string> { a.Fields.GetValueOrDefault("summary") as string ?? "" };
        foreach (var spec in form.Fields.Where(f => f.Name is not "summary" and not "matter"))
        {
            if (a.Fields.GetValueOrDefault(spec.Name) is { } value)
                lines.Add($"{spec.Label}：{spec.Display(value)}");
        }

        lines.Add($"（来自办事指引“{a.GuideId}”第{a.GuideVersion}版，结果“{a.OutcomeId}”）");
        var text = string.Join("\n", lines.Where(l => l.Length > 0));
        return text.Length <= LegalAidDetails.MaxTextLength ? text : text[..LegalAidDetails.MaxTextLength];
    }
}
