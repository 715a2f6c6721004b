using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Persons;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Persons;

/// <summary>POST /api/organisations — an organisation as a party (credit code checked, GB 32100); a known code returns the existing one.</summary>
public static class RegisterOrganisation
{
    public sealed record Request(string? Name, string? CreditCode, string? Address);

    public sealed record OrganisationDto(Guid Id, string Name, string? CreditCode, string? CreditCodeMasked, string? Address);

    public sealed record Response(OrganisationDto Organisation, bool Existing);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage("请填写单位名称。").MaximumLength(200).WithMessage("单位名称不能超过200个字。")
                .NoControlCharacters().WithName("单位名称");
            RuleFor(x => x.CreditCode).Custom((code, ctx) =>
            {
                if (!string.IsNullOrWhiteSpace(code) && !UnifiedSocialCreditCode.TryParse(code, out _, out var error))
                    ctx.AddFailure(error);
            });
            RuleFor(x => x.Address).MaximumLength(200).NoControlCharacters().WithName("地址");
        }
    }

    public static OrganisationDto ToDto(Organisation o) =>
        new(o.Id, o.Name, o.CreditCode, o.CreditCode is null ? null : Farun.Common.Privacy.Mask.CreditCode(o.CreditCode), o.Address);

    public sealed class Handler(FarunDbContext db, AuditLog audit, TimeProvider time)
    {
        /// <summary>Finds by credit code or adds (unsaved) a new organisation.</summary>
        public async Task<(Organisation Organisation, bool Existing)> ResolveAsync(Request r, CancellationToken ct, bool isDemo = false)
        {
            UnifiedSocialCreditCode? code = null;
            if (!string.IsNullOrWhiteSpace(r.CreditCode))
            {
                code = UnifiedSocialCreditCode.Parse(r.CreditCode);
                var existing = db.Organisations.Local.FirstOrDefault(o => o.CreditCode == code.Code)
                    ?? await db.Organisations.FirstOrDefaultAsync(o => o.CreditCode == code.Code, ct);
                if (existing is not null)
                    return (existing, true);
            }

            var org = new Organisation(r.Name!, code, time.GetUtcNow(), isDemo) { Address = string.IsNullOrWhiteSpace(r.Address) ? null : r.Address.Trim() };
            db.Organisations.Add(org);
            return (org, false);
        }

        public async Task<Response> HandleAsync(Request r, CancellationToken ct)
        {
            var (org, existing) = await ResolveAsync(r, ct);
            if (!existing)
            {
                audit.Record("organisation.register", "Organisation", org.Id, new { org.Name });
                await db.SaveChangesAsync(ct);
            }

            return new Response(ToDto(org), existing);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/organisations", async Task<Results<Created<Response>, Ok<Response>>> (Request request, Handler handler, CancellationToken ct) =>
            {
                var response = await handler.HandleAsync(request, ct);
                return response.Existing ? TypedResults.Ok(response) : TypedResults.Created($"/api/organisations/{response.Organisation.Id}", response);
            })
            .Validate<Request>()
            .WithName("RegisterOrganisation")
            .WithSummary("登记单位当事人（校验统一社会信用代码）");
}
