using Farun.Features.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Farun.Web.Features.Identity;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        // Public, so that signing out works when the session has already ended (there is then nothing to end). A signed-in
        // user is signed out only by the layout's form with its antiforgery token: another site must not end a session
        // (the cookie's SameSite=Lax already keeps it from being sent cross-site; this does not rely on that).
        app.MapPost("/account/logout", async (SignInManager<StaffUser> signIn, IAntiforgery antiforgery, HttpContext http, ILoggerFactory lf) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
                return Results.Redirect("/");
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: "请求内容有误", detail: "退出请求缺少页面的安全令牌，请在本站页面上点击“退出”。");
            }

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
