using Farun.Features.Cases;
using Farun.Features.LegalAid;
using Farun.Web.Common;
using FluentValidation;

namespace Farun.Web.Features.Cases;

/// <summary>The fields of each action of <c>POST /api/cases/{id}/actions/{action}</c>.</summary>
public static class CaseActionRequests
{
    public const int TextLength = 4000;

    public sealed record Note(string? Text);

    public sealed record Assign(Guid? AssigneeId, AssignmentStrategy? Strategy);

    public sealed record Claim;

    public sealed record Reassign(Guid? AssigneeId, string? Reason);

    public sealed record Transfer(Guid? ServicePointId, string? Reason);

    public sealed record ReferOut(ExternalBody? Body, string? Organisation, string? Reference, string? Reason);

    public sealed record Answer(string? AnswerSummary, string? Citations, int? DurationMinutes);

    public sealed record Close(string? Reason);

    public sealed record Convert(CaseType? To, CreateCase.LegalAidRequest? LegalAid);

    public sealed record RequestMaterials(string? Missing);

    public sealed record Supplement(string? Note);

    public sealed record Grant(string? Note);

    public sealed record Refuse(string? Reasons);

    public sealed record GrantPriorAid(string? Reason);

    public sealed record RaiseObjection(DateOnly? ReceivedOn, string? Text);

    public sealed record Decision(string? Reasons);

    public sealed record AssignLawyer(Guid? LawyerId, string? ConflictOverrideReason);

    public sealed record ReassignLawyer(Guid? LawyerId, string? Reason, string? ConflictOverrideReason);

    public sealed record SubmitClosure(ClosureOutcome? Outcome, LegalAidStage? Stage, string? Summary);

    public sealed record ReturnClosure(string? Reason);

    public sealed record ApproveClosure(Dictionary<string, int>? Scores, string? Note);

    public sealed record Withdraw(string? Reason);

    public sealed class NoteValidator : AbstractValidator<Note>
    {
        public NoteValidator() => RuleFor(x => x.Text).NotEmpty().WithMessage("请填写备注内容。").MaximumLength(TextLength).WithMessage($"备注内容不能超过{TextLength}个字。").NoControlCharacters().WithName("备注内容");
    }

    public sealed class AssignValidator : AbstractValidator<Assign>
    {
        public AssignValidator()
        {
            RuleFor(x => x).Must(x => x.AssigneeId is not null ^ x.Strategy is not null).WithName("assigneeId")
                .WithMessage("请指定承办人（assigneeId），或选择分派方式（strategy：RoundRobin 或 LeastLoaded）之一。");
            RuleFor(x => x.Strategy).IsInEnum().Must(s => s is null or AssignmentStrategy.RoundRobin or AssignmentStrategy.LeastLoaded)
                .WithMessage("分派方式只能是 RoundRobin（轮流）或 LeastLoaded（最少在办）。");
        }
    }

    public sealed class ClaimValidator : AbstractValidator<Claim>;

    public sealed class ReassignValidator : AbstractValidator<Reassign>
    {
        public ReassignValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写改派原因。").MaximumLength(TextLength).WithMessage($"改派原因不能超过{TextLength}个字。").NoControlCharacters().WithName("改派原因");
    }

    public sealed class TransferValidator : AbstractValidator<Transfer>
    {
        public TransferValidator()
        {
            RuleFor(x => x.ServicePointId).NotNull().WithMessage("请选择接收的服务点。");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写移交原因。").MaximumLength(TextLength).WithMessage($"移交原因不能超过{TextLength}个字。").NoControlCharacters().WithName("移交原因");
        }
    }

    public sealed class ReferOutValidator : AbstractValidator<ReferOut>
    {
        public ReferOutValidator()
        {
            RuleFor(x => x.Body).NotNull().WithMessage("请选择接收单位类别。").IsInEnum().WithMessage("未知的接收单位类别。");
            RuleFor(x => x.Organisation).NotEmpty().WithMessage("请填写接收单位。").MaximumLength(100).NoControlCharacters().WithName("接收单位");
            RuleFor(x => x.Reference).NotEmpty().WithMessage("请填写接收单位的受理编号。").MaximumLength(64).NoControlCharacters().WithName("受理编号");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写转出原因。").MaximumLength(TextLength).WithMessage($"转出原因不能超过{TextLength}个字。").NoControlCharacters().WithName("转出原因");
        }
    }

    public sealed class AnswerValidator : AbstractValidator<Answer>
    {
        public AnswerValidator()
        {
            RuleFor(x => x.AnswerSummary).NotEmpty().WithMessage("请填写解答要点。")
                .MaximumLength(Farun.Features.Consultations.ConsultationDetails.MaxAnswerLength).NoControlCharacters().WithName("解答要点");
            RuleFor(x => x.Citations).MaximumLength(CitationLinker.MaxLength).NoControlCharacters().WithName("引用法条");
            RuleFor(x => x.DurationMinutes).InclusiveBetween(0, 600).When(x => x.DurationMinutes is not null).WithMessage("咨询时长须在0到600分钟之间。");
        }
    }

    public sealed class CloseValidator : AbstractValidator<Close>
    {
        public CloseValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写办结说明。").MaximumLength(1000).NoControlCharacters().WithName("办结说明");
    }

