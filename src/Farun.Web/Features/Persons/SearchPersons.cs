using Farun.Data;
using Farun.Web.Common;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Persons;

/// <summary>GET /api/persons?idNumber=…&amp;phone=…&amp;name=… — exact lookups (blind index); GET /api/persons/{id} with the caller's visible cases.</summary>
public static class SearchPersons
{
    public sealed record Request(string? IdNumber, string? Phone, string? Name);

    public sealed record PersonCaseDto(Guid Id, string Number, string Type, string TypeName, string State, string StateName, string Role, DateTimeOffset CreatedAt);

    public sealed record DetailResponse(PersonDto Person, IReadOnlyList<PersonCaseDto> Cases);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.IdNumber) || !string.IsNullOrWhiteSpace(x.Phone) || !string.IsNullOrWhiteSpace(x.Name))
                .WithName("idNumber").WithMessage("请至少填写证件号码、电话或姓名之一。");
            RuleFor(x => x.IdNumber).MaximumLength(40).NoControlCharacters().WithName("证件号码");
            RuleFor(x => x.Phone).MaximumLength(30).NoControlCharacters().WithName("电话");
            RuleFor(x => x.Name).MaximumLength(50).NoControlCharacters().WithName("姓名");
        }
    }

    public sealed class Handler(FarunDbContext db, PersonRegistry registry, CaseAccess access)
    {
        public async Task<IReadOnlyList<PersonDto>> SearchAsync(Request r, CancellationToken ct) =>
            [.. (await registry.FindAsync(r.IdNumber, r.Phone, r.Name, ct)).Select(PersonMapping.ToDto)];

        public async Task<DetailResponse> GetAsync(Guid id, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new NotFoundException("未找到该人员。");
            var scope = await access.ScopeAsync(user, ct);
            var cases = await access.Visible(scope)
                .SelectMany(c => c.Parties.Where(p => p.PersonId == id).Select(p => new { c.Id, c.Number, c.Type, c.State, p.Role, c.CreatedAt }))
                .OrderByDescending(x => x.CreatedAt).Take(100).ToListAsync(ct);
            return new DetailResponse(PersonMapping.ToDto(person), [.. cases.Select(c => new PersonCaseDto(c.Id, c.Number, c.Type.ToString(),
                Farun.Features.Cases.CaseTexts.DisplayName(c.Type), c.State.ToString(), Farun.Features.Cases.CaseTexts.DisplayName(c.State), Farun.Features.Cases.CaseTexts.DisplayName(c.Role), c.CreatedAt))]);
        }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/persons", async Task<Ok<IReadOnlyList<PersonDto>>> ([AsParameters] Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SearchAsync(request, ct)))
            .Validate<Request>()
            .WithName("SearchPersons")
            .WithSummary("按证件号码、电话（精确匹配）或姓名查找人员；证件号码和电话脱敏显示");
        app.MapGet("/persons/{id:guid}", async Task<Ok<DetailResponse>> (Guid id, Handler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, http.User, ct)))
            .WithName("GetPerson")
            .WithSummary("人员详情及其可见的服务事项")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
