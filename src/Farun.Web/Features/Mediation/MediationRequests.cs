using Farun.Features.Mediation;
using Farun.Web.Common;
using FluentValidation;

namespace Farun.Web.Features.Mediation;

/// <summary>The <c>mediation</c> object of <c>POST /api/cases</c> with type Mediation.</summary>
public sealed record MediationIntakeRequest(
    MediationSource? Source, DisputeType? DisputeType, string? Description, decimal? AmountInvolved, Guid? CommitteeId,
    MediationIntakeRequest.PoliceRequest? Police, string? ReferringBody, string? ReferenceNumber)
{
    /// <summary>公调对接: the station, the officer, the incident number and (optionally) the stationed lawyer who takes it.</summary>
    public sealed record PoliceRequest(string? Station, string? OfficerName, string? IncidentNumber, Guid? StationedLawyerId);

    public sealed class Validator : AbstractValidator<MediationIntakeRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Source).NotNull().WithMessage("请选择纠纷来源。").IsInEnum().WithMessage("未知的纠纷来源。");
            RuleFor(x => x.DisputeType).NotNull().WithMessage("请选择纠纷类型。").IsInEnum().WithMessage("未知的纠纷类型。");
            RuleFor(x => x.Description).NotEmpty().WithMessage("请填写纠纷简要情况。")
                .MaximumLength(MediationDetails.MaxTextLength).WithMessage($"纠纷简要情况不能超过{MediationDetails.MaxTextLength}个字。")
                .NoControlCharacters().WithName("纠纷简要情况");
            RuleFor(x => x.AmountInvolved).InclusiveBetween(0m, 10_000_000_000m).When(x => x.AmountInvolved is not null).WithMessage("涉及金额须在0到100亿元之间。");
            RuleFor(x => x.CommitteeId).NotNull().WithMessage("请选择人民调解委员会。");
            RuleFor(x => x.ReferringBody).MaximumLength(100).NoControlCharacters().WithName("移送单位");
            RuleFor(x => x.ReferenceNumber).MaximumLength(64).NoControlCharacters().WithName("移送编号");
            RuleFor(x => x.Police).NotNull().When(x => x.Source == MediationSource.PoliceReferral).WithMessage("公调对接须填写派出所、民警和警情编号（police）。");
            When(x => x.Police is not null, () =>
            {
                RuleFor(x => x.Police!.Station).NotEmpty().WithMessage("请填写移送的派出所。").MaximumLength(100).NoControlCharacters().WithName("派出所");
                RuleFor(x => x.Police!.OfficerName).NotEmpty().WithMessage("请填写移送民警姓名。").MaximumLength(50).NoControlCharacters().WithName("民警姓名");
                RuleFor(x => x.Police!.IncidentNumber).NotEmpty().WithMessage("请填写警情编号。").MaximumLength(64).NoControlCharacters().WithName("警情编号");
            });
        }
    }
}

/// <summary>The fields of each mediation action of <c>POST /api/cases/{id}/actions/{action}</c>.</summary>
public static class MediationActionRequests
{
    public const int TextLength = MediationDetails.MaxTextLength;

    public sealed record AssignMediator(Guid? MediatorId, string? Note);

    public sealed record ReassignMediator(Guid? MediatorId, string? Reason);

    public sealed record RecordSession(DateTimeOffset? HeldAt, SessionMode? Mode, string? Place, string? Attendees, string? Minutes);

    public sealed record PartyRefuses(Guid? PartyId, string? Statement);

    public sealed record RecordAgreement(string? Facts, string? Terms, string? PerformanceMethod, DateOnly? PerformanceDueOn, DateOnly? SignedOn);

    public sealed record RecordOralAgreement(string? Terms, DateOnly? AgreedOn, DateOnly? PerformanceDueOn);

    public sealed record MediationFails(string? Reason, string? Guidance);

    public sealed record ApplyConfirmation(string? Court, DateOnly? AppliedOn, string? Reference);

    public sealed record CourtConfirms(string? Reference);

    public sealed record CourtRejects(string? Reason);

    public sealed record CheckPerformance(PerformanceStatus? Status, string? Note);

    public sealed record CompletePerformance(string? Note);

    public sealed class AssignMediatorValidator : AbstractValidator<AssignMediator>
    {
        public AssignMediatorValidator()
        {
            RuleFor(x => x.MediatorId).NotNull().WithMessage("请选择调解员。");
            RuleFor(x => x.Note).MaximumLength(1000).NoControlCharacters().WithName("说明");
        }
    }

    public sealed class ReassignMediatorValidator : AbstractValidator<ReassignMediator>
    {
        public ReassignMediatorValidator()
        {
            RuleFor(x => x.MediatorId).NotNull().WithMessage("请选择新的调解员。");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写更换调解员的原因。").MaximumLength(1000).NoControlCharacters().WithName("更换原因");
        }
    }

