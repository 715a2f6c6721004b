using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.LegalAid;
using Farun.Features.Mediation;
using Farun.Features.Notarization;
using Farun.Features.Persons;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Guides.Engine;
using Farun.Web.Features.Mediation;
using Farun.Web.Features.Notarization;
using Farun.Web.Features.Persons;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Guides.Apply;

/// <summary>
/// Lands a guide's application in the case spine, opened by the signed-in citizen through <see cref="CreateCase"/> (the
/// same rules, validation, numbering, assignment and audit as the open API), channel OnlinePortal:
/// <list type="bullet">
/// <item>legal aid: a legal-aid case at the district's legal-aid institution (ID number required);</item>
/// <item>mediation: a people's mediation case (source: the party's application, 《人民调解法》第十七条) at the chosen
/// committee — or the district's street committee — with the dispute type, the other party and the amount from the answers;</item>
/// <item>notarization: a notarization application for online pre-review with the catalogue's matter (and so its
/// materials checklist and fee), and, when the citizen chose one of the free slots, the appointment booked through
/// <see cref="BookNotarySlot"/>.</item>
/// </list>
/// The spine takes online applications only from a citizen signed in by phone, with the applicant's phone equal to the
/// signed-in one, so this sink accepts applications only where citizen sign-in exists (the <see cref="CitizenPolicy"/>
/// authorization policy).
/// </summary>
public sealed class CaseSpineApplicationSink(
    CreateCase.Handler cases, IValidator<CreateCase.Request> validator, BookNotarySlot booking, FarunDbContext db, IHttpContextAccessor http,
    IOptions<AuthorizationOptions> authorization)
    : IGuideApplicationSink
{
    /// <summary>The policy citizen sign-in (phone and one-time code) registers.</summary>
    public const string CitizenPolicy = "Citizen";

    /// <summary>Where a citizen follows their applications.</summary>
    public const string PortalUrl = "/citizen";

    public bool Accepts(ApplicationKind kind) =>
        kind is ApplicationKind.LegalAid or ApplicationKind.Mediation or ApplicationKind.Notarization && authorization.Value.GetPolicy(CitizenPolicy) is not null;

    public async Task<GuideApplicationReceipt> SubmitAsync(GuideApplication application, CancellationToken ct)
    {
        if (!Accepts(application.Kind))
            throw new ConflictException("这类申请暂未开通在线提交，请带上材料到办理地点申请。");
        var user = await GuideApplicant.ResolveAsync(http.HttpContext);
        var request = application.Kind switch
        {
            ApplicationKind.Mediation => ToMediationRequest(application, application.CommitteeId ?? await DefaultCommitteeAsync(ct)),
            ApplicationKind.Notarization => ToNotarizationRequest(application),
            _ => ToCaseRequest(application),
        };
        if (application.Kind == ApplicationKind.Mediation && request.Parties is not { Count: > 0 })
            throw BadRequestException.ForField("otherParty", "请填写对方当事人的姓名或单位名称，调解员需要联系对方。");
        if (application.Kind == ApplicationKind.Notarization && application.SlotId is { } chosen)
        {
            var free = await booking.FreeSlotAsync(chosen, "slotId", ct);
            var kind = ApplicationChoices.SlotKindFor(application.Fields);
            if (free.Kind != kind)
                throw BadRequestException.ForField("slotId", $"请选择“{kind.DisplayName()}”的时段。");
            if (kind == SlotKind.HomeVisit && application.Address is null)
                throw BadRequestException.ForField("address", "预约上门办证，请填写上门的地址。");
        }

        await validator.ValidateAndThrowAsync(request, ct);
        var created = await cases.HandleAsync(request, user, ct);
        if (application.Kind == ApplicationKind.Notarization && application.SlotId is { } slot)
            await booking.HandleAsync(created.Case.Id, new NotaryEndpoints.Book(slot, application.Address, "通过办事指引在线预约"), user, ct);
        return new GuideApplicationReceipt(created.Case.Number, PortalUrl);
    }

    /// <summary>The committee an online request goes to when the citizen did not choose: the first active street
    /// (乡镇、街道) committee, else any active one.</summary>
    private async Task<Guid> DefaultCommitteeAsync(CancellationToken ct)
    {
        var active = await db.MediationCommittees.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Id, c.Kind, c.Name }).ToListAsync(ct);
        return active.OrderBy(c => c.Kind == CommitteeKind.Street ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => (Guid?)c.Id).FirstOrDefault()
            ?? throw new ConflictException("暂无可以在线受理的人民调解委员会，请到结果页列出的地点申请调解。");
    }

    /// <summary>The create-case request for a people's mediation request pre-filled by a guide.</summary>
    public static CreateCase.Request ToMediationRequest(GuideApplication a, Guid committeeId)
    {
        var applicant = new CreateCase.PartyRequest(null, null, new PersonInput(a.Applicant.Name, null, null, a.Applicant.Phone, null, null, null, []), null, null);
        var other = a.Fields.GetValueOrDefault("other_party") as string;
        IReadOnlyList<CreateCase.PartyRequest> parties = string.IsNullOrWhiteSpace(other)
            ? []
            : [new CreateCase.PartyRequest(PartyRole.OpposingParty, null, new PersonInput(other.Trim(), null, null, null, null, null, null, []), null, null)];
        var mediation = new MediationIntakeRequest(MediationSource.PartyApplication, DisputeTypeOf(a.Fields.GetValueOrDefault("dispute_type") as string),
            Description(a, MediationDetails.MaxTextLength), a.Fields.GetValueOrDefault("amount") as decimal?, committeeId, null, null, null);
        return new CreateCase.Request(CaseType.Mediation, CaseChannel.OnlinePortal, null, applicant, parties, null, null, null, null, null, Mediation: mediation);
    }

    /// <summary>The create-case request for a notarization application pre-filled by a guide (pre-reviewed online).</summary>
    public static CreateCase.Request ToNotarizationRequest(GuideApplication a)
    {
        var applicant = new CreateCase.PartyRequest(null, null, new PersonInput(a.Applicant.Name, null, null, a.Applicant.Phone, null, null, null, []), null, null);
        var matter = NotaryCatalog.Find(NotaryMatterCode(a.Fields.GetValueOrDefault("matter") as string));
        var purpose = a.Fields.GetValueOrDefault("purpose") as string is { Length: > 0 } p ? p : a.Fields.GetValueOrDefault("summary") as string;
        if (string.IsNullOrWhiteSpace(purpose))
            purpose = matter is null ? "" : $"办理{matter.Name}公证";
        if (a.Fields.GetValueOrDefault("use_abroad") is true)
            purpose += "（在境外使用）";
        var notarization = new NotarizationIntakeRequest(matter?.Code ?? a.Fields.GetValueOrDefault("matter") as string, purpose.Length <= 200 ? purpose : purpose[..200],
            null, a.Materials, false);
        return new CreateCase.Request(CaseType.Notarization, CaseChannel.OnlinePortal, null, applicant, null, null, null, null, null, null, Notarization: notarization);
    }

    /// <summary>The guides' notarization codes (<see cref="ApplicationForms.NotarialMatters"/>) as codes of <see cref="NotaryCatalog"/>.</summary>
    public static string? NotaryMatterCode(string? code) => code switch
    {
        "marital_status" => "marital-status",
        "no_criminal_record" => "no-criminal-record",
        "power_of_attorney" => "entrustment",
        "evidence" => "evidence-preservation",
        "supervision" => "on-site-supervision",
        _ => code,
    };

    /// <summary>The guides' dispute types (<see cref="ApplicationForms.DisputeTypes"/>) as the mediation statistics' types.</summary>
    public static DisputeType? DisputeTypeOf(string? code) => code switch
    {
        "family" => DisputeType.MarriageFamily,
        "neighbour" => DisputeType.Neighbourhood,
        "property_land" => DisputeType.HousingHomestead,
        "contract" => DisputeType.Contract,
        "business" => DisputeType.Business,
        "damages" => DisputeType.Damages,
        "labour" => DisputeType.Labour,
        "medical" => DisputeType.Medical,
        "property_management" => DisputeType.PropertyManagement,
        "traffic" => DisputeType.TrafficAccident,
        "land_acquisition" => DisputeType.LandRequisition,
        "other" => DisputeType.Other,
        _ => null,
    };

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
            Description(a, LegalAidDetails.MaxTextLength),
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
    private static string Description(GuideApplication a, int maxLength)
    {
        var form = ApplicationForms.For(a.Kind);
        var lines = new List<string> { a.Fields.GetValueOrDefault("summary") as string ?? "" };
        foreach (var spec in form.Fields.Where(f => f.Name is not "summary" and not "matter" and not "dispute_type"))
        {
            if (a.Fields.GetValueOrDefault(spec.Name) is { } value)
                lines.Add($"{spec.Label}：{spec.Display(value)}");
        }

        lines.Add($"（来自办事指引“{a.GuideId}”第{a.GuideVersion}版，结果“{a.OutcomeId}”）");
        var text = string.Join("\n", lines.Where(l => l.Length > 0));
        return text.Length <= maxLength ? text : text[..maxLength];
    }
}
