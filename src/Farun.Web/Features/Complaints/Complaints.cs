using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Complaints;
using Farun.Features.Identity;
using Farun.Features.Services;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Complaints;

/// <summary>The person complained about: a lawyer (lawyerId), a mediator (mediatorId), or a notary or staff member (userId).</summary>
public sealed record ComplaintSubjectRequest(ComplaintSubjectKind? Kind, Guid? LawyerId, Guid? MediatorId, Guid? UserId);

/// <summary>The <c>complaint</c> object of <c>POST /api/cases</c> with type Complaint.</summary>
public sealed record ComplaintIntakeRequest(ComplaintKind? Kind, ComplaintSubjectRequest? Subject, string? Content, string? Demand, IReadOnlyList<Guid>? CaseIds)
{
    public sealed class Validator : AbstractValidator<ComplaintIntakeRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).IsInEnum().When(x => x.Kind is not null).WithMessage("未知的类别（投诉或信访）。");
            RuleFor(x => x.Subject).NotNull().WithMessage("请选择被投诉人。");
            RuleFor(x => x.Subject!.Kind).NotNull().WithMessage("请选择被投诉人类别（律师、公证员、人民调解员、工作人员）。")
                .IsInEnum().WithMessage("未知的被投诉人类别。").When(x => x.Subject is not null);
            RuleFor(x => x.Subject!.LawyerId).NotNull().When(x => x.Subject is { Kind: ComplaintSubjectKind.Lawyer }).WithMessage("请选择被投诉的律师。");
            RuleFor(x => x.Subject!.MediatorId).NotNull().When(x => x.Subject is { Kind: ComplaintSubjectKind.Mediator }).WithMessage("请选择被投诉的人民调解员。");
            RuleFor(x => x.Subject!.UserId).NotNull().When(x => x.Subject is { Kind: ComplaintSubjectKind.Notary or ComplaintSubjectKind.Staff })
                .WithMessage("请选择被投诉的公证员或工作人员。");
            RuleFor(x => x.Content).NotEmpty().WithMessage("请填写投诉内容。").MaximumLength(ComplaintDetails.MaxTextLength).NoControlCharacters().WithName("投诉内容");
            RuleFor(x => x.Demand).MaximumLength(ComplaintDetails.MaxTextLength).NoControlCharacters().WithName("投诉请求");
            RuleFor(x => x.CaseIds).Must(ids => ids is null || ids.Count <= 20).WithMessage("一次最多关联20件服务事项。");
        }
    }
}

public sealed record ComplaintDto(
    ComplaintKind Kind, string KindName, ComplaintSubjectKind SubjectKind, string SubjectKindName, string SubjectName, string Content, string? Demand,
    string? InvestigationNote, ComplaintOutcome? Outcome, string? OutcomeName, string? Reply, string? Measures, DateOnly? RepliedOn, string? RepliedByName);

/// <summary>The fields of the complaint actions of <c>POST /api/cases/{id}/actions/{action}</c>.</summary>
public static class ComplaintActionRequests
{
    public sealed record Investigate(string? Note);

    public sealed record ReplyComplaint(ComplaintOutcome? Outcome, string? Reply, string? Measures);

    public sealed class InvestigateValidator : AbstractValidator<Investigate>
    {
        public InvestigateValidator() =>
            RuleFor(x => x.Note).NotEmpty().WithMessage("请填写核查安排（如调取案卷、询问被投诉人）。").MaximumLength(ComplaintDetails.MaxTextLength).NoControlCharacters().WithName("核查安排");
    }

    public sealed class ReplyValidator : AbstractValidator<ReplyComplaint>
    {
        public ReplyValidator()
        {
            RuleFor(x => x.Outcome).NotNull().WithMessage("请选择核查结论：属实、部分属实或不属实。").IsInEnum().WithMessage("未知的核查结论。");
            RuleFor(x => x.Reply).NotEmpty().WithMessage("请填写答复投诉人的内容。").MaximumLength(ComplaintDetails.MaxTextLength).NoControlCharacters().WithName("答复内容");
            RuleFor(x => x.Measures).MaximumLength(ComplaintDetails.MaxTextLength).NoControlCharacters().WithName("处理措施");
        }
    }
}

/// <summary>The complaint actions as the case API runs them, and the DTO mapping.</summary>
public static class ComplaintActions
{
    public static readonly IReadOnlyList<CaseActionService.ExternalAction> All =
    [
        Mediation.MediationActions.Action<ComplaintActionRequests.Investigate>(ServiceActions.Investigate, (s, r, _) =>
        {
            s.Case.InvestigateComplaint(s.Ctx, r.Note!);
            return Task.CompletedTask;
        }),
        Mediation.MediationActions.Action<ComplaintActionRequests.ReplyComplaint>(ServiceActions.ReplyComplaint, (s, r, _) =>
        {
            s.Case.ReplyComplaint(s.Ctx, r.Outcome!.Value, r.Reply!, r.Measures);
            return Task.CompletedTask;
        }),
    ];

