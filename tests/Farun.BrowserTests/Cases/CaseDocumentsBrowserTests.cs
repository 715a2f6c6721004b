using System.Text.Json;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Cases;

public sealed class CaseDocumentsBrowserTests
{
    [SkippableFact]
    public async Task StaffUploadsPdfOnCasePage_SeesItListedAndOnTheTimeline()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("legalaid");
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByLabel("密码").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        // An application registered through the open API with the officer's browser cookie.
        const string first17 = "51010419850302123";
        var created = await page.Context.APIRequest.PostAsync("/api/cases", new()
        {
            DataObject = new
            {
                type = "LegalAid",
                channel = "WalkIn",
                applicant = new { person = new { name = "陈立", idNumber = first17 + Farun.Common.Validation.ChineseIdCard.ComputeCheckCharacter(first17) } },
                legalAid = new { matter = "Maintenance", description = "请求支付赡养费。", hardshipCommitment = true },
            },
        });
        Assert.Equal(201, created.Status);
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("case").GetProperty("id").GetString();

        await page.GotoAsync($"/cases/{id}");
        var documents = page.GetByRole(AriaRole.Region, new() { Name = "材料", Exact = true });
        await Assertions.Expect(documents).ToContainTextAsync("还没有材料。");
        await documents.GetByLabel(new Regex("^上传材料")).SetInputFilesAsync(new FilePayload
        {
            Name = "赡养费协议.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        await documents.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已上传材料“赡养费协议.pdf”。" })).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Region, new() { Name = "材料", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "赡养费协议.pdf" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new Regex($"^/api/cases/{id}/documents/[0-9a-f-]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理记录", Exact = true })).ToContainTextAsync("提交材料：赡养费协议.pdf");

        // The link downloads the same file.
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("赡养费协议.pdf", download.SuggestedFilename);
    }
}
