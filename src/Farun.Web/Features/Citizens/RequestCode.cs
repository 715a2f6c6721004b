using Farun.Web.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Farun.Web.Features.Citizens;

/// <summary>POST /api/citizen/otp {phone} — sends a sign-in code by SMS. 429 with Retry-After when asked too often.</summary>
public static class RequestCode
{
    public sealed record Request(string? Phone);

    public sealed record Response(string Phone, int ExpiresInSeconds, int ResendAfterSeconds);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() =>
            RuleFor(x => x.Phone).Must(CitizenSignInService.IsMobile).WithMessage(CitizenSignInService.InvalidPhoneMessage);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/otp", async Task<Ok<Response>> (Request request, CitizenSignInService signIn, CancellationToken ct) =>
            {
                var sent = await signIn.SendCodeAsync(request.Phone, ct);
                return TypedResults.Ok(new Response(sent.Phone, sent.ExpiresInSeconds, sent.ResendAfterSeconds));
            })
            .Validate<Request>()
            .AllowAnonymous()
            .WithName("RequestCitizenCode")
            .WithSummary("向手机号发送登录验证码（按手机号和来源地址限流）")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
