using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.Data;
using Farun.Features.Notarization;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Cases;
using Farun.Web.Features.Notarization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Services;

public sealed class ServicesBrowserTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private static HttpClient Client(BrowserSession s) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(s.BaseUrl) };

    private static string NewMobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        if (await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).CountAsync() > 0)
            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    /// <summary>A citizen signed in with a verified phone, as the citizen portal's sign-in makes them.</summary>
    private static ClaimsPrincipal Citizen(IServiceProvider services, string phone)
    {
        PhoneNumber.TryNormalize(phone, out var normalized, out _);
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Name, "市民" + phone[^4..]),
            new Claim("farun:actor", "Citizen"),
            new Claim(CaseAccess.PhoneHashClaim, services.GetRequiredService<BlindIndex>().Compute(BlindIndexKind.Phone, normalized!.Canonical)!),
        ], "Citizen"));
    }

    [SkippableFact]
    public async Task Notarization_BookedOnlineMaterialsPreReviewed_IssuedInOneVisit()
    {
        await using var s = await BrowserSession.StartAsync();
        Guid caseId;
        string number;
        await using (var scope = s.Factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<FarunDbContext>();
            var centre = await db.ServicePoints.Where(p => p.IsDemo && p.Code == "D00").Select(p => p.Id).FirstAsync();
            var startsAt = DateTimeOffset.UtcNow.AddDays(2);
            var slot = new NotarySlot(centre, startsAt, startsAt.AddMinutes(30), SlotKind.Window, DateTimeOffset.UtcNow);
            db.NotarySlots.Add(slot);
            await db.SaveChangesAsync();

            // The applicant applies online with scans of the materials and books a window slot (the portal's calls).
            var phone = NewMobile();
            var citizen = Citizen(sp, phone);
            var request = JsonSerializer.Deserialize<CreateCase.Request>(JsonSerializer.Serialize(new
            {
                type = "Notarization",
                channel = "OnlinePortal",
                applicant = new { person = new { name = "孙七", phone } },
                notarization = new { matterCode = "education", purpose = "出国留学", copies = 2, materialsSubmitted = "毕业证书、学位证书扫描件" },
            }, Json), Json)!;
            var created = await sp.GetRequiredService<CreateCase.Handler>().HandleAsync(request, citizen, CancellationToken.None);
            caseId = created.Case.Id;
            number = created.Case.Number;
            await sp.GetRequiredService<BookNotarySlot>().HandleAsync(caseId, new NotaryEndpoints.Book(slot.Id, null, null), citizen, CancellationToken.None);
        }

        var page = s.Page;
        await SignInAsync(page, "notary");
        await page.GotoAsync("/notarization");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"公证 {number}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("待预审")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("毕业证书、学位证书扫描件")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "窗口办理" })).ToBeVisibleAsync();

        var review = page.GetByRole(AriaRole.Form, new() { Name = "材料预审" });
        await review.GetByLabel("预审意见").FillAsync("材料齐全，请携带原件按预约时间到场。");
        await review.GetByRole(AriaRole.Button, new() { Name = "材料预审通过" }).ClickAsync();
        await Assertions.Expect(page.GetByText("预审通过待受理")).ToBeVisibleAsync();

        // The applicant comes once, to the booked slot: accepted, the 15-working-day clock starts, issued on the spot.
        await page.GetByRole(AriaRole.Button, new() { Name = "受理公证申请" }).ClickAsync();
        await Assertions.Expect(page.GetByText("受理审查中")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("出具公证书期限：").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("第三十条").First).ToBeVisibleAsync();

        var issue = page.GetByRole(AriaRole.Form, new() { Name = "出具公证书" });
        await issue.GetByLabel("公证书编号").FillAsync("（2026）示证字第88号");
        await issue.GetByLabel("领取方式").SelectOptionAsync("InPerson");
        await issue.GetByRole(AriaRole.Button, new() { Name = "出具公证书" }).ClickAsync();
        await Assertions.Expect(page.GetByText("状态：已出具公证书")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("（2026）示证字第88号", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("200.00元").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("申请人共到场1次").First).ToBeVisibleAsync();

        // Issued in one visit: the measured 最多跑一次 rate counts it.
        var manager = Client(s);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.PostLoginAsync(manager, "manager", StaffClient.DemoPassword)).StatusCode);
        var stats = await ReadAsync(await manager.GetAsync("/api/notarization/stats"), HttpStatusCode.OK);
        Assert.Equal(1, stats["total"]!["oneVisit"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task BadRating_RectificationByHandler_SecondFollowUpAndRate()
    {
        await using var s = await BrowserSession.StartAsync();
        var hotline = Client(s);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.PostLoginAsync(hotline, "hotline", StaffClient.DemoPassword)).StatusCode);
        var consultation = (await ReadAsync(await hotline.PostAsJsonAsync("/api/cases", new
        {
            type = "Consultation",
            channel = "Hotline12348",
            applicant = new { person = new { name = "张三", phone = NewMobile() } },
            consultation = new { question = "邻居装修噪音扰民怎么办？", domain = "Labour", answerSummary = "可以与邻居协商，或向物业、街道反映。", durationMinutes = 6 },
        }, Json), HttpStatusCode.Created))["case"]!;
        var number = consultation["number"]!.GetValue<string>();

        // Someone other than the handler calls back: 不满意 opens a rectification.
        var page = s.Page;
        await SignInAsync(page, "manager");
        await page.GotoAsync("/follow-ups");
        var call = page.GetByRole(AriaRole.Form, new() { Name = $"回访 {number}" });
        await call.GetByLabel("评价等级").SelectOptionAsync("Dissatisfied");
        await call.GetByLabel("评价意见").FillAsync("答复太笼统，没说去哪里投诉");
        await call.GetByRole(AriaRole.Button, new() { Name = "保存回访结果" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已生成整改任务");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "不满意：答复太笼统，没说去哪里投诉" })).ToBeVisibleAsync();

        // The handler may not rate their own case, and completes the rectification.
        await SignInAsync(page, "hotline");
        await page.GotoAsync("/follow-ups");
        var fix = page.GetByRole(AriaRole.Form, new() { Name = $"整改 {number}" });
        await fix.GetByLabel("整改措施").FillAsync("重新致电，告知向住建部门和街道投诉的途径。");
        await fix.GetByRole(AriaRole.Button, new() { Name = "完成整改" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已安排第2次回访");
        await Assertions.Expect(page.GetByText("本人承办，须由他人回访")).ToBeVisibleAsync();

        // The second follow-up, then the rate with its definition.
        await SignInAsync(page, "manager");
        await page.GotoAsync("/follow-ups");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "第2次回访（整改后）" })).ToBeVisibleAsync();
        var second = page.GetByRole(AriaRole.Form, new() { Name = $"回访 {number}" });
        await second.GetByLabel("评价等级").SelectOptionAsync("Satisfied");
        await second.GetByRole(AriaRole.Button, new() { Name = "保存回访结果" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录“满意”");

        await page.GotoAsync("/satisfaction");
        var rate = page.GetByRole(AriaRole.Region, new() { Name = "满意率" });
        await Assertions.Expect(rate).ToContainTextAsync("满意率 0.0%");
        await Assertions.Expect(rate).ToContainTextAsync("统计口径：满意率 =（非常满意 + 满意 + 基本满意）件数 ÷ 参评件数");
        await Assertions.Expect(page.GetByText("整改后再次回访1件，满意1件", new() { Exact = false })).ToBeVisibleAsync();
    }
}
