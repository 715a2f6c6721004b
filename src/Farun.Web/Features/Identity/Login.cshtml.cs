using Farun.Features.Audit;
using Farun.Features.Identity;
using Farun.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Farun.Web.Features.Identity;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AuditLog audit, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The longest user name an account can have (ASP.NET Core Identity's column).</summary>
    private const int MaxUserName = 256;

    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        // A name no account can have (longer than the column, or with control characters, which PostgreSQL refuses) is an
        // unknown user: not looked up; the audit entry keeps it as its actor column can (AuditEntry.BoundActorName).
        var name = UserName.Trim();
        var possible = name.Length <= MaxUserName && !name.Any(char.IsControl);
        var user = possible ? await users.FindByNameAsync(name) : null;
        if (user is null)
        {
            logger.LogWarning("Sign-in failed: unknown user {UserName} from {Ip}", AuditEntry.BoundActorName(name), ip);
            await RecordAsync(ActorKind.Anonymous, null, name, "signin.failed", new { reason = "unknown-user" });
            Error = "用户名或密码不正确。";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded: {UserName} from {Ip}", user.UserName, ip);
            await RecordAsync(ActorKind.Staff, user.Id, user.UserName!, "signin.succeeded", null);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: {UserName} is locked out (from {Ip})", user.UserName, ip);
            await RecordAsync(ActorKind.Staff, user.Id, user.UserName!, "signin.lockedout", null);
            var end = await users.GetLockoutEndDateAsync(user);
            var minutes = end is null ? 15 : Math.Max(1, (int)Math.Ceiling((end.Value - DateTimeOffset.UtcNow).TotalMinutes));
            Error = $"连续输错密码次数过多，账号已锁定，请{minutes}分钟后再试。";
            return Page();
        }

        var failures = await users.GetAccessFailedCountAsync(user);
        logger.LogWarning("Sign-in failed: wrong password for {UserName} from {Ip} ({Failures} consecutive)", user.UserName, ip, failures);
        await RecordAsync(ActorKind.Staff, user.Id, user.UserName!, "signin.failed", new { reason = "wrong-password", failures });
        Error = $"用户名或密码不正确。再错{Math.Max(0, 5 - failures)}次账号将被锁定15分钟。";
        return Page();
    }

    private async Task RecordAsync(ActorKind kind, Guid? id, string name, string action, object? details)
    {
        audit.RecordAs(kind, id, name, action, "StaffUser", id, details);
        await HttpContext.RequestServices.GetRequiredService<Farun.Data.FarunDbContext>().SaveChangesAsync(HttpContext.RequestAborted);
    }
}
