using System.Net;
using System.Text.Json;
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

/// <summary>From the mediation guide to a submitted people's mediation request: a signed-in citizen on a phone answers the
/// guide, names the other side, picks the committee and applies; the mediation case lands on the case spine. The cases'
/// test sign-in header stands in for phone and one-time code.</summary>
public sealed class GuideMediationBrowserTests
{
    [SkippableFact]
    public async Task Mediation_SignedInCitizenOnPhone_SubmitsMediationRequestToTheCaseSpine()
    {
        await using var chromium = await OfflineChromium.LaunchAsync();
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        await using var web = app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<AuthorizationOptions>(o => o.AddPolicy("Citizen", p => p.RequireClaim("farun:actor", "Citizen")))));
        web.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        web.StartServer();
        var baseUrl = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');

        const string phoneNumber = "13912345678";
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
        await page.GetByRole(AriaRole.Link, new() { Name = "申请人民调解" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await Choose("邻里纠纷（噪音、漏水、通行、采光等）");
        await Choose("否");
        await Choose("否");
        await Fill("3000");
        await Fill("楼上邻居李四");
        await Fill("楼上漏水，泡坏了我家天花板，想让他赔偿修理费。");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("您可以申请人民调解");
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请调解" }).ClickAsync();

        await Assertions.Expect(page.GetByText("楼上邻居李四")).ToBeVisibleAsync();
        await page.GetByLabel("申请人姓名").FillAsync("王芳");
        await page.GetByLabel("联系电话").FillAsync(phoneNumber);
        await page.GetByLabel("向哪个人民调解委员会申请").SelectOptionAsync(new SelectOptionValue { Label = "东城街道人民调解委员会（演示）（街道人民调解委员会）" });
        await page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "申请已提交" })).ToBeVisibleAsync();
        var number = (await page.Locator(".guide-code").InnerTextAsync()).Trim();
        Assert.StartsWith("TJ-", number, StringComparison.Ordinal);

        // The mediation case is on the spine, visible to the citizen, with the answers carried over.
        var api = await page.Context.APIRequest.GetAsync("/api/cases");
        Assert.Equal(200, api.Status);
        var list = JsonDocument.Parse(await api.TextAsync()).RootElement;
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == number);
        var c = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync($"/api/cases/{item.GetProperty("id").GetString()}")).TextAsync()).RootElement;
        Assert.Equal("Mediation", c.GetProperty("type").GetString());
        Assert.Equal("OnlinePortal", c.GetProperty("channel").GetString());
        var mediation = c.GetProperty("mediation");
        Assert.Equal("Neighbourhood", mediation.GetProperty("disputeType").GetString());
        Assert.Equal(3000m, mediation.GetProperty("amountInvolved").GetDecimal());
        Assert.Equal("东城街道人民调解委员会（演示）", mediation.GetProperty("committeeName").GetString());
        Assert.Contains(c.GetProperty("parties").EnumerateArray(), p => p.GetProperty("name").GetString() == "楼上邻居李四");
    }
}
