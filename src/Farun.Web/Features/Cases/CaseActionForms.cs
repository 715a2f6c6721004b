using System.Security.Claims;
using Farun.Features.Cases;
using Farun.Features.LegalAid;
using Farun.Web.Features.Lawyers;

namespace Farun.Web.Features.Cases;

/// <summary>The forms of the actions a caller may perform on a case, with the choices they need (staff, service points, lawyers).</summary>
public sealed class CaseActionForms(CaseAssigner assigner, ServicePointDirectory directory, LawyerEndpoints.Handler lawyers, CaseRules rules)
{
    private static readonly string[] PrimaryActions =
        [CaseActions.Answer, CaseActions.Grant, CaseActions.AssignLawyer, CaseActions.SubmitClosure, CaseActions.ApproveClosure, CaseActions.Claim, CaseActions.UpholdRefusal];

    public async Task<IReadOnlyList<ActionForm>> ForAsync(CaseDto c, ClaimsPrincipal user, CancellationToken ct)
    {
        var forms = new List<ActionForm>();
        foreach (var action in c.AllowedActions)
            forms.Add(await FormAsync(action, c, user, ct));
        return forms;
    }

    public async Task<ActionForm> FormAsync(string action, CaseDto c, ClaimsPrincipal user, CancellationToken ct)
    {
        var label = CaseActions.DisplayName(action);
        var primary = PrimaryActions.Contains(action);
        IReadOnlyList<FieldSpec> fields = action switch
        {
            CaseActions.Note => [Area("text", "备注内容", required: true)],
            CaseActions.Assign => [await StaffSelectAsync(c, "assigneeId", "指定承办人", "（按下方方式自动分派）", ct),
                new FieldSpec("strategy", "或自动分派", FieldKind.Select)
                {
                    Options = [new("", "（不自动分派）"), new(nameof(AssignmentStrategy.RoundRobin), AssignmentStrategy.RoundRobin.DisplayName()),
                        new(nameof(AssignmentStrategy.LeastLoaded), AssignmentStrategy.LeastLoaded.DisplayName())],
                }],
            CaseActions.Claim => [],
            CaseActions.Reassign => [await StaffSelectAsync(c, "assigneeId", "改派给", "（退回服务点待领取队列）", ct), Area("reason", "改派原因", required: true)],
            CaseActions.Transfer => [await ServicePointSelectAsync(c, ct), Area("reason", "移交原因", required: true)],
            CaseActions.ReferOut =>
            [
                new FieldSpec("body", "接收单位类别", FieldKind.Select) { Required = true, Options = CaseForms.EnumOptions<ExternalBody>(b => b.DisplayName()) },
                Text("organisation", "接收单位", required: true, max: 100),
                Text("reference", "接收单位受理编号", required: true, max: 64),
                Area("reason", "转出原因", required: true),
            ],
            CaseActions.Answer =>
            [
                Area("answerSummary", "解答要点", required: true) with { AccessKey = "a" },
                Text("citations", "引用法条", max: CitationLinker.MaxLength) with { Hint = "如：劳动合同法第八十二条；民法典第一千零七十九条。将自动链接到法律法规库。" },
                new FieldSpec("durationMinutes", "咨询时长（分钟）", FieldKind.Number),
            ],
            CaseActions.Close => [Area("reason", "办结说明", required: true)],
            CaseActions.Convert =>
            [
                new FieldSpec("to", "转为", FieldKind.Hidden) { Value = nameof(CaseType.LegalAid) },
                .. LegalAidFields("legalAid.", null),
            ],
            CaseActions.RequestMaterials => [Area("missing", "需补充的全部材料", required: true) with { Hint = "《法律援助法》第四十三条第二款：一次性告知申请人需要补充的材料。" }],
            CaseActions.Supplement => [Area("note", "说明")],
            CaseActions.Grant => [Area("note", "说明")],
            CaseActions.Refuse => [Area("reasons", "不予援助的理由", required: true) with { Hint = "将写入不予法律援助决定书（《法律援助法》第四十三条）。" }],
            CaseActions.GrantPriorAid => [Area("reason", "先行援助的理由", required: true) with { Hint = "《法律援助法》第四十四条：距时效或期限届满不足七日，或需立即申请保全、先予执行等。" }],
            CaseActions.RaiseObjection => [Date("receivedOn", "收到异议日期"), Area("text", "异议内容", required: true)],
            CaseActions.UpholdRefusal or CaseActions.OrderCorrection => [Area("reasons", "决定理由", required: true)],
            CaseActions.AssignLawyer => [.. await LawyerFieldsAsync(c, user, ct)],
            CaseActions.ReassignLawyer => [.. await LawyerFieldsAsync(c, user, ct), Area("reason", "更换原因", required: true)],
            CaseActions.SubmitClosure =>
            [
                new FieldSpec("outcome", "结案方式", FieldKind.Select) { Required = true, Options = CaseForms.EnumOptions<ClosureOutcome>(o => o.DisplayName()) },
                new FieldSpec("stage", "办案阶段", FieldKind.Select) { Required = true, Options = CaseForms.EnumOptions<LegalAidStage>(s => s.DisplayName()) },
                Area("summary", "结案情况", required: true),
            ],
            CaseActions.ReturnClosure => [Area("reason", "退回补正原因", required: true)],
            CaseActions.ApproveClosure =>
            [
                .. rules.Quality.Criteria.Select(q => new FieldSpec($"scores.{q.Key}", $"{q.Name}（满分{q.MaxPoints}）", FieldKind.Number) { Required = true }),
                Area("note", "说明"),
            ],
            CaseActions.Withdraw => [Area("reason", "撤回原因", required: true)],
            _ => [],
        };
        var intro = action switch
        {
            CaseActions.ApproveClosure => $"质量评估：{rules.Quality.Source}；补贴标准：{rules.Subsidy.Source}",
            CaseActions.Convert => "转为法律援助申请，申请人信息随之带入；收到申请之日起七日内审查（《法律援助法》第四十三条）。",
            _ => null,
        };
        return new ActionForm(action, label, fields, intro, primary);
    }

