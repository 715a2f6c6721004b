using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Citizens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Citizens;

public sealed class CitizenLoginBrowserTests
{
    private const string Phone = "13912345678";

    [SkippableFact]
    public async Task Citizen_SignsInByPhoneAndCode_OnAPhoneSizedScreen()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        await page.SetViewportSizeAsync(390, 844);
        var cspViolations = CollectCspViolations(page);

        // The citizen's page sends them to sign in first.
        await page.GotoAsync("/citizen");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/citizen/login"));
        await page.GetByLabel("手机号").FillAsync(Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("139****5678");

        var code = s.Factory.Services.GetRequiredService<DevelopmentSmsOutbox>().LastCode(Phone)!;
        var wrong = code == "000000" ? "111111" : "000000";
        await page.GetByLabel("短信验证码").FillAsync(wrong);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("验证码不正确，还可以再试4次");

        await page.GetByLabel("短信验证码").FillAsync(code);
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true });
        var box = await submit.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, "the sign-in button is a comfortable touch target");
        await submit.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/citizen$"));
        await Assertions.Expect(page.GetByText("您已登录")).ToContainTextAsync("139****5678");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone");
        Assert.Empty(cspViolations);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync("/citizen");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/citizen/login"));
    }

    [SkippableFact]
    public async Task ContentSecurityPolicy_LetsTheLayoutScriptRun_WithoutViolations()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        var cspViolations = CollectCspViolations(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "大字模式" }).ClickAsync();
        await page.ReloadAsync();
        // The inline script in the layout (allowed by its nonce) applies the preference before first paint.
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new Regex("large-text"));
        await page.GotoAsync("/account/login");
        await page.GotoAsync("/laws");
        Assert.Empty(cspViolations);
    }

    private static List<string> CollectCspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add(message.Text);
        };
        return violations;
    }
}
