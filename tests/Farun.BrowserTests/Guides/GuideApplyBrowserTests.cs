using System.Net;
using System.Text.Json;
using Farun.Common.Calendar;
using Farun.Common.Validation;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Guides;

/// <summary>From a guide to a submitted application: a signed-in citizen on a phone answers the wage-arrears guide and
/// applies online; the legal-aid case lands on the case spine. The cases' test sign-in header stands in for phone and
/// one-time code.</summary>
public sealed class GuideApplyBrowserTests
{
    [SkippableFact]
    public async Task WageArrears_SignedInCitizenOnPhone_SubmitsLegalAidApplicationToTheCaseSpine()
    {
        await using var chromium = await OfflineChromium.LaunchAsync();
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        await using var web = app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<AuthorizationOptions>(o => o.AddPolicy("Citizen", p => p.RequireClaim("farun:actor", "Citizen")))));
        web.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        web.StartServer();
        var baseUrl = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');

        const string phoneNumber = "13912345678";
        var first17 = "11010519800101123";
        var idNumber = first17 + ChineseIdCard.ComputeCheckCharacter(first17);
        var page = await chromium.NewPageAsync(baseUrl, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { [CaseTestApp.CitizenHeader] = $"{Guid.NewGuid()};{phoneNumber}" },
        });

        async Task Choose(string option)
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        }

        async Task Fill(string value)
        {
            await page.Locator("#answer").FillAsync(value);
            await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        }

        await page.GotoAsync("/guides");
        await page.GetByRole(AriaRole.Link, new() { Name = "农民工讨薪怎么办？" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await Choose("建筑工地或者工程项目");
        await Choose("是");
        await Fill("18000");
        await Choose("否");
        await Fill(ChinaTime.Today().AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Choose("申请劳动仲裁");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("可以申请劳动仲裁");
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请法律援助（律师帮您仲裁）" }).ClickAsync();

        await Assertions.Expect(page.GetByText("请求支付劳动报酬（第三十一条第五项）")).ToBeVisibleAsync();
        await page.GetByLabel("申请人姓名").FillAsync("张三");
        await page.GetByLabel("身份证号码").FillAsync(idNumber);
        await page.GetByLabel("联系电话").FillAsync(phoneNumber);
        await page.GetByLabel("情况说明（可以修改、补充）").FillAsync("在工地干了半年，包工头欠了一万八千元工资。");
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申请已提交" })).ToBeVisibleAsync();
        var number = (await page.Locator(".guide-code").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(number));

        // The case is on the spine, visible to the citizen, with the answers carried over.
        var api = await page.Context.APIRequest.GetAsync("/api/cases");
        Assert.Equal(200, api.Status);
        var list = JsonDocument.Parse(await api.TextAsync()).RootElement;
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == number);
        var c = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync($"/api/cases/{item.GetProperty("id").GetString()}")).TextAsync()).RootElement;
        Assert.Equal("LegalAid", c.GetProperty("type").GetString());
        Assert.Equal("OnlinePortal", c.GetProperty("channel").GetString());
        Assert.Equal("LabourRemuneration", c.GetProperty("legalAid").GetProperty("matter").GetString());
        Assert.True(c.GetProperty("legalAid").GetProperty("greenChannel").GetBoolean());
        Assert.Contains("包工头欠了一万八千元工资", c.GetProperty("legalAid").GetProperty("description").GetString(), StringComparison.Ordinal);

        // The result page now shows the submitted application instead of the button.
        await page.GotoAsync("/guides/wage-arrears/result");
        await Assertions.Expect(page.GetByText($"您已经提交了申请，编号 {number}")).ToBeVisibleAsync();
    }
}
