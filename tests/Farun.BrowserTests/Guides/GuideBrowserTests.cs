using Farun.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Guides;

/// <summary>A citizen on a phone: one question per screen, back and forward, a printable result, save and resume.</summary>
public sealed class GuideBrowserTests
{
    private static Task<IPage> PhoneAsync(BrowserSession s) => s.NewPageAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    });

    private static async Task ChooseAsync(IPage page, string option)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
    }

    private static async Task FillAsync(IPage page, string value)
    {
        await page.Locator("#answer").FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
    }

    private static async Task AssertFitsScreenAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "page scrolls sideways on a phone: " + page.Url);

    [SkippableFact]
    public async Task LegalAid_OnPhone_WalksToPrintableResult()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = await PhoneAsync(s);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "办事指引" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "法律援助：我能不能申请？" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();

        await Assertions.Expect(page.GetByText("第1步，共约")).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page);
        await ChooseAsync(page, "讨要工资（劳动报酬）");
        await ChooseAsync(page, "否");

        // Back, then forward again: the earlier answer is still selected.
        await page.GetByRole(AriaRole.Link, new() { Name = "上一步" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "否", Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await Assertions.Expect(page.GetByText("第3步")).ToBeVisibleAsync();

        await ChooseAsync(page, "否");
        await ChooseAsync(page, "否");
        await ChooseAsync(page, "以上都不是");
        await FillAsync(page, "3");

        // A wrong answer is explained on the same screen.
        await FillAsync(page, "六千");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写金额");
        await FillAsync(page, "6000");

        var verdict = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(verdict).ToContainTextAsync("符合经济困难条件");
        await Assertions.Expect(page.GetByText("您家人均每月收入约2,000元，")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "《中华人民共和国法律援助法》第四十一条" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("示范区公共法律服务中心")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("周一至周五 9:00-17:00")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();
        await AssertFitsScreenAsync(page);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync();
        await Assertions.Expect(verdict).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("要带的材料")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".print-only")).ToContainTextAsync("续填码");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
    }

    [SkippableFact]
    public async Task WageArrears_SaveAndResumeOnAnotherDevice_ContinuesAtTheSameStep()
    {
        await using var s = await BrowserSession.StartAsync();
        var phone = await PhoneAsync(s);
        await phone.GotoAsync("/guides/wage-arrears");
        await phone.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await ChooseAsync(phone, "公司、工厂、商店、饭店等单位");
        await FillAsync(phone, "12000");
        await Assertions.Expect(phone.GetByText("第3步")).ToBeVisibleAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "保存，稍后继续" }).ClickAsync();
        var code = (await phone.Locator(".guide-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", code);

        var computer = s.Page;
        await computer.GotoAsync("/guides");
        await computer.GetByLabel("续填码").FillAsync(code.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant());
        await computer.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();
        await Assertions.Expect(computer.GetByText("第3步")).ToBeVisibleAsync();
        await Assertions.Expect(computer.GetByText("您现在还在为这个老板（单位）干活吗？")).ToBeVisibleAsync();
        await ChooseAsync(computer, "否");
        await computer.Locator("#answer").FillAsync(Farun.Common.Calendar.ChinaTime.Today().AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await computer.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await ChooseAsync(computer, "申请劳动仲裁");
        await Assertions.Expect(computer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("可以申请劳动仲裁");
        await Assertions.Expect(computer.GetByText("申请劳动仲裁的最后一天")).ToBeVisibleAsync();
        await Assertions.Expect(computer.Locator(".deadline")).ToContainTextAsync("还有");

        // Back on the phone, the same code shows the same result.
        await phone.GotoAsync("/guides/wage-arrears/result");
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("可以申请劳动仲裁");
    }
}
