using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Features.Lawyers;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Lawyers;

public sealed record LawFirmDto(Guid Id, string Name, string CreditCode, string? Address);

public sealed record LawyerDto(
    Guid Id, string Name, string LicenceNumber, Guid FirmId, string FirmName, int PractisingSince, IReadOnlyList<LegalDomain> Specialties,
    string SpecialtyNames, bool IsActive, Guid? UserId, int OpenCases);

/// <summary>A lawyer offered for a legal-aid case, with their load and what the conflict check found.</summary>
public sealed record LawyerCandidate(LawyerDto Lawyer, bool SpecialtyMatches, IReadOnlyList<ConflictHit> Conflicts, bool Blocked);

/// <summary>The lawyer registry: GET/POST /api/lawyers, GET/POST /api/law-firms, GET /api/cases/{id}/lawyer-candidates.</summary>
public static class LawyerEndpoints
{
    public sealed record LawyerRequest(string? Name, string? LicenceNumber, Guid? FirmId, int? PractisingSince, IReadOnlyList<LegalDomain>? Specialties, string? UserName);

    public sealed record FirmRequest(string? Name, string? CreditCode, string? Address);

    public sealed record ListRequest(LegalDomain? Specialty, string? Q, bool? Active);

    public sealed class LawyerValidator : AbstractValidator<LawyerRequest>
    {
        public LawyerValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写律师姓名。").MaximumLength(50).NoControlCharacters().WithName("律师姓名");
            RuleFor(x => x.LicenceNumber).Must(LicenceNumbers.IsValid).WithMessage(LicenceNumbers.Error);
            RuleFor(x => x.FirmId).NotNull().WithMessage("请选择律师事务所。");
            RuleFor(x => x.PractisingSince).NotNull().WithMessage("请填写执业起始年份。")
                .InclusiveBetween(1980, Farun.Common.Calendar.ChinaTime.Today().Year).WithMessage("执业起始年份不合理。");
            RuleForEach(x => x.Specialties).IsInEnum().WithMessage("未知的专业领域。");
            RuleFor(x => x.UserName).MaximumLength(64).NoControlCharacters().WithName("账号");
        }
    }

    public sealed class FirmValidator : AbstractValidator<FirmRequest>
    {
        public FirmValidator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写律师事务所名称。").MaximumLength(200).NoControlCharacters().WithName("名称");
            RuleFor(x => x.CreditCode).Custom((code, ctx) =>
            {
                if (!UnifiedSocialCreditCode.TryParse(code, out _, out var error))
                    ctx.AddFailure(error);
            });
            RuleFor(x => x.Address).MaximumLength(200).NoControlCharacters().WithName("地址");
        }
    }

    public sealed class ListValidator : AbstractValidator<ListRequest>
    {
        public ListValidator()
        {
            RuleFor(x => x.Specialty).IsInEnum().When(x => x.Specialty is not null).WithMessage("未知的专业领域。");
            RuleFor(x => x.Q).MaximumLength(50).NoControlCharacters().WithName("关键词");
        }
    }

    public sealed class Handler(FarunDbContext db, AuditLog audit, TimeProvider time, LawyerConflicts conflicts, CaseReader reader, CaseAccess access)
    {
        /// <summary>Open legal-aid cases per lawyer (assigned and not yet closed).</summary>
        private async Task<Dictionary<Guid, int>> LoadsAsync(CancellationToken ct) =>
            await db.LegalAidDetails.AsNoTracking()
                .Where(d => d.LawyerId != null && db.Cases.Any(c => c.Id == d.CaseId && c.IsOpen))
                .GroupBy(d => d.LawyerId!.Value).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        public async Task<IReadOnlyList<LawyerDto>> ListAsync(ListRequest r, CancellationToken ct)
        {
            var q = db.Lawyers.AsNoTracking();
            if (r.Active is { } active)
                q = q.Where(l => l.IsActive == active);
            if (r.Specialty is { } s)
            {
                var name = s.ToString();
                q = q.Where(l => ("," + l.Specialties + ",").Contains("," + name + ","));
            }

            if (!string.IsNullOrWhiteSpace(r.Q))
            {
                var term = r.Q.Trim();
                q = q.Where(l => l.Name.Contains(term) || l.LicenceNumber == term);
            }

            var lawyers = await q.OrderBy(l => l.Name).Take(500).ToListAsync(ct);
            return await ToDtosAsync(lawyers, ct);
        }

        private async Task<IReadOnlyList<LawyerDto>> ToDtosAsync(IReadOnlyList<Lawyer> lawyers, CancellationToken ct)
        {
            var firmIds = lawyers.Select(l => l.FirmId).Distinct().ToList();
            var firms = await db.LawFirms.AsNoTracking().Where(f => firmIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
            var loads = await LoadsAsync(ct);
            return [.. lawyers.Select(l => new LawyerDto(l.Id, l.Name, l.LicenceNumber, l.FirmId, firms.GetValueOrDefault(l.FirmId) ?? "", l.PractisingSince,
                l.SpecialtyList, string.Join("、", l.SpecialtyList.Select(d => d.DisplayName())), l.IsActive, l.UserId, loads.GetValueOrDefault(l.Id)))];
        }

        public async Task<LawyerDto> CreateAsync(LawyerRequest r, CancellationToken ct)
        {
            var firm = await db.LawFirms.FirstOrDefaultAsync(f => f.Id == r.FirmId, ct)
                ?? throw BadRequestException.ForField("firmId", "未找到该律师事务所。");
            if (await db.Lawyers.AnyAsync(l => l.LicenceNumber == r.LicenceNumber!.Trim(), ct))
                throw BadRequestException.ForField("licenceNumber", "该执业证号已登记。");
            var lawyer = new Lawyer(r.Name!, r.LicenceNumber!, firm, r.PractisingSince!.Value, r.Specialties ?? [], time.GetUtcNow());
            if (!string.IsNullOrWhiteSpace(r.UserName))
            {
                var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == r.UserName.Trim().ToUpperInvariant(), ct)
                    ?? throw BadRequestException.ForField("userName", "未找到该账号。");
                if (await db.Lawyers.AnyAsync(l => l.UserId == user.Id, ct))
                    throw BadRequestException.ForField("userName", "该账号已关联其他律师。");
                lawyer.UserId = user.Id;
            }

            db.Lawyers.Add(lawyer);
            audit.Record("lawyer.register", "Lawyer", lawyer.Id, new { lawyer.Name, lawyer.LicenceNumber, firm = firm.Name });
            await db.SaveChangesAsync(ct);
            return (await ToDtosAsync([lawyer], ct))[0];
        }

        public async Task<IReadOnlyList<LawFirmDto>> FirmsAsync(CancellationToken ct) =>
            await db.LawFirms.AsNoTracking().OrderBy(f => f.Name).Select(f => new LawFirmDto(f.Id, f.Name, f.CreditCode, f.Address)).ToListAsync(ct);

        public async Task<LawFirmDto> CreateFirmAsync(FirmRequest r, CancellationToken ct)
        {
            var code = UnifiedSocialCreditCode.Parse(r.CreditCode);
            if (await db.LawFirms.AnyAsync(f => f.CreditCode == code.Code, ct))
                throw BadRequestException.ForField("creditCode", "该统一社会信用代码已登记。");
            var firm = new LawFirm(r.Name!, code, time.GetUtcNow()) { Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim() };
            db.LawFirms.Add(firm);
            audit.Record("lawfirm.register", "LawFirm", firm.Id, new { firm.Name });
            await db.SaveChangesAsync(ct);
            return new LawFirmDto(firm.Id, firm.Name, firm.CreditCode, firm.Address);
        }

        /// <summary>Active lawyers for a legal-aid case: specialty match first, then the lightest load; with conflicts.</summary>
        public async Task<IReadOnlyList<LawyerCandidate>> CandidatesAsync(Guid caseId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ScopeAsync(user, ct);
            var dto = await reader.ReadAsync(caseId, scope, ct);
            if (dto.Type != CaseType.LegalAid)
                throw new BadRequestException("只有法律援助事项需要指派律师。");
            var lawyers = await db.Lawyers.AsNoTracking().Where(l => l.IsActive).ToListAsync(ct);
            var found = await conflicts.CheckAsync(caseId, lawyers, ct);
            var dtos = await ToDtosAsync(lawyers, ct);
            var wanted = DomainFor(dto.LegalAid!.Matter);
            return [.. dtos.Select(l => new LawyerCandidate(l, l.Specialties.Contains(wanted), found[l.Id], found[l.Id].Any(h => h.Strength == ConflictStrength.Definite)))
                .OrderBy(c => c.Blocked).ThenByDescending(c => c.SpecialtyMatches).ThenBy(c => c.Lawyer.OpenCases).ThenBy(c => c.Lawyer.Name, StringComparer.Ordinal)];
        }

        private static LegalDomain DomainFor(Farun.Features.LegalAid.LegalAidMatter m) => m switch
        {
            Farun.Features.LegalAid.LegalAidMatter.LabourRelation or Farun.Features.LegalAid.LegalAidMatter.LabourRemuneration
                or Farun.Features.LegalAid.LegalAidMatter.WorkInjury or Farun.Features.LegalAid.LegalAidMatter.SocialInsuranceOrAssistance => LegalDomain.Labour,
            Farun.Features.LegalAid.LegalAidMatter.Maintenance or Farun.Features.LegalAid.LegalAidMatter.AbuseVictim => LegalDomain.MarriageFamily,
            Farun.Features.LegalAid.LegalAidMatter.AccidentInjury => LegalDomain.TrafficAccident,
            Farun.Features.LegalAid.LegalAidMatter.StateCompensation or Farun.Features.LegalAid.LegalAidMatter.RetrialAcquittalCompensation
                or Farun.Features.LegalAid.LegalAidMatter.Pension => LegalDomain.Administrative,
            _ when Farun.Features.LegalAid.LegalAidRules.IsCriminal(m) => LegalDomain.Criminal,
            _ => LegalDomain.Tort,
        };
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/lawyers", async Task<Ok<IReadOnlyList<LawyerDto>>> ([AsParameters] ListRequest r, Handler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(r, ct)))
            .Validate<ListRequest>().WithName("ListLawyers").WithSummary("律师名录（含事务所、执业证号、专业领域、在办案件数）");
        app.MapPost("/lawyers", async Task<Created<LawyerDto>> (LawyerRequest r, Handler h, CancellationToken ct) =>
            {
                var dto = await h.CreateAsync(r, ct);
                return TypedResults.Created($"/api/lawyers/{dto.Id}", dto);
            })
            .Validate<LawyerRequest>().RequireAuthorization(CasePolicies.ManageRegistry).WithName("RegisterLawyer").WithSummary("登记律师");
        app.MapGet("/law-firms", async Task<Ok<IReadOnlyList<LawFirmDto>>> (Handler h, CancellationToken ct) => TypedResults.Ok(await h.FirmsAsync(ct)))
            .WithName("ListLawFirms").WithSummary("律师事务所名录");
        app.MapPost("/law-firms", async Task<Created<LawFirmDto>> (FirmRequest r, Handler h, CancellationToken ct) =>
            {
                var dto = await h.CreateFirmAsync(r, ct);
                return TypedResults.Created($"/api/law-firms/{dto.Id}", dto);
            })
            .Validate<FirmRequest>().RequireAuthorization(CasePolicies.ManageRegistry).WithName("RegisterLawFirm").WithSummary("登记律师事务所");
        app.MapGet("/cases/{id:guid}/lawyer-candidates", async Task<Ok<IReadOnlyList<LawyerCandidate>>> (Guid id, Handler h, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await h.CandidatesAsync(id, http.User, ct)))
            .WithName("LawyerCandidates").WithSummary("可指派的律师：专业匹配、在办数量与利益冲突检查")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
