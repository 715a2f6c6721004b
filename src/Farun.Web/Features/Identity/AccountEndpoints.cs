using Farun.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace Farun.Web.Features.Identity;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn, HttpContext http, ILoggerFactory lf) =>
        {
            lf.CreateLogger("Farun.Identity").LogInformation("Sign-out: {UserName}", http.User.Identity?.Name);
            await signIn.SignOutAsync();
            return Results.Redirect("/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/account/denied", () => Results.Content(
            "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>无权访问</title><p>您没有访问此页面的权限。<a href=\"/\">返回首页</a></p></html>",
            "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