    public sealed class ConvertValidator : AbstractValidator<Convert>
    {
        public ConvertValidator()
        {
            RuleFor(x => x.To).NotNull().WithMessage("请选择转为的服务事项类型。").IsInEnum().WithMessage("未知的服务事项类型。")
                .Must(t => t is null or CaseType.LegalAid).WithMessage("目前咨询只能转为法律援助。");
            RuleFor(x => x.LegalAid).NotNull().When(x => x.To == CaseType.LegalAid).WithMessage("请填写法律援助申请内容（legalAid）。");
            RuleFor(x => x.LegalAid!).SetValidator(new CreateCase.LegalAidValidator()).When(x => x.LegalAid is not null);
        }
    }

    public sealed class RequestMaterialsValidator : AbstractValidator<RequestMaterials>
    {
        public RequestMaterialsValidator() => RuleFor(x => x.Missing).NotEmpty().WithMessage("请一次性列明需要补充的全部材料。").MaximumLength(TextLength).NoControlCharacters().WithName("需补充材料");
    }

    public sealed class SupplementValidator : AbstractValidator<Supplement>
    {
        public SupplementValidator() => RuleFor(x => x.Note).MaximumLength(TextLength).NoControlCharacters().WithName("说明");
    }

    public sealed class GrantValidator : AbstractValidator<Grant>
    {
        public GrantValidator() => RuleFor(x => x.Note).MaximumLength(TextLength).NoControlCharacters().WithName("说明");
    }

    public sealed class RefuseValidator : AbstractValidator<Refuse>
    {
        public RefuseValidator() => RuleFor(x => x.Reasons).NotEmpty().WithMessage("不予法律援助须书面说明理由（《法律援助法》第四十三条）。").MaximumLength(TextLength).NoControlCharacters().WithName("理由");
    }

    public sealed class GrantPriorAidValidator : AbstractValidator<GrantPriorAid>
    {
        public GrantPriorAidValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请说明先行提供法律援助的理由（《法律援助法》第四十四条）。").MaximumLength(TextLength).NoControlCharacters().WithName("理由");
    }

    public sealed class RaiseObjectionValidator : AbstractValidator<RaiseObjection>
    {
        public RaiseObjectionValidator()
        {
            RuleFor(x => x.Text).NotEmpty().WithMessage("请填写异议内容。").MaximumLength(TextLength).NoControlCharacters().WithName("异议内容");
            RuleFor(x => x.ReceivedOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).When(x => x.ReceivedOn is not null).WithMessage("收到异议的日期不合理。");
        }
    }

    public sealed class DecisionValidator : AbstractValidator<Decision>
    {
        public DecisionValidator() => RuleFor(x => x.Reasons).NotEmpty().WithMessage("请填写决定理由。").MaximumLength(TextLength).NoControlCharacters().WithName("决定理由");
    }

    public sealed class AssignLawyerValidator : AbstractValidator<AssignLawyer>
    {
        public AssignLawyerValidator()
        {
            RuleFor(x => x.LawyerId).NotNull().WithMessage("请选择承办律师。");
            RuleFor(x => x.ConflictOverrideReason).MaximumLength(1000).NoControlCharacters().WithName("利益冲突核实说明");
        }
    }

    public sealed class ReassignLawyerValidator : AbstractValidator<ReassignLawyer>
    {
        public ReassignLawyerValidator()
        {
            RuleFor(x => x.LawyerId).NotNull().WithMessage("请选择新的承办律师。");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写更换律师的原因。").MaximumLength(1000).NoControlCharacters().WithName("更换原因");
            RuleFor(x => x.ConflictOverrideReason).MaximumLength(1000).NoControlCharacters().WithName("利益冲突核实说明");
        }
    }

    public sealed class SubmitClosureValidator : AbstractValidator<SubmitClosure>
    {
        public SubmitClosureValidator()
        {
            RuleFor(x => x.Outcome).NotNull().WithMessage("请选择结案方式。").IsInEnum().WithMessage("未知的结案方式。");
            RuleFor(x => x.Stage).NotNull().WithMessage("请选择办案阶段。").IsInEnum().WithMessage("未知的办案阶段。");
            RuleFor(x => x.Summary).NotEmpty().WithMessage("请填写结案情况。").MaximumLength(TextLength).NoControlCharacters().WithName("结案情况");
        }
    }

    public sealed class ReturnClosureValidator : AbstractValidator<ReturnClosure>
    {
        public ReturnClosureValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请说明退回补正的原因。").MaximumLength(TextLength).NoControlCharacters().WithName("退回原因");
    }

    public sealed class ApproveClosureValidator : AbstractValidator<ApproveClosure>
    {
        public ApproveClosureValidator()
        {
            RuleFor(x => x.Scores).NotEmpty().WithMessage("请按质量评估标准逐项评分（scores）。");
            RuleFor(x => x.Note).MaximumLength(TextLength).NoControlCharacters().WithName("说明");
        }
    }

    public sealed class WithdrawValidator : AbstractValidator<Withdraw>
    {
        public WithdrawValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写撤回原因。").MaximumLength(TextLength).NoControlCharacters().WithName("撤回原因");
    }
}
