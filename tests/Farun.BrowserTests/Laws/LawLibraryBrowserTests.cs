using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Laws;

public sealed class LawLibraryBrowserTests
{
    /// <summary>A small tree copied at test time from the shared corpus (never committed): two versions of 公司法
    /// and the labour contract law.</summary>
    private static async Task<BrowserSession> StartWithLawsAsync()
    {
        Prerequisites.RequireLawCorpus();
        var session = await BrowserSession.StartAsync();
        var root = Path.Combine(session.Database.DataDir, "laws-subset");
        foreach (var file in new[] { "民法商法/公司法(2018-10-26).md", "民法商法/公司法(2023-12-29).md", "社会法/劳动合同法(2012-12-28).md" })
        {
            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Prerequisites.LawCorpus, file), target);
        }

        await using var scope = session.Factory.Scope();
        await scope.ServiceProvider.GetRequiredService<LawImporter>().ImportAsync(root, LawScope.National, null, CancellationToken.None);
        return session;
    }

    [SkippableFact]
    public async Task CitationBox_LabourContractArticle82_ShowsArticleText()
    {
        await using var s = await StartWithLawsAsync();
        var page = s.Page;
        await page.GotoAsync("/laws");

        await page.GetByLabel("按条文跳转").FillAsync("劳动合同法第八十二条");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看条文" }).ClickAsync();

        var article = page.GetByRole(AriaRole.Region, new() { Name = "第八十二条", Exact = true });
        await Assertions.Expect(article).ToBeVisibleAsync();
        await Assertions.Expect(article).ToContainTextAsync("二倍的工资");
        Assert.EndsWith("#a82", page.Url);
    }

    [SkippableFact]
    public async Task LawPage_CompanyLawOlderVersion_ShowsNotInForceBanner()
    {
        await using var s = await StartWithLawsAsync();
        var page = s.Page;
        await page.GotoAsync("/laws?q=" + Uri.EscapeDataString("公司法"));
        await page.GetByRole(AriaRole.Link, new() { Name = "中华人民共和国公司法" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "中华人民共和国公司法", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);

        await page.GetByLabel("版本").SelectOptionAsync(new SelectOptionValue { Label = "2018年10月26日（已修订）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "切换版本" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已不是现行有效版本");
        await page.GetByRole(AriaRole.Link, new() { Name = "查看现行版本" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
    }

    [SkippableFact]
    public async Task CitationBox_UnknownLaw_ShowsReason()
    {
        await using var s = await StartWithLawsAsync();
        var page = s.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("按条文跳转").FillAsync("不存在的保护法第三条");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看条文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("未找到");
    }

    [SkippableFact]
    public async Task LargeTextSwitch_Toggled_PersistsAcrossPages()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        await page.GotoAsync("/");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "大字模式" });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GotoAsync("/laws");
        var size = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize");
        Assert.Equal("21px", size);
    }
}
