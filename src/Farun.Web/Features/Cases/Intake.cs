using System.Text.Json.Nodes;
using Farun.Common.Validation;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Identity;
using Farun.Features.Persons;
using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Cases;

/// <summary>A group of intake fields.</summary>
public sealed record FieldGroup(string Legend, IReadOnlyList<FieldSpec> Fields);

/// <summary>
/// Intake forms for staff. The fields are named after the JSON paths of <c>POST /api/cases</c>, posted through the same
/// validator and handler, so the screen and the API accept and refuse the same things. Built for the keyboard: the
/// first field has focus, Tab follows the order of the conversation, Enter (Ctrl+Enter in a text box) submits, and
/// Alt+letter jumps to the main fields.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public abstract class IntakePageModel(CreateCase.Handler handler, IValidator<CreateCase.Request> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public IReadOnlyList<FieldGroup> Groups { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Error { get; private set; }

    public abstract string Heading { get; }

    protected abstract CaseType Type { get; }

    protected abstract IReadOnlyList<FieldGroup> Build();

    /// <summary>Adjusts the posted JSON before it becomes the request (e.g. the optional opposing party).</summary>
    protected virtual void Shape(JsonObject request)
    {
    }

    public void OnGet() => Groups = Build();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var groups = Build();
        try
        {
            var body = CaseForms.ToJson(groups.SelectMany(g => g.Fields), Request.Form);
            body["type"] = Type.ToString();
            Shape(body);
            var request = (CreateCase.Request)CaseForms.Deserialize(body, typeof(CreateCase.Request), json.Value.SerializerOptions);
            await validator.ValidateAndThrowAsync(request, ct);
            var response = await handler.HandleAsync(request, User, ct);
            var warnings = response.Warnings.Select(w => w.Message).Distinct().ToList();
            TempData[nameof(CasePageModel.Message)] = $"已登记{response.Case.TypeName} {response.Case.Number}。" + (warnings.Count == 0 ? "" : " 提示：" + string.Join(" ", warnings));
            return Redirect($"/cases/{response.Case.Id}");
        }
        catch (Exception e) when (e is ValidationException or BadRequestException or ForbiddenException or ConflictException)
        {
            Errors = CaseForms.Errors(e);
            Error = e is DomainException d ? d.Message : "请检查填写的内容。";
            if (e is BadRequestException { Errors.Count: > 0 } or ValidationException)
                Error = "请检查标红的内容：" + string.Join("；", Errors.SelectMany(x => x.Value).Distinct());
            Response.StatusCode = e is DomainException de ? de.StatusCode : StatusCodes.Status400BadRequest;
            Groups = [.. groups.Select(g => g with { Fields = [.. g.Fields.Select(f => f.WithPosted(Request.Form))] })];
            return Page();
        }
    }

    protected FieldSpec Channel(CaseChannel fallback) => new("channel", "来源渠道", FieldKind.Select)
    {
        Required = true,
        Value = (User.IsInRole(Roles.HotlineAgent) ? CaseChannel.Hotline12348 : fallback).ToString(),
        Options = CaseForms.EnumOptions<CaseChannel>(c => c.DisplayName(), Enum.GetValues<CaseChannel>().Where(c => c != CaseChannel.OnlinePortal)),
    };

    protected static IEnumerable<FieldSpec> Person(string prefix, bool idRequired, bool phoneFirst)
    {
        var phone = new FieldSpec(prefix + "phone", "联系电话", FieldKind.Text) { AccessKey = "p", MaxLength = 30, AutoComplete = "off", Placeholder = "手机或固话，如 13812345678" };
        var name = new FieldSpec(prefix + "name", "姓名", FieldKind.Text) { Required = true, AccessKey = "n", MaxLength = 50 };
        if (phoneFirst)
        {
            yield return phone with { Autofocus = true };
            yield return name;
        }
        else
        {
            yield return name with { Autofocus = true };
        }

        yield return new FieldSpec(prefix + "documentType", "证件类型", FieldKind.Select)
        {
            Value = nameof(IdDocumentType.ResidentIdCard),
            Options = CaseForms.EnumOptions<IdDocumentType>(t => t.DisplayName()),
        };
        yield return new FieldSpec(prefix + "idNumber", "证件号码", FieldKind.Text) { Required = idRequired, AccessKey = "i", MaxLength = 40 };
        if (!phoneFirst)
            yield return phone;
        yield return new FieldSpec(prefix + "address", "住址", FieldKind.Text) { MaxLength = 200 };
        yield return new FieldSpec(prefix + "groups", "特殊群体", FieldKind.CheckboxList)
        {
            Options = [.. SpecialGroupNames.All.Select(g => new FieldOption(g.ToString(), g.DisplayName()))],
        };
    }

    protected static IEnumerable<FieldSpec> Referral() =>
    [
        new FieldSpec("referral.body", "移送单位类别", FieldKind.Select) { Options = [new("", "（非移送）"), .. CaseForms.EnumOptions<ExternalBody>(b => b.DisplayName())] },
        new FieldSpec("referral.organisation", "移送单位", FieldKind.Text) { MaxLength = 100, Placeholder = "如：南湖派出所" },
        new FieldSpec("referral.reference", "移送编号", FieldKind.Text) { MaxLength = 64, Placeholder = "如：警情编号、12345工单号" },
    ];
}

