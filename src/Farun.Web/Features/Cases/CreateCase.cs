using System.Security.Claims;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.LegalAid;
using Farun.Features.Persons;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Persons;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Cases;

/// <summary>
/// POST /api/cases — opens a case of any supported type from any channel, with its applicant (an existing person, or
/// registered inline with duplicate warnings), other parties, an incoming referral and type-specific data under
/// <c>consultation</c>, <c>legalAid</c>, <c>mediation</c>, <c>notarization</c> or <c>complaint</c>. Staff open cases at their service point;
/// a citizen, through the online portal channel and as the applicant themself, asks a legal question or applies for legal
/// aid, people's mediation (at the committee's service point), notarization or a complaint, without the fields only the
/// institution fills (service point, handler, referral, date of receipt, a notifying authority, the answer).
/// </summary>
public static class CreateCase
{
    public sealed record PartyRequest(PartyRole? Role, Guid? PersonId, PersonInput? Person, Guid? OrganisationId, RegisterOrganisation.Request? Organisation);

    public sealed record ReferralRequest(ExternalBody? Body, string? Organisation, string? Reference);

    public sealed record ConsultationRequest(string? Question, LegalDomain? Domain, string? AnswerSummary, string? Citations, int? DurationMinutes);

    public sealed record NoticeRequest(ExternalBody? Authority, string? AuthorityName, string? NoticeNumber, DateOnly? ReceivedOn, NoticeReason? Reason);

    public sealed record LegalAidRequest(
        LegalAidMatter? Matter, string? Description, DateOnly? ReceivedOn, bool HardshipCommitment, bool NoFixedIncome, DateOnly? LimitationDate, NoticeRequest? Notice);

    public sealed record Request(
        CaseType? Type, CaseChannel? Channel, Guid? ServicePointId, PartyRequest? Applicant, IReadOnlyList<PartyRequest>? Parties,
        ReferralRequest? Referral, AssignmentStrategy? Assignment, Guid? AssigneeId, ConsultationRequest? Consultation, LegalAidRequest? LegalAid,
        Farun.Web.Features.Mediation.MediationIntakeRequest? Mediation = null, Farun.Web.Features.Notarization.NotarizationIntakeRequest? Notarization = null,
        Farun.Web.Features.Complaints.ComplaintIntakeRequest? Complaint = null);

    public sealed record Response(CaseDto Case, IReadOnlyList<DuplicateWarning> Warnings);

    private static readonly CaseChannel[] ReferralChannels =
        [CaseChannel.PoliceReferral, CaseChannel.CourtReferral, CaseChannel.PetitionReferral, CaseChannel.Transfer12345, CaseChannel.JudicialNotice];

    /// <summary>Rules of a party; the applicant's role is implied, other parties name theirs.</summary>
    public abstract class PartyRules : AbstractValidator<PartyRequest>
    {
        protected PartyRules(bool roleRequired)
        {
            if (roleRequired)
                RuleFor(x => x.Role).NotNull().WithMessage("请选择当事人角色。").IsInEnum().WithMessage("未知的当事人角色。");
            RuleFor(x => x).Must(x => new object?[] { x.PersonId, x.Person, x.OrganisationId, x.Organisation }.Count(v => v is not null) == 1)
                .WithName("person").WithMessage("请填写一位当事人：已登记人员（personId）、新人员（person）、已登记单位（organisationId）或新单位（organisation）之一。");
            RuleFor(x => x.Person!).SetValidator(new PersonInputValidator()).When(x => x.Person is not null);
            RuleFor(x => x.Organisation!).SetValidator(new RegisterOrganisation.Validator()).When(x => x.Organisation is not null);
        }
    }

    public sealed class ApplicantValidator() : PartyRules(roleRequired: false);

    public sealed class PartyValidator() : PartyRules(roleRequired: true);

