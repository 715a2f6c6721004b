using Farun.Data;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Persons;

/// <summary>POST /api/persons — registers a person, warning of likely duplicates; a known ID number returns the existing person (200).</summary>
public static class RegisterPerson
{
    public sealed record Response(PersonDto Person, bool Existing, IReadOnlyList<DuplicateWarning> Warnings);

    public sealed class Handler(FarunDbContext db, PersonRegistry registry, CaseAccess access, AuditLog audit)
    {
        public async Task<Response> HandleAsync(PersonInput input, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
        {
            var scope = await access.ScopeAsync(user, ct);
            var result = await registry.RegisterAsync(input, scope.UserId, scope.Actor.ServicePointId, ct);
            if (!result.Existing)
                audit.Record("person.register", "Person", result.Person.Id, new { hasIdNumber = result.Person.IdNumberIndex is not null, hasPhone = result.Person.PhoneIndex is not null });
            else
                audit.Record("person.update", "Person", result.Person.Id, new { via = "register" });
            await db.SaveChangesAsync(ct);
            return new Response(PersonMapping.ToDto(result.Person), result.Existing, result.Warnings);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/persons", async Task<Results<Created<Response>, Ok<Response>>> (PersonInput input, Handler handler, HttpContext http, CancellationToken ct) =>
            {
                var response = await handler.HandleAsync(input, http.User, ct);
                return response.Existing ? TypedResults.Ok(response) : TypedResults.Created($"/api/persons/{response.Person.Id}", response);
            })
            .Validate<PersonInput>()
            .WithName("RegisterPerson")
            .WithSummary("登记人员（提示可能重复的人员；证件号码已登记的返回已有人员）");
}
