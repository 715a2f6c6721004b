using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Citizens;

/// <summary>POST /api/citizen/signin {phone, code} — checks the code and sets the citizen cookie.</summary>
public static class SignInCitizen
{
    public sealed record Request(string? Phone, string? Code);

    public sealed record Response(Guid AccountId, string Phone, bool Created);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Phone).Must(CitizenSignInService.IsMobile).WithMessage(CitizenSignInService.InvalidPhoneMessage);
            RuleFor(x => x.Code).Must(CitizenSignInService.IsCodeShaped).WithMessage(CitizenSignInService.InvalidCodeMessage);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/signin", async Task<Ok<Response>> (Request request, CitizenSignInService signIn, HttpContext http, CancellationToken ct) =>
            {
                var result = await signIn.SignInAsync(http, request.Phone, request.Code, ct);
                return TypedResults.Ok(new Response(result.Account.Id, Farun.Common.Privacy.Mask.Phone(result.Phone), result.Created));
            })
            .Validate<Request>()
            .AllowAnonymous()
            .WithName("SignInCitizen")
            .WithSummary("群众凭手机号和验证码登录");
}