    public sealed class RecordSessionValidator : AbstractValidator<RecordSession>
    {
        public RecordSessionValidator()
        {
            RuleFor(x => x.HeldAt).NotNull().WithMessage("请填写调解时间。");
            RuleFor(x => x.Mode).NotNull().WithMessage("请选择调解方式（现场、视频或电话）。").IsInEnum().WithMessage("未知的调解方式。");
            RuleFor(x => x.Place).MaximumLength(200).NoControlCharacters().WithName("调解地点");
            RuleFor(x => x.Attendees).NotEmpty().WithMessage("请填写参加调解的人员。").MaximumLength(1000).NoControlCharacters().WithName("参加人员");
            RuleFor(x => x.Minutes).NotEmpty().WithMessage("请填写调解记录。").MaximumLength(MediationSession.MaxMinutesLength).NoControlCharacters().WithName("调解记录");
        }
    }

    public sealed class PartyRefusesValidator : AbstractValidator<PartyRefuses>
    {
        public PartyRefusesValidator()
        {
            RuleFor(x => x.PartyId).NotNull().WithMessage("请选择拒绝调解的当事人。");
            RuleFor(x => x.Statement).NotEmpty().WithMessage("请记录当事人拒绝调解的意思表示。").MaximumLength(TextLength).NoControlCharacters().WithName("拒绝调解的表示");
        }
    }

    public sealed class RecordAgreementValidator : AbstractValidator<RecordAgreement>
    {
        public RecordAgreementValidator()
        {
            RuleFor(x => x.Facts).NotEmpty().WithMessage("请填写纠纷的主要事实、争议事项以及各方当事人的责任（《人民调解法》第二十九条）。")
                .MaximumLength(TextLength).NoControlCharacters().WithName("主要事实");
            RuleFor(x => x.Terms).NotEmpty().WithMessage("请填写当事人达成调解协议的内容（《人民调解法》第二十九条）。")
                .MaximumLength(TextLength).NoControlCharacters().WithName("协议内容");
            RuleFor(x => x.PerformanceMethod).NotEmpty().WithMessage("请填写协议履行的方式（《人民调解法》第二十九条）。")
                .MaximumLength(1000).NoControlCharacters().WithName("履行方式");
            RuleFor(x => x.SignedOn).NotNull().WithMessage("请填写协议签署日期（协议自签署之日起生效，《人民调解法》第二十九条）。");
        }
    }

    public sealed class RecordOralAgreementValidator : AbstractValidator<RecordOralAgreement>
    {
        public RecordOralAgreementValidator()
        {
            RuleFor(x => x.Terms).NotEmpty().WithMessage("请记录口头协议的内容（《人民调解法》第二十八条）。").MaximumLength(TextLength).NoControlCharacters().WithName("协议内容");
            RuleFor(x => x.AgreedOn).NotNull().WithMessage("请填写达成协议的日期。");
        }
    }

    public sealed class MediationFailsValidator : AbstractValidator<MediationFails>
    {
        public MediationFailsValidator()
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写调解不成的原因。").MaximumLength(TextLength).NoControlCharacters().WithName("原因");
            RuleFor(x => x.Guidance).MaximumLength(TextLength).NoControlCharacters().WithName("告知内容");
        }
    }

    public sealed class ApplyConfirmationValidator : AbstractValidator<ApplyConfirmation>
    {
        public ApplyConfirmationValidator()
        {
            RuleFor(x => x.Court).NotEmpty().WithMessage("请填写受理司法确认申请的人民法院。").MaximumLength(100).NoControlCharacters().WithName("人民法院");
            RuleFor(x => x.AppliedOn).NotNull().WithMessage("请填写申请日期。");
            RuleFor(x => x.Reference).MaximumLength(64).NoControlCharacters().WithName("案号");
        }
    }

    public sealed class CourtConfirmsValidator : AbstractValidator<CourtConfirms>
    {
        public CourtConfirmsValidator() => RuleFor(x => x.Reference).MaximumLength(64).NoControlCharacters().WithName("案号");
    }

    public sealed class CourtRejectsValidator : AbstractValidator<CourtRejects>
    {
        public CourtRejectsValidator() => RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写法院驳回申请的理由。").MaximumLength(TextLength).NoControlCharacters().WithName("理由");
    }

    public sealed class CheckPerformanceValidator : AbstractValidator<CheckPerformance>
    {
        public CheckPerformanceValidator()
        {
            RuleFor(x => x.Status).NotNull().WithMessage("请选择履行情况。").IsInEnum().WithMessage("未知的履行情况。");
            RuleFor(x => x.Note).NotEmpty().WithMessage("请填写回访情况。").MaximumLength(TextLength).NoControlCharacters().WithName("回访情况");
        }
    }

    public sealed class CompletePerformanceValidator : AbstractValidator<CompletePerformance>
    {
        public CompletePerformanceValidator() => RuleFor(x => x.Note).MaximumLength(TextLength).NoControlCharacters().WithName("说明");
    }
}
