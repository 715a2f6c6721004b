using Farun.Common.Validation;
using Farun.Data;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Guides.Engine;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides.Apply;

/// <summary>
/// POST /api/guides/sessions/{code}/apply — the one online step at the end of a guide: the outcome's application
/// (legal aid, mediation or a notarization appointment), pre-filled from the answers, with the applicant's name and
/// phone, handed to <see cref="IGuideApplicationSink"/>. An interview applies once: a second submission returns the
/// first receipt. The claim on the session is taken in the database, so two nodes cannot both submit.
/// </summary>
public static class ApplyFromGuide
{
    public const int MaxSummary = 1000;

    /// <summary>The applicant; <paramref name="IdNumber"/> (居民身份证) is required for legal aid, whose applicants the
    /// legal-aid institution must identify. For mediation, <paramref name="OtherParty"/> names the other side when the
    /// guide did not ask, and <paramref name="CommitteeId"/> picks the committee; for notarization, <paramref name="SlotId"/>
    /// books one of the free slots the page offers (a home visit with the <paramref name="Address"/> to come to), and
    /// <paramref name="Materials"/> lists the materials submitted online for the notary's pre-review.</summary>
    public sealed record Request(string? Name, string? Phone, string? Summary, bool? Consent, string? IdNumber = null,
        string? OtherParty = null, Guid? CommitteeId = null, Guid? SlotId = null, string? Address = null, string? Materials = null);

