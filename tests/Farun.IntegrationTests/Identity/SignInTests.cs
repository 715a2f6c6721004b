using System.Net;
using Farun.Features.Identity;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Identity;

public sealed class SignInTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Login_FiveWrongPasswords_LocksAccountEvenForRightPassword(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await StaffClient.PostLoginAsync(client, "hotline", "Wrong#Pass1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await StaffClient.PostLoginAsync(client, "hotline", StaffClient.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync());

        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync("hotline");
        var end = await users.GetLockoutEndDateAsync(user!);
        Assert.NotNull(end);
        Assert.InRange((end!.Value - DateTimeOffset.UtcNow).TotalMinutes, 14, 15.1);
    }

    [Fact]
    public async Task Login_RightPassword_RedirectsAndSetsCookie()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        var response = await StaffClient.PostLoginAsync(client, "manager", StaffClient.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("farun.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_UnknownUser_ShowsGenericError()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        var response = await StaffClient.PostLoginAsync(client, "nobody", "Whatever#1");
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreateUser_WeakPassword_IsRejectedWithChineseReason()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        _ = factory.Server;
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        var tooShort = await users.CreateAsync(new StaffUser { UserName = "a1" }, "Ab1#");
        Assert.Contains(tooShort.Errors, e => e.Description.Contains("至少为8位"));
        var twoClasses = await users.CreateAsync(new StaffUser { UserName = "a2" }, "abcdefgh123");
        Assert.Contains(twoClasses.Errors, e => e.Description.Contains("至少三类"));
        var ok = await users.CreateAsync(new StaffUser { UserName = "a3" }, "abcdefg#123");
        Assert.True(ok.Succeeded);
    }

    [Fact]
    public async Task Logout_WithoutThePageToken_RefusedAndStillSignedIn()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = await StaffClient.SignedInAsync(factory, "manager");

        // A cross-site form (no token from our page) cannot end the session.
        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("安全令牌", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var workbench = await client.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.OK, workbench.StatusCode);

        // The layout's 退出 form carries the token: signed out, and the workbench asks to sign in again.
        var token = PageForms.Token(await workbench.Content.ReadAsStringAsync());
        var signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await client.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Once signed out there is nothing to end: the same post just goes home.
        var again = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }
}
