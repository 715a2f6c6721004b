using Farun.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Identity;

public sealed class LoginBrowserTests
{
    [SkippableFact]
    public async Task Login_WrongPasswordFiveTimes_ShowsLockout()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        await page.GotoAsync("/account/login");

        for (var i = 1; i <= 5; i++)
        {
            await page.GetByLabel("用户名").FillAsync("staff");
            await page.GetByLabel("密码").FillAsync("Wrong#Pass" + i);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(i < 5 ? "用户名或密码不正确" : "账号已锁定");
        }

        // Even the right password is refused while locked.
        await page.GetByLabel("用户名").FillAsync("staff");
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("15分钟");
    }

    [SkippableFact]
    public async Task Login_RightPassword_ShowsUserInHeader()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("manager");
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }
}