    public sealed record Receipt(string ReferenceNumber, string Url, bool AlreadySubmitted, DateTimeOffset SubmittedAt);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写申请人姓名。").MaximumLength(50).WithMessage("姓名不能超过50个字。")
                .NoControlCharacters().WithName("姓名");
            RuleFor(x => x.Phone).NotEmpty().WithMessage("请填写联系电话。")
                .Must(p => p is null || PhoneNumber.TryNormalize(p, out var phone, out _) && phone.Kind != PhoneNumberKind.ServiceNumber)
                .WithMessage("请填写正确的手机号码或固定电话（固定电话请带区号）。");
            RuleFor(x => x.Summary).MaximumLength(MaxSummary).WithMessage($"情况说明不能超过{MaxSummary}个字。").NoControlCharacters().WithName("情况说明");
            RuleFor(x => x.Consent).Equal(true).WithMessage("请确认所填信息真实，并同意提交给办理机构。");
            RuleFor(x => x.OtherParty).MaximumLength(50).WithMessage("对方当事人不能超过50个字。").NoControlCharacters().WithName("对方当事人");
            RuleFor(x => x.Materials).MaximumLength(MaxSummary).WithMessage($"材料说明不能超过{MaxSummary}个字。").NoControlCharacters().WithName("材料");
            RuleFor(x => x.Address).MaximumLength(200).WithMessage("地址不能超过200个字。").NoControlCharacters().WithName("地址");
            RuleFor(x => x.IdNumber).Must(n => string.IsNullOrWhiteSpace(n) || IdDocument.Validate(IdDocumentType.ResidentIdCard, n).IsValid)
                .WithMessage(x => IdDocument.Validate(IdDocumentType.ResidentIdCard, x.IdNumber).Error ?? "身份证号码有误。");
        }
    }

    /// <summary>A finished interview whose outcome offers an application, with the pre-filled fields.</summary>
    public sealed record Prepared(Interview Interview, RenderedAction Action, bool Available);

    public sealed class Handler(GuideInterviews interviews, IGuideApplicationSink sink, FarunDbContext db, TimeProvider time, AuditLog audit)
    {
        public async Task<Prepared> PrepareAsync(string code, CancellationToken ct)
        {
            var interview = await interviews.LoadAsync(code, ct) ?? throw new NotFoundException("续填码不正确或已过期（续填码保存30天）。");
            if (!interview.Run.IsFinished)
                throw new ConflictException("问卷还没有答完，答完后才能在线申请。");
            var action = OutcomeRenderer.Render(interview.Run).Action ?? throw new ConflictException("这个结果没有可以在线办理的申请。");
            return new Prepared(interview, action, sink.Accepts(action.Kind));
        }

        public async Task<Receipt> SubmitAsync(string code, Request r, CancellationToken ct)
        {
            var (interview, action, available) = await PrepareAsync(code, ct);
            var session = interview.Session;
            if (session.ApplicationReference is { } existing)
                return new Receipt(existing, session.ApplicationUrl ?? "", true, session.AppliedAt ?? session.UpdatedAt);
            if (!available)
                throw new ConflictException("在线申请暂未开通，请带上材料到办理地点申请。");

            var form = ApplicationForms.For(action.Kind);
            var fields = new Dictionary<string, object?>(action.Values, StringComparer.Ordinal);
            if (!string.IsNullOrWhiteSpace(r.Summary) && form.Field("summary") is not null)
                fields["summary"] = r.Summary.Trim();
            if (!string.IsNullOrWhiteSpace(r.OtherParty) && form.Field("other_party") is not null)
                fields["other_party"] = r.OtherParty.Trim();
            foreach (var missing in form.Fields.Where(f => f.Required && fields.GetValueOrDefault(f.Name) is null or string { Length: 0 }))
                throw BadRequestException.ForField(missing.Name, $"请填写{missing.Label}。");
            if (action.Kind == ApplicationKind.LegalAid && string.IsNullOrWhiteSpace(r.IdNumber))
                throw BadRequestException.ForField("idNumber", "申请法律援助需要填写申请人的身份证号码。");

            // Claim the session for this submission; a concurrent one (another tab, another node) finds it taken.
            var now = time.GetUtcNow();
            var claimed = await db.GuideSessions.Where(s => s.Code == session.Code && s.AppliedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.AppliedAt, now), ct);
            if (claimed == 0)
                throw new ConflictException("这份问卷的申请正在提交或已经提交，请稍后刷新页面查看。");

            GuideApplicationReceipt receipt;
            try
            {
                PhoneNumber.TryNormalize(r.Phone, out var phone, out _);
                receipt = await sink.SubmitAsync(new GuideApplication(action.Kind, interview.Guide.Id, interview.Guide.Version,
                    interview.Run.Outcome!.Id, session.Code, fields,
                    new ApplicantContact(r.Name!.Trim(), phone!.Canonical, string.IsNullOrWhiteSpace(r.IdNumber) ? null : IdDocument.Normalize(IdDocumentType.ResidentIdCard, r.IdNumber)),
                    r.CommitteeId, r.SlotId, string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim(),
                    string.IsNullOrWhiteSpace(r.Materials) ? null : r.Materials.Trim()), ct);
            }
            catch
            {
                await db.GuideSessions.Where(s => s.Code == session.Code).ExecuteUpdateAsync(u => u.SetProperty(s => s.AppliedAt, (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }

            await db.GuideSessions.Where(s => s.Code == session.Code).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ApplicationReference, receipt.ReferenceNumber)
                .SetProperty(s => s.ApplicationUrl, receipt.Url), ct);
            audit.Record("guide.apply", "GuideApplication", receipt.ReferenceNumber, new
            {
                guide = interview.Guide.Id,
                version = interview.Guide.Version,
                outcome = interview.Run.Outcome!.Id,
                kind = form.Code,
            });
            await db.SaveChangesAsync(ct);
            return new Receipt(receipt.ReferenceNumber, receipt.Url, false, now);
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapPost("/guides/sessions/{code}/apply", async Task<Results<Created<Receipt>, Ok<Receipt>>> (string code, Request request, Handler h, CancellationToken ct) =>
            {
                var receipt = await h.SubmitAsync(code, request, ct);
                return receipt.AlreadySubmitted ? TypedResults.Ok(receipt) : TypedResults.Created(receipt.Url, receipt);
            })
            .Validate<Request>()
            .WithName("ApplyFromGuide")
            .WithSummary("按问卷结果在线申请（法律援助、人民调解或公证预约），每份问卷只能提交一次")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
