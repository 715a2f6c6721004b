using Farun.Common.Privacy;
using Farun.Data;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Persons;

/// <summary>
/// POST /api/persons/{id}/reveal — the full ID number or phone of a person, for callers with the reveal permission
/// and a stated reason; every reveal is audited (which field and why, never the value).
/// </summary>
public static class RevealPersonalData
{
    public enum Field
    {
        IdNumber = 1,
        Phone = 2,
    }

    public sealed record Request(Field? Field, string? Reason);

    public sealed record Response(Guid PersonId, Field Field, string Value);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Field).NotNull().WithMessage("请选择要查看的信息（IdNumber 或 Phone）。").IsInEnum().WithMessage("未知的信息类别。");
            RuleFor(x => x.Reason).NotEmpty().WithMessage("查看完整个人信息须说明用途。")
                .MaximumLength(200).WithMessage("用途说明不能超过200个字。").NoControlCharacters().WithName("用途说明");
        }
    }

    public sealed class Handler(FarunDbContext db, AuditLog audit, IServiceProvider services)
    {
        public async Task<Response> HandleAsync(Guid id, Request r, CancellationToken ct)
        {
            var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
                ?? throw new NotFoundException("未找到该人员。");
            var cipher = r.Field == Field.IdNumber ? person.IdNumberCipher : person.PhoneCipher;
            if (cipher is null)
                throw new NotFoundException(r.Field == Field.IdNumber ? "该人员未登记证件号码。" : "该人员未登记电话。");
            var value = services.GetRequiredService<PersonalDataProtector>().Decrypt(cipher);
            await audit.RecordNowAsync("person.reveal", "Person", id, new { field = r.Field.ToString(), reason = r.Reason!.Trim() }, ct);
            return new Response(id, r.Field!.Value, value);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/persons/{id:guid}/reveal", async Task<Ok<Response>> (Guid id, Request request, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, request, ct)))
            .Validate<Request>()
            .RequireAuthorization(CasePolicies.RevealPersonalData)
            .WithName("RevealPersonalData")
            .WithSummary("查看完整证件号码或电话（须有权限并说明用途，记入审计日志）")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