    public sealed class ConsultationValidator : AbstractValidator<ConsultationRequest>
    {
        public ConsultationValidator()
        {
            RuleFor(x => x.Question).NotEmpty().WithMessage("请填写咨询问题。")
                .MaximumLength(ConsultationDetails.MaxQuestionLength).WithMessage($"咨询问题不能超过{ConsultationDetails.MaxQuestionLength}个字。")
                .NoControlCharacters().WithName("咨询问题");
            RuleFor(x => x.Domain).NotNull().WithMessage("请选择法律领域。").IsInEnum().WithMessage("未知的法律领域。");
            RuleFor(x => x.AnswerSummary).MaximumLength(ConsultationDetails.MaxAnswerLength).NoControlCharacters().WithName("解答要点");
            RuleFor(x => x.Citations).MaximumLength(CitationLinker.MaxLength).NoControlCharacters().WithName("引用法条");
            RuleFor(x => x.DurationMinutes).InclusiveBetween(0, 600).When(x => x.DurationMinutes is not null).WithMessage("咨询时长须在0到600分钟之间。");
            RuleFor(x => x.AnswerSummary).NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.Citations)).WithMessage("填写引用法条时请同时填写解答要点。");
        }
    }

    public sealed class LegalAidValidator : AbstractValidator<LegalAidRequest>
    {
        public LegalAidValidator()
        {
            RuleFor(x => x.Matter).NotNull().WithMessage("请选择申请事项。").IsInEnum().WithMessage("未知的申请事项。");
            RuleFor(x => x.Description).NotEmpty().WithMessage("请填写案情及申请事项。")
                .MaximumLength(LegalAidDetails.MaxTextLength).WithMessage($"案情不能超过{LegalAidDetails.MaxTextLength}个字。")
                .NoControlCharacters().WithName("案情");
            RuleFor(x => x.LimitationDate).InclusiveBetween(new DateOnly(1950, 1, 1), new DateOnly(2100, 12, 31))
                .When(x => x.LimitationDate is not null).WithMessage("时效或期限届满日期不合理。");
            RuleFor(x => x.ReceivedOn).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31))
                .When(x => x.ReceivedOn is not null).WithMessage("收到申请的日期不合理。");
            When(x => x.Notice is not null, () =>
            {
                RuleFor(x => x.Notice!.Authority).NotNull().WithMessage("请选择通知机关。").IsInEnum().WithMessage("未知的通知机关。");
                RuleFor(x => x.Notice!.AuthorityName).NotEmpty().WithMessage("请填写通知机关名称。").MaximumLength(100).NoControlCharacters().WithName("通知机关名称");
                RuleFor(x => x.Notice!.NoticeNumber).NotEmpty().WithMessage("请填写通知文书编号。").MaximumLength(64).NoControlCharacters().WithName("通知文书编号");
                RuleFor(x => x.Notice!.Reason).NotNull().WithMessage("请选择应当通知辩护的情形。").IsInEnum().WithMessage("未知的通知辩护情形。");
            });
        }
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Type).NotNull().WithMessage("请选择服务事项类型。").IsInEnum().WithMessage("未知的服务事项类型。")
                .Must(t => t is null || !Enum.IsDefined(t.Value) || CaseWorkflow.IsSupported(t.Value)).WithMessage("该服务事项类型尚未开放。");
            RuleFor(x => x.Channel).NotNull().WithMessage("请选择来源渠道。").IsInEnum().WithMessage("未知的来源渠道。");
            RuleFor(x => x.Applicant).NotNull().WithMessage("请填写申请人（咨询人）。");
            RuleFor(x => x.Applicant!).SetValidator(new ApplicantValidator()).When(x => x.Applicant is not null);
            RuleFor(x => x.Parties).Must(p => p is null || p.Count <= 20).WithMessage("当事人不能超过20个。");
            RuleForEach(x => x.Parties).SetValidator(new PartyValidator());
            RuleFor(x => x.Referral).NotNull().When(x => x.Channel is { } c && ReferralChannels.Contains(c) && x.Type != CaseType.Mediation)
                .WithMessage("移送、转办或通知而来的事项须填写移送单位。");
            When(x => x.Referral is not null, () =>
            {
                RuleFor(x => x.Referral!.Body).NotNull().WithMessage("请选择移送单位类别。").IsInEnum().WithMessage("未知的移送单位类别。");
                RuleFor(x => x.Referral!.Organisation).NotEmpty().WithMessage("请填写移送单位。").MaximumLength(100).NoControlCharacters().WithName("移送单位");
                RuleFor(x => x.Referral!.Reference).MaximumLength(64).NoControlCharacters().WithName("移送编号");
            });
            RuleFor(x => x.Assignment).IsInEnum().When(x => x.Assignment is not null).WithMessage("未知的分派方式。");
            RuleFor(x => x.Consultation).NotNull().When(x => x.Type == CaseType.Consultation).WithMessage("请填写咨询内容（consultation）。");
            RuleFor(x => x.Consultation).Null().When(x => x.Type != CaseType.Consultation).WithMessage("只有法律咨询填写 consultation。");
            RuleFor(x => x.Consultation!).SetValidator(new ConsultationValidator()).When(x => x.Consultation is not null);
            RuleFor(x => x.LegalAid).NotNull().When(x => x.Type == CaseType.LegalAid).WithMessage("请填写法律援助申请内容（legalAid）。");
            RuleFor(x => x.LegalAid).Null().When(x => x.Type != CaseType.LegalAid).WithMessage("只有法律援助填写 legalAid。");
            RuleFor(x => x.LegalAid!).SetValidator(new LegalAidValidator()).When(x => x.LegalAid is not null);
            // Mediation: the referral is part of its typed data (station, officer, incident number), at least two parties.
            RuleFor(x => x.Mediation).NotNull().When(x => x.Type == CaseType.Mediation).WithMessage("请填写调解登记内容（mediation）。");
            RuleFor(x => x.Mediation).Null().When(x => x.Type != CaseType.Mediation).WithMessage("只有人民调解填写 mediation。");
            RuleFor(x => x.Mediation!).SetValidator(new Farun.Web.Features.Mediation.MediationIntakeRequest.Validator()).When(x => x.Mediation is not null);
            RuleFor(x => x.Referral).Null().When(x => x.Type == CaseType.Mediation).WithMessage("人民调解的移送信息请填写在 mediation 中（police、referringBody）。");
            RuleFor(x => x.Parties).NotEmpty().When(x => x.Type == CaseType.Mediation).WithMessage("调解须登记对方当事人（parties）。");
            RuleFor(x => x.Notarization).NotNull().When(x => x.Type == CaseType.Notarization).WithMessage("请填写公证申请内容（notarization）。");
            RuleFor(x => x.Notarization).Null().When(x => x.Type != CaseType.Notarization).WithMessage("只有公证填写 notarization。");
            RuleFor(x => x.Complaint).NotNull().When(x => x.Type == CaseType.Complaint).WithMessage("请填写投诉内容（complaint）。");
            RuleFor(x => x.Complaint).Null().When(x => x.Type != CaseType.Complaint).WithMessage("只有投诉填写 complaint。");
            RuleFor(x => x.Complaint!).SetValidator(new Farun.Web.Features.Complaints.ComplaintIntakeRequest.Validator()).When(x => x.Complaint is not null);
            RuleFor(x => x.Notarization!).SetValidator(new Farun.Web.Features.Notarization.NotarizationIntakeRequest.Validator()).When(x => x.Notarization is not null);
            RuleFor(x => x.Applicant!.Organisation).Null().When(x => x.Type == CaseType.LegalAid && x.Applicant is not null)
                .WithMessage("法律援助的申请人须为自然人。");
            RuleFor(x => x.Applicant!.Person!.IdNumber).NotEmpty()
                .When(x => x.Type == CaseType.LegalAid && x.Applicant?.Person is not null)
                .WithMessage("申请法律援助须登记申请人的身份证件号码。");
        }
    }

    /// <summary>Builds and saves cases; shared by the API, the intake pages and the consultation → legal aid conversion.</summary>
    public sealed class Handler(
        FarunDbContext db, CaseAccess access, CaseNumberAllocator numbers, PersonRegistry persons, RegisterOrganisation.Handler organisations,
        CitationLinker citations, CaseAssigner assigner, ServicePointDirectory directory, CaseRules rules, AuditLog audit, TimeProvider time,
        CaseReader reader, Microsoft.Extensions.Options.IOptions<CaseOptions> options, Farun.Web.Features.Mediation.MediationOpener mediation,
        Farun.Web.Features.Complaints.ComplaintOpener complaints, Farun.Web.Features.FollowUps.FollowUpScheduler followUps)
    {
        public async Task<Response> HandleAsync(Request r, ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ScopeAsync(user, ct);
            try
            {
                return await CreateAsync(r, scope, ct);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
            {
                // The reads run before the one short write transaction, so a concurrent request may have registered the same
                // person (unique ID number) in between: once more from the start sees it.
                db.ResetUnitOfWork();
                return await CreateAsync(r, scope, ct);
            }
        }

        /// <summary>A case opened in the unit of work but not saved yet (see <see cref="PrepareAsync"/>).</summary>
        public sealed record Prepared(Case Case, int Year, IReadOnlyList<DuplicateWarning> Warnings, CallerScope Scope);

        /// <summary>Reads and checks everything first, then writes the case, its parties, events, audit entry and counts
        /// in one SaveChanges (one short transaction; on SQLite the only time the write lock is held).</summary>
        private async Task<Response> CreateAsync(Request r, CallerScope scope, CancellationToken ct)
        {
            var prepared = await PrepareAsync(r, scope, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                Abandon(prepared);
                throw;
            }

            return await RespondAsync(prepared, ct);
        }

        /// <summary>Opens the case in this unit of work (the caller saves it, alone or with others: group commit).</summary>
        public async Task<Prepared> PrepareAsync(Request r, ClaimsPrincipal user, CancellationToken ct) =>
            await PrepareAsync(r, await access.ScopeAsync(user, ct), ct);

        /// <summary>A prepared case that will not be saved: its number is issued to the next case instead.</summary>
        public void Abandon(Prepared prepared) => numbers.Return(prepared.Case.Type, prepared.Year, prepared.Case.Number);

        /// <summary>The answer for a saved case, from the saved entity (the caller sees what was just written), not read back.</summary>
        public async Task<Response> RespondAsync(Prepared prepared, CancellationToken ct) =>
            new(await reader.ToDtoAsync(prepared.Case, prepared.Scope, ct, justCreated: true), prepared.Warnings);

        private async Task<Prepared> PrepareAsync(Request r, CallerScope scope, CancellationToken ct)
        {
            var sps = await directory.GetAsync(ct);
            Guid servicePointId;
            if (scope.IsCitizen)
            {
                if (r.Type is not (CaseType.Consultation or CaseType.LegalAid or CaseType.Notarization or CaseType.Complaint or CaseType.Mediation)
                    || r.Channel != CaseChannel.OnlinePortal)
                    throw new ForbiddenException(CitizenTypesMessage);
                CheckCitizenFields(r);
                if (r.Type == CaseType.Mediation && r.Mediation!.Source != Farun.Features.Mediation.MediationSource.PartyApplication)
                    throw BadRequestException.ForField("mediation.source", "网上申请人民调解的来源应为“当事人申请”。");
                // Online applications go to the district's legal-aid institution at the public legal service centre; a
                // mediation request goes to the service point of the committee the citizen applies to.
                servicePointId = r.Type == CaseType.Mediation
                    ? await db.MediationCommittees.Where(m => m.Id == r.Mediation!.CommitteeId).Select(m => (Guid?)m.ServicePointId).FirstOrDefaultAsync(ct)
                        ?? throw BadRequestException.ForField("mediation.committeeId", "未找到该人民调解委员会。")
                    : sps.Root?.Id ?? throw new InvalidOperationException("No district centre is configured.");
            }
            else if (scope.CanWork)
            {
                servicePointId = r.ServicePointId ?? scope.Actor.ServicePointId
                    ?? throw BadRequestException.ForField("servicePointId", "请选择服务点。");
                if (!sps.ById.ContainsKey(servicePointId))
                    throw BadRequestException.ForField("servicePointId", "未找到该服务点。");
                if (!CaseAccess.CanWorkAt(scope, servicePointId))
                    throw new ForbiddenException("只能在本人所在（或管辖）的服务点登记服务事项。");
            }
            else
            {
                throw new ForbiddenException("无权登记服务事项。");
            }

            var warnings = new List<DuplicateWarning>();
            var applicant = await ResolveAsync(r.Applicant!, "applicant", scope, servicePointId, warnings, ct);
            if (scope.IsCitizen)
                CheckCitizenIsApplicant(scope, applicant);
            var ctx = new CaseContext(scope.Actor, time.GetUtcNow(), WorkingDayCalendar.China, rules);
            var number = await numbers.NextAsync(r.Type!.Value, ctx.Today.Year, ct);
            Case c;
            try
            {
                c = await CaseErrors.RunAsync(async () => r.Type switch
                {
                    CaseType.Consultation => Case.OpenConsultation(ctx, number, r.Channel!.Value, servicePointId, await IntakeAsync(r.Consultation!, ct),
                        r.AssigneeId is null && r.Assignment is null ? SelfHandler(scope, servicePointId) : null),
                    CaseType.Mediation => await mediation.OpenAsync(r.Mediation!, ctx, number, r.Channel!.Value, servicePointId, ct),
                    CaseType.Complaint => await complaints.OpenAsync(r.Complaint!, ctx, number, r.Channel!.Value, servicePointId, ct),
                    CaseType.Notarization => Case.OpenNotarization(ctx, number, r.Channel!.Value, servicePointId, r.Notarization!.ToIntake()),
                    _ => Case.OpenLegalAid(ctx, number, r.Channel!.Value, servicePointId, Application(r.LegalAid!, ctx.Today, GroupsOf(applicant))),
                });
                CaseErrors.Run(() => AddParty(c, PartyRole.Applicant, applicant));
                foreach (var (p, i) in (r.Parties ?? []).Select((p, i) => (p, i)))
                {
                    var party = await ResolveAsync(p, $"parties[{i}]", scope, servicePointId, warnings, ct);
                    CaseErrors.Run(() => AddParty(c, p.Role!.Value, party));
                }

                if (r.Referral is { } referral)
                    CaseErrors.Run(() => c.RecordReferralIn(ctx, referral.Body!.Value, referral.Organisation!, referral.Reference));
                await AssignNewAsync(c, ctx, scope, r.Assignment, r.AssigneeId, ct);
                db.Cases.Add(c);
                await followUps.OnChangedAsync(c, wasOpen: true, ctx, ct);
                audit.Record("case.create", "Case", c.Id, new { c.Number, type = c.Type.ToString(), channel = c.Channel.ToString(), state = c.State.ToString() });
            }
            catch
            {
                // Not opened: the number is issued to the next case instead.
                numbers.Return(r.Type!.Value, ctx.Today.Year, number);
                throw;
            }

            return new Prepared(c, ctx.Today.Year, warnings, scope);
        }

        /// <summary>Opens the legal-aid case a consultation turns into (same channel and service point; parties come with the conversion).</summary>
        public async Task<Case> OpenConvertedLegalAidAsync(Case consultation, LegalAidRequest r, CaseContext ctx, CancellationToken ct)
        {
            var applicantId = consultation.Parties.FirstOrDefault(p => p.Role == PartyRole.Applicant)?.PersonId
                ?? throw BadRequestException.ForField("applicant", "该咨询没有登记咨询人，不能转为法律援助。");
            var applicant = await db.Persons.FirstAsync(p => p.Id == applicantId, ct);
            if (applicant.IdNumberIndex is null)
                throw BadRequestException.ForField("applicant", "申请法律援助须登记申请人的身份证件号码：请先在人员信息中补充证件号码。");
            var number = await numbers.NextAsync(CaseType.LegalAid, ctx.Today.Year, ct);
            var c = CaseErrors.Run(() => Case.OpenLegalAid(ctx, number, consultation.Channel, consultation.ServicePointId, Application(r, ctx.Today, applicant.Groups)));
            await AssignNewAsync(c, ctx, null, null, null, ct);
            db.Cases.Add(c);
            return c;
        }

        private async Task<ConsultationIntake> IntakeAsync(ConsultationRequest r, CancellationToken ct)
        {
            ConsultationAnswer? answer = null;
            if (!string.IsNullOrWhiteSpace(r.AnswerSummary))
                answer = new ConsultationAnswer(r.AnswerSummary, await citations.LinkAsync(r.Citations, "consultation.citations", ct), r.DurationMinutes);
            return new ConsultationIntake(r.Question!, r.Domain!.Value, answer);
        }

        private static LegalAidApplication Application(LegalAidRequest r, DateOnly today, SpecialGroups groups) =>
            new(r.Matter!.Value, r.Description!, r.ReceivedOn ?? today, r.HardshipCommitment, r.NoFixedIncome, r.LimitationDate,
                r.Notice is { } n ? new LegalAidNotice(n.Authority!.Value, n.AuthorityName!, n.NoticeNumber!, n.ReceivedOn ?? today, n.Reason!.Value) : null,
                groups);

        private static SpecialGroups GroupsOf(object party) => party is Person p ? p.Groups : SpecialGroups.None;

        private static void AddParty(Case c, PartyRole role, object party)
        {
            if (party is Person p)
                c.AddParty(role, p);
            else
                c.AddParty(role, (Organisation)party);
        }

        private async Task<object> ResolveAsync(PartyRequest p, string field, CallerScope scope, Guid servicePointId, List<DuplicateWarning> warnings, CancellationToken ct)
        {
            if (p.PersonId is { } personId)
            {
                return await db.Persons.FirstOrDefaultAsync(x => x.Id == personId, ct)
                    ?? throw BadRequestException.ForField($"{field}.personId", "未找到该人员。");
            }

            if (p.OrganisationId is { } orgId)
            {
                return await db.Organisations.FirstOrDefaultAsync(x => x.Id == orgId, ct)
                    ?? throw BadRequestException.ForField($"{field}.organisationId", "未找到该单位。");
            }

            if (p.Organisation is { } org)
                return (await organisations.ResolveAsync(org, ct)).Organisation;

            var result = await persons.RegisterAsync(p.Person!, scope.IsCitizen ? null : scope.UserId, servicePointId, ct);
            warnings.AddRange(result.Warnings);
            if (!result.Existing)
                audit.Record("person.register", "Person", result.Person.Id, new { via = "case" });
            return result.Person;
        }

        public const string CitizenTypesMessage =
            "市民可在网上（来源渠道为网上申请）提出法律咨询、申请法律援助、申请人民调解、预约公证、提出投诉；其他事项请拨打12348或到服务点办理。";

        /// <summary>Fields the institution fills, never the applicant: 400 naming each one a citizen sent.</summary>
        private static void CheckCitizenFields(Request r)
        {
            var errors = new Dictionary<string, string[]>();
            void Refuse(bool sent, string field, string message)
            {
                if (sent)
                    errors[field] = [message];
            }

            Refuse(r.ServicePointId is not null, "servicePointId", "网上申请由受理机构确定服务点，请不要填写服务点。");
            Refuse(r.Assignment is not null, "assignment", "网上申请由受理机构分派，请不要填写分派方式。");
            Refuse(r.AssigneeId is not null, "assigneeId", "网上申请由受理机构分派，请不要指定承办人。");
            Refuse(r.Referral is not null, "referral", "移送信息由受理机构登记，网上申请不能填写。");
            Refuse(r.LegalAid?.ReceivedOn is not null, "legalAid.receivedOn", "收到申请的日期由系统记录，网上申请不能填写。");
            Refuse(r.LegalAid?.Notice is not null, "legalAid.notice", "通知辩护由公安机关、人民检察院、人民法院通知法律援助机构，网上申请不能填写。");
            Refuse(!string.IsNullOrWhiteSpace(r.Consultation?.AnswerSummary), "consultation.answerSummary", "解答由工作人员填写，网上咨询只需填写问题和法律领域。");
            Refuse(!string.IsNullOrWhiteSpace(r.Consultation?.Citations), "consultation.citations", "引用法条由工作人员填写，网上咨询只需填写问题和法律领域。");
            Refuse(r.Consultation?.DurationMinutes is not null, "consultation.durationMinutes", "咨询时长由工作人员填写，网上咨询只需填写问题和法律领域。");
            // Registered persons and organisations are the institution's records: a citizen names parties by their details.
            const string ById = "网上申请请直接填写当事人的姓名（名称）等信息，不能引用已登记的人员或单位。";
            Refuse(r.Applicant?.PersonId is not null, "applicant.personId", ById);
            Refuse(r.Applicant?.OrganisationId is not null, "applicant.organisationId", ById);
            foreach (var (p, i) in (r.Parties ?? []).Select((p, i) => (p, i)))
            {
                Refuse(p.PersonId is not null, $"parties[{i}].personId", ById);
                Refuse(p.OrganisationId is not null, $"parties[{i}].organisationId", ById);
            }

            if (errors.Count > 0)
                throw new BadRequestException("网上申请包含只能由受理机构填写的内容。", errors);
        }

        private void CheckCitizenIsApplicant(CallerScope scope, object applicant)
        {
            if (applicant is not Person person || scope.PhoneHash is null || person.PhoneIndex != scope.PhoneHash)
                throw BadRequestException.ForField("applicant.person.phone", "网上申请的申请人手机号须与登录手机号一致。");
        }

        /// <summary>A consultation is normally handled by whoever takes the call or receives the visitor.</summary>
        private static CaseHandler? SelfHandler(CallerScope scope, Guid servicePointId) =>
            scope is { CanWork: true, UserId: { } me } && ConsultationWorkflow.Instance.HandlerRoles.Overlaps(scope.Actor.Roles) && scope.Actor.ServicePointId == servicePointId
                ? new CaseHandler(me, scope.Actor.Name, "登记人自行办理")
                : null;

        private async Task AssignNewAsync(Case c, CaseContext ctx, CallerScope? scope, AssignmentStrategy? strategy, Guid? assigneeId, CancellationToken ct)
        {
            if (assigneeId is { } id)
            {
                var (uid, name) = await assigner.CheckAssigneeAsync(c, id, "assigneeId", ct);
                c.Assign(ctx, uid, name, "登记时指定");
                return;
            }

            var chosen = strategy ?? (c.Type == CaseType.LegalAid ? options.Value.LegalAidAssignment : AssignmentStrategy.Queue);
            if (chosen is AssignmentStrategy.RoundRobin or AssignmentStrategy.LeastLoaded && c.IsOpen && c.AssigneeId is null)
            {
                var pick = await assigner.PickAsync(c.ServicePointId, c.Type, chosen, ct);
                if (pick is not null)
                    c.Assign(ctx, pick.UserId, pick.Name, chosen.DisplayName());
            }
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/cases", async Task<Created<Response>> (Request request, CaseCreationBatcher batcher, HttpContext http, CancellationToken ct) =>
            {
                var response = await batcher.CreateAsync(request, http, ct);
                return TypedResults.Created($"/api/cases/{response.Case.Id}", response);
            })
            .Validate<Request>()
            .WithName("CreateCase")
            .WithSummary("登记服务事项（法律咨询、法律援助）")
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

/// <summary>Turns the domain's rule and field errors into the web's 409 and 400 problems.</summary>
public static class CaseErrors
{
    public static T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (CaseFieldException e)
        {
            throw BadRequestException.ForField(e.Field, e.Message);
        }
        catch (CaseRuleException e)
        {
            throw new ConflictException(e.Message, e.AllowedActions);
        }
    }

    public static void Run(Action action) => Run(() =>
    {
        action();
        return true;
    });

    public static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (CaseFieldException e)
        {
            throw BadRequestException.ForField(e.Field, e.Message);
        }
        catch (CaseRuleException e)
        {
            throw new ConflictException(e.Message, e.AllowedActions);
        }
    }
}