    public static ComplaintDto ToDto(ComplaintDetails d) =>
        new(d.Kind, d.Kind.DisplayName(), d.SubjectKind, d.SubjectKind.DisplayName(), d.SubjectName, d.Content, d.Demand,
            d.InvestigationNote, d.Outcome, d.Outcome?.DisplayName(), d.Reply, d.Measures, d.RepliedOn, d.RepliedByName);
}

/// <summary>Builds the complaint part of a new case: resolves the subject from the registries or accounts and checks that
/// every linked case is one the subject handled.</summary>
public sealed class ComplaintOpener(FarunDbContext db, ServiceRules rules)
{
    public async Task<Case> OpenAsync(ComplaintIntakeRequest r, CaseContext ctx, string number, CaseChannel channel, Guid servicePointId, CancellationToken ct)
    {
        var subject = await ResolveAsync(r.Subject!, ct);
        var about = new List<Case>();
        foreach (var (caseId, i) in (r.CaseIds ?? []).Distinct().Select((x, i) => (x, i)))
        {
            var c = await SubjectCases(subject).FirstOrDefaultAsync(x => x.Id == caseId, ct)
                ?? throw BadRequestException.ForField($"complaint.caseIds[{i}]", $"该服务事项不是{subject.Kind.DisplayName()}{subject.Name}承办的事项。");
            about.Add(c);
        }

        var intake = new ComplaintIntake(r.Kind ?? (channel == CaseChannel.PetitionReferral ? ComplaintKind.Petition : ComplaintKind.Complaint), subject, r.Content!, r.Demand);
        return CaseErrors.Run(() => Case.OpenComplaint(ctx, number, channel, servicePointId, intake, about, rules));
    }

    /// <summary>The cases the subject handled: as the handler or case lawyer (their account), as the legal-aid lawyer or as the mediator.</summary>
    public IQueryable<Case> SubjectCases(ComplaintSubject s)
    {
        var userId = s.UserId;
        var registryId = s.RegistryId;
        var q = db.Cases.AsNoTracking().Where(c => c.Type != CaseType.Complaint);
        return s.Kind switch
        {
            ComplaintSubjectKind.Lawyer => q.Where(c => (userId != null && (c.AssigneeId == userId || c.LawyerUserId == userId))
                || db.LegalAidDetails.Any(d => d.CaseId == c.Id && d.LawyerId == registryId)),
            ComplaintSubjectKind.Mediator => q.Where(c => db.MediationDetails.Any(d => d.CaseId == c.Id && d.MediatorId == registryId)),
            _ => q.Where(c => c.AssigneeId == userId || c.LawyerUserId == userId),
        };
    }

    public async Task<ComplaintSubject> ResolveAsync(ComplaintSubjectRequest s, CancellationToken ct)
    {
        switch (s.Kind!.Value)
        {
            case ComplaintSubjectKind.Lawyer:
                var lawyer = await db.Lawyers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == s.LawyerId, ct)
                    ?? throw BadRequestException.ForField("complaint.subject.lawyerId", "未找到该律师。");
                return new ComplaintSubject(ComplaintSubjectKind.Lawyer, lawyer.UserId, lawyer.Id, lawyer.Name);
            case ComplaintSubjectKind.Mediator:
                var mediator = await db.Mediators.AsNoTracking().FirstOrDefaultAsync(m => m.Id == s.MediatorId, ct)
                    ?? throw BadRequestException.ForField("complaint.subject.mediatorId", "未找到该人民调解员。");
                return new ComplaintSubject(ComplaintSubjectKind.Mediator, mediator.UserId, mediator.Id, mediator.Name);
            default:
                var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == s.UserId, ct)
                    ?? throw BadRequestException.ForField("complaint.subject.userId", "未找到该工作人员。");
                if (s.Kind == ComplaintSubjectKind.Notary)
                {
                    var notaryRole = await db.Roles.AsNoTracking().Where(x => x.Name == Roles.Notary).Select(x => x.Id).FirstOrDefaultAsync(ct);
                    if (!await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == notaryRole, ct))
                        throw BadRequestException.ForField("complaint.subject.userId", $"{user.FullName}不是公证员。");
                }

                return new ComplaintSubject(s.Kind.Value, user.Id, null, user.FullName);
        }
    }
}