    /// <summary>The legal-aid application fields, under <paramref name="prefix"/> ("legalAid.").</summary>
    public static IEnumerable<FieldSpec> LegalAidFields(string prefix, string? accessKey)
    {
        yield return new FieldSpec(prefix + "matter", "申请事项", FieldKind.Select)
        {
            Required = true,
            AccessKey = accessKey,
            Options = CaseForms.EnumOptions<LegalAidMatter>(m => $"{m.DisplayName()}（{m.LegalBasis().Replace("《法律援助法》", "", StringComparison.Ordinal)}）"),
        };
        yield return Area(prefix + "description", "案情与请求", required: true);
        yield return new FieldSpec(prefix + "hardshipCommitment", "申请人已如实说明经济困难状况并作出个人诚信承诺（《法律援助法》第四十一条）", FieldKind.Checkbox);
        yield return new FieldSpec(prefix + "noFixedIncome", "申请人无固定生活来源（第四十二条第一项）", FieldKind.Checkbox);
        yield return Date(prefix + "limitationDate", "诉讼时效或期限届满日（如有）") with { Hint = "不足七日的，可以先行提供法律援助（第四十四条）。" };
    }

    private async Task<FieldSpec> StaffSelectAsync(CaseDto c, string name, string label, string emptyLabel, CancellationToken ct)
    {
        var candidates = await assigner.CandidatesAsync(c.ServicePoint.Id, c.Type, ct);
        return new FieldSpec(name, label, FieldKind.Select)
        {
            Options = [new("", emptyLabel), .. candidates.Where(x => x.UserId != c.Assignee?.Id).Select(x => new FieldOption(x.UserId.ToString(), $"{x.Name}（在办{x.OpenCases}件）"))],
        };
    }

    private async Task<FieldSpec> ServicePointSelectAsync(CaseDto c, CancellationToken ct)
    {
        var sps = await directory.GetAsync(ct);
        return new FieldSpec("servicePointId", "移交至", FieldKind.Select)
        {
            Required = true,
            Options = [.. sps.ById.Values.Where(s => s.Id != c.ServicePoint.Id).OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new FieldOption(s.Id.ToString(), $"{s.Code} {s.Name}"))],
        };
    }

    private async Task<IReadOnlyList<FieldSpec>> LawyerFieldsAsync(CaseDto c, ClaimsPrincipal user, CancellationToken ct)
    {
        var candidates = await lawyers.CandidatesAsync(c.Id, user, ct);
        var options = candidates.Where(x => x.Lawyer.Id != c.LegalAid?.LawyerId).Select(x => new FieldOption(x.Lawyer.Id.ToString(),
            $"{x.Lawyer.Name}（{x.Lawyer.FirmName}，在办{x.Lawyer.OpenCases}件{(x.SpecialtyMatches ? "，专业对口" : "")}{(x.Blocked ? "，存在利益冲突，不可指派" : x.Conflicts.Count > 0 ? "，可能存在利益冲突" : "")}）"));
        var warnings = candidates.Where(x => x.Conflicts.Count > 0).SelectMany(x => x.Conflicts.Select(h => $"{x.Lawyer.Name}：{h.Reason}")).ToList();
        return
        [
            new FieldSpec("lawyerId", "承办律师", FieldKind.Select) { Required = true, Options = [.. options] },
            Area("conflictOverrideReason", "利益冲突核实说明") with
            {
                Hint = warnings.Count == 0 ? "未发现利益冲突。" : "利益冲突提示：" + string.Join("；", warnings) + "。可能冲突经核实无碍的，请说明理由。",
            },
        ];
    }

    private static FieldSpec Area(string name, string label, bool required = false) =>
        new(name, label, FieldKind.TextArea) { Required = required, MaxLength = CaseActionRequests.TextLength };

    private static FieldSpec Text(string name, string label, bool required = false, int? max = null) =>
        new(name, label, FieldKind.Text) { Required = required, MaxLength = max };

    private static FieldSpec Date(string name, string label) => new(name, label, FieldKind.Date);
}
