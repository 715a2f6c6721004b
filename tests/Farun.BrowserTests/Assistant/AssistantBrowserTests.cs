using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Farun.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Assistant;

public sealed partial class AssistantBrowserTests
{
    /// <summary>The app with the miniature search corpus (tests/Farun.UnitTests/Fixtures/Search/Laws) imported and indexed.</summary>
    private static async Task<BrowserSession> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Farun:Search:CheckIntervalSeconds"] = "0" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            all[k] = v;
        var session = await BrowserSession.StartAsync(settings: all);
        var corpus = LawCorpus.Load(Path.Combine(Prerequisites.RepoRoot, "tests", "Farun.UnitTests", "Fixtures", "Search", "Laws"), LawScope.National);
        await using (var scope = session.Factory.Scope())
            await scope.ServiceProvider.GetRequiredService<LawImporter>().WriteAsync(corpus, null, CancellationToken.None);
        await session.Factory.Services.GetRequiredService<SearchIndexService>().RebuildAsync(CancellationToken.None);
        return session;
    }

    [SkippableFact]
    public async Task Chat_AskThenHandOff_CaseShownToStaff()
    {
        await using var s = await StartAsync();
        var page = s.Page;
        await page.GotoAsync("/assistant");
        await page.GetByLabel("您的问题").FillAsync("我叫张三，老板三个月没发工资怎么办？");
        await page.GetByRole(AriaRole.Button, new() { Name = "提问", Exact = true }).ClickAsync();

        var turn = page.GetByRole(AriaRole.Article, new() { Name = "第1问" });
        await Assertions.Expect(turn).ToContainTextAsync("劳动");
        await Assertions.Expect(turn).ToContainTextAsync("是否签订了书面劳动合同？");
        await Assertions.Expect(turn).Not.ToContainTextAsync("张三");
        var articles = turn.GetByRole(AriaRole.Region, new() { Name = "相关法条" });
        var wage = articles.GetByRole(AriaRole.Link, new() { Name = "《中华人民共和国劳动合同法》第三十条" });
        await Assertions.Expect(wage).ToBeVisibleAsync();
        await Assertions.Expect(articles.Locator("mark").First).ToBeVisibleAsync();
        await Assertions.Expect(turn).ToContainTextAsync("12348");
        await Assertions.Expect(turn).ToContainTextAsync("不是律师的法律意见");

        await page.GetByRole(AriaRole.Button, new() { Name = "有用", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "谢谢您的评价" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "找人工" }).ClickAsync();
        var handoff = page.GetByRole(AriaRole.Status, new() { Name = "转人工" });
        await Assertions.Expect(handoff).ToContainTextAsync("您的咨询编号是");
        var number = (await handoff.Locator(".case-number").TextContentAsync())!.Trim();
        Assert.Matches(NumberRegex(), number);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "找人工" })).ToHaveCountAsync(0);

        // Staff sign in and find the case with the transcript and the articles already found.
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("manager");
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "转人工咨询" }).ClickAsync();
        var item = page.GetByRole(AriaRole.Region, new() { Name = "咨询事项 " + number });
        await Assertions.Expect(item).ToContainTextAsync("《中华人民共和国劳动合同法》第三十条");
        await item.GetByText("对话记录").ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("老板三个月没发工资怎么办");
        await Assertions.Expect(item).Not.ToContainTextAsync("张三");
    }

    [SkippableFact]
    public async Task Kiosk_Idle_ResetsToStartScreenWithNothingLeft()
    {
        await using var s = await StartAsync(new Dictionary<string, string?> { ["Farun:Assistant:KioskIdleSeconds"] = "5" });
        var page = s.Page;
        await page.GotoAsync("/kiosk");
        await page.GetByRole(AriaRole.Button, new() { Name = "讨要工资" }).ClickAsync();
        var turn = page.GetByRole(AriaRole.Article, new() { Name = "第1问" });
        await Assertions.Expect(turn).ToContainTextAsync("老板拖欠工资不发怎么办");
        await Assertions.Expect(turn.GetByRole(AriaRole.Region, new() { Name = "相关法条" })).ToBeVisibleAsync();
        // The kiosk's address is the start screen at once: nothing to go back to.
        Assert.EndsWith("/kiosk", page.Url);
        await page.GetByLabel("接着问，或回答上面的问题").FillAsync("没有签合同，我叫李四");

        // Printable slip with a QR code to continue on a phone.
        await page.GetByRole(AriaRole.Link, new() { Name = "打印答案单（扫码用手机看）" }).ClickAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "二维码：用手机扫码继续查看这次咨询" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        var url = (await page.Locator(".slip-url").TextContentAsync())!.Trim();
        Assert.Matches(ConversationUrlRegex(), url);
        await page.GetByRole(AriaRole.Link, new() { Name = "回到首页" }).ClickAsync();
        await page.GotoAsync(url.Replace(s.BaseUrl, "", StringComparison.Ordinal).Replace("/assistant", "/kiosk", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Article, new() { Name = "第1问" })).ToBeVisibleAsync();

        // Nobody touches the screen: it clears itself and returns to the start screen.
        await page.WaitForURLAsync("**/kiosk?reset=1", new() { Timeout = 12_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "讨要工资" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Article)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("写下您的问题")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByText("相关法条")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("您问：")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("找人工")).ToHaveCountAsync(0);
        await page.GoBackAsync();
        await Assertions.Expect(page.GetByText("您问：")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^ZX-[0-9A-Z-]+$")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("^http://127\\.0\\.0\\.1:\\d+/assistant\\?c=[0-9a-f-]{36}$")]
    private static partial Regex ConversationUrlRegex();
}