public sealed class NewConsultationModel(CreateCase.Handler handler, IValidator<CreateCase.Request> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IntakePageModel(handler, validator, json)
{
    public override string Heading => "登记法律咨询";

    protected override CaseType Type => CaseType.Consultation;

    protected override IReadOnlyList<FieldGroup> Build() =>
    [
        new("咨询人", [Channel(CaseChannel.WalkIn), .. Person("applicant.person.", idRequired: false, phoneFirst: true)]),
        new("咨询内容",
        [
            new FieldSpec("consultation.domain", "法律领域", FieldKind.Select)
            {
                Required = true, AccessKey = "d", Options = CaseForms.EnumOptions<LegalDomain>(d => d.DisplayName()),
            },
            new FieldSpec("consultation.question", "咨询问题", FieldKind.TextArea) { Required = true, AccessKey = "q", MaxLength = ConsultationDetails.MaxQuestionLength },
            new FieldSpec("consultation.answerSummary", "解答要点", FieldKind.TextArea)
            {
                AccessKey = "a", MaxLength = ConsultationDetails.MaxAnswerLength, Hint = "当场解答的请填写；留空则进入待解答，按答复期限办理。",
            },
            new FieldSpec("consultation.citations", "引用法条", FieldKind.Text)
            {
                AccessKey = "r", MaxLength = CitationLinker.MaxLength, Placeholder = "如：劳动合同法第八十二条", Hint = "自动识别并链接到法律法规库。",
            },
            new FieldSpec("consultation.durationMinutes", "咨询时长（分钟）", FieldKind.Number),
        ]),
        new("移送来源（派出所、法院、信访、12345 转来的填写）", [.. Referral()]),
    ];

    protected override void Shape(JsonObject request) => DropEmptyReferral(request);

    internal static void DropEmptyReferral(JsonObject request)
    {
        if (request["referral"] is JsonObject r && r["organisation"] is null && r["reference"] is null)
            request.Remove("referral");
    }
}

public sealed class NewLegalAidModel(CreateCase.Handler handler, IValidator<CreateCase.Request> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IntakePageModel(handler, validator, json)
{
    public override string Heading => "登记法律援助申请";

    protected override CaseType Type => CaseType.LegalAid;

    protected override IReadOnlyList<FieldGroup> Build() =>
    [
        new("申请人", [Channel(CaseChannel.WalkIn), .. Person("applicant.person.", idRequired: true, phoneFirst: false)]),
        new("申请事项",
        [
            .. CaseActionForms.LegalAidFields("legalAid.", "m"),
            new FieldSpec("legalAid.receivedOn", "收到申请日期", FieldKind.Date)
            {
                Value = Farun.Common.Calendar.ChinaTime.Today().ToString("yyyy-MM-dd"), Hint = "自收到申请之日起七日内作出决定（《法律援助法》第四十三条）。",
            },
        ]),
        new("对方当事人（如有）",
        [
            new FieldSpec("opposing.name", "姓名或单位名称", FieldKind.Text) { MaxLength = 200, AccessKey = "o" },
            new FieldSpec("opposing.isOrganisation", "对方是单位", FieldKind.Checkbox),
            new FieldSpec("opposing.idNumber", "证件号码或统一社会信用代码", FieldKind.Text) { MaxLength = 40, Hint = "用于利益冲突审查。" },
        ]),
        new("移送来源（公检法通知、派出所等转来的填写）", [.. Referral()]),
    ];

    protected override void Shape(JsonObject request)
    {
        NewConsultationModel.DropEmptyReferral(request);
        if (request["opposing"] is not JsonObject o)
            return;
        request.Remove("opposing");
        var name = o["name"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(name))
            return;
        var id = o["idNumber"]?.GetValue<string>();
        JsonObject party = o["isOrganisation"]?.GetValue<bool>() == true
            ? new JsonObject { ["role"] = nameof(PartyRole.OpposingParty), ["organisation"] = new JsonObject { ["name"] = name, ["creditCode"] = id } }
            : new JsonObject { ["role"] = nameof(PartyRole.OpposingParty), ["person"] = new JsonObject { ["name"] = name, ["idNumber"] = id } };
        request["parties"] = new JsonArray(party);
    }
}
