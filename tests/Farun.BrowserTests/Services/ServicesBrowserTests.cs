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
using Farun.Web.Features.Citizens;
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

        // The notary office opens a window slot for two applicants on its schedule page.
        var page = s.Page;
        await SignInAsync(page, "notary");
        await page.GetByRole(AriaRole.Link, new() { Name = "公证预约" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公证预约时段" })).ToBeVisibleAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(2);
        var slots = page.GetByRole(AriaRole.Form, new() { Name = "开放预约时段" });
        await slots.GetByLabel("类型").SelectOptionAsync(new SelectOptionValue { Label = "窗口办理" });
        await slots.GetByLabel("日期").FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await slots.GetByLabel("开始时间").FillAsync("10:00");
        await slots.GetByLabel("每个时段（分钟）").FillAsync("30");
        await slots.GetByLabel("连续时段数").FillAsync("1");
        await slots.GetByLabel("每时段可预约人数").FillAsync("2");
        await slots.GetByRole(AriaRole.Button, new() { Name = "开放时段" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已开放2个窗口办理预约名额");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "空闲" })).ToHaveCountAsync(2);

        // A citizen on a phone signs in with an SMS code, follows the notarization guide, ticks the materials submitted
        // online for pre-review and books the slot (offered once, though two places are free).
        var phone = NewMobile();
        var citizen = await s.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await citizen.GotoAsync("/citizen/login");
        await citizen.GetByLabel("手机号").FillAsync(phone);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("****");
        await citizen.GetByLabel("短信验证码").FillAsync(s.Factory.Services.GetRequiredService<DevelopmentSmsOutbox>().LastCode(phone)!);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("您已登录")).ToBeVisibleAsync();

        async Task Choose(string option)
        {
            await citizen.GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();
            await citizen.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        }

        await citizen.GotoAsync("/guides");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "办公证要带什么材料？" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "开始" }).ClickAsync();
        await Choose("无犯罪记录（出国留学、工作、定居等用）");
        await Choose("是");
        await Choose("出国（境）留学");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "在线预约无犯罪记录公证" }).ClickAsync();

        await citizen.GetByLabel("申请人姓名").FillAsync("孙七");
        await citizen.GetByLabel("联系电话").FillAsync(phone);
        await citizen.GetByRole(AriaRole.Radio, new() { Name = "窗口办理" }).CheckAsync();
        await citizen.GetByRole(AriaRole.Checkbox, new() { Name = "申请人身份证件", Exact = true }).CheckAsync();
        await citizen.GetByRole(AriaRole.Checkbox, new() { Name = "公安机关出具的无犯罪记录证明", Exact = true }).CheckAsync();
        await citizen.GetByLabel("其他材料或说明").FillAsync("护照首页扫描件");
        await citizen.GetByRole(AriaRole.Checkbox, new() { Name = "我确认以上信息真实" }).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "申请已提交" })).ToBeVisibleAsync();
        var number = (await citizen.Locator(".guide-code").InnerTextAsync()).Trim();
        Assert.StartsWith("GZ-", number, StringComparison.Ordinal);

        // On the case page of the portal the citizen adds a scan of their ID card for the pre-review.
        await citizen.GotoAsync("/citizen/cases");
        await citizen.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("当前状态：待预审")).ToBeVisibleAsync();
        await citizen.GetByLabel("上传公证所需材料", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "身份证扫描件.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交材料" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交材料“身份证扫描件.pdf”");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "身份证扫描件.pdf" })).ToBeVisibleAsync();

        // One place is taken by the citizen's case on the schedule, the other is still free.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "空闲" })).ToHaveCountAsync(1);

        // The notary pre-reviews the materials submitted online, incl. the uploaded scan, before the applicant comes.
        await page.GotoAsync("/notarization");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"公证 {number}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("待预审")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("申请人身份证件、公安机关出具的无犯罪记录证明；护照首页扫描件")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "窗口办理" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "身份证扫描件.pdf" })).ToBeVisibleAsync();

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
        await Assertions.Expect(page.GetByText("100.00元").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("申请人共到场1次").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("到场次数1 次");

        // The citizen sees it issued; the measured 最多跑一次 rate counts it.
        await citizen.GotoAsync("/citizen");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Row, new() { Name = number })).ToContainTextAsync("已出具公证书");
        var manager = Client(s);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.PostLoginAsync(manager, "manager", StaffClient.DemoPassword)).StatusCode);
        var stats = await ReadAsync(await manager.GetAsync("/api/notarization/stats"), HttpStatusCode.OK);
        Assert.Equal(1, stats["total"]!["issued"]!.GetValue<int>());
        Assert.Equal(1, stats["total"]!["oneVisit"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Complaint_RegisteredByStaffAboutHotlineAgent_ManagerRepliesOnComplaintPage()
    {
        await using var s = await BrowserSession.StartAsync();
        var hotline = Client(s);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.PostLoginAsync(hotline, "hotline", StaffClient.DemoPassword)).StatusCode);
        var consultation = (await ReadAsync(await hotline.PostAsJsonAsync("/api/cases", new
        {
            type = "Consultation",
            channel = "Hotline12348",
            applicant = new { person = new { name = "周八", phone = NewMobile() } },
            consultation = new { question = "公司拖欠三个月工资怎么办？", domain = "Labour", answerSummary = "可以协商。", durationMinutes = 3 },
        }, Json), HttpStatusCode.Created))["case"]!;
        var consultationNumber = consultation["number"]!.GetValue<string>();

        // Front-line staff register the complaint from the menu, naming the agent and the caller's case number.
        var page = s.Page;
        await SignInAsync(page, "staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "投诉", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "登记投诉" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "登记投诉" });
        await form.GetByLabel("投诉人姓名").FillAsync("周八");
        await form.GetByLabel("投诉人电话").FillAsync(NewMobile());
        await form.GetByLabel("被投诉人").SelectOptionAsync(new SelectOptionValue { Label = "演示热线坐席（hotline）" });
        await form.GetByLabel("其他关联事项编号", new() { Exact = false }).FillAsync(consultationNumber);
        await form.GetByLabel("投诉内容").FillAsync("热线坐席答复敷衍，未告知仲裁时效。");
        await form.GetByRole(AriaRole.Button, new() { Name = "登记投诉" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "投诉 TS-", Exact = false })).ToBeVisibleAsync();
        var number = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Replace("投诉", "", StringComparison.Ordinal).Trim();
        await Assertions.Expect(page.GetByText("投诉由管理人员核查和答复")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("演示热线坐席");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = consultationNumber })).ToBeVisibleAsync();

        // The manager finds it by reply deadline, links the caller's case, and replies: bad input first.
        await SignInAsync(page, "manager");
        await page.GetByRole(AriaRole.Link, new() { Name = "投诉", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = number });
        await Assertions.Expect(row).ToContainTextAsync("工作人员 演示热线坐席");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        var reply = page.GetByRole(AriaRole.Form, new() { Name = "答复投诉" });
        await reply.GetByLabel("答复内容").FillAsync("经核查，投诉属实，已对坐席批评教育，并告知您仲裁时效。");
        await reply.GetByRole(AriaRole.Button, new() { Name = "答复并办结" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请选择核查结论");
        await Assertions.Expect(reply.GetByLabel("答复内容")).ToHaveValueAsync("经核查，投诉属实，已对坐席批评教育，并告知您仲裁时效。");
        await reply.GetByLabel("核查结论").SelectOptionAsync(new SelectOptionValue { Label = "属实" });
        await reply.GetByLabel("处理措施").FillAsync("批评教育，纳入月度考核");
        await reply.GetByRole(AriaRole.Button, new() { Name = "答复并办结" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已答复投诉人，投诉已办结。");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("批评教育，纳入月度考核");

        await page.GetByRole(AriaRole.Link, new() { Name = "返回投诉列表" }).ClickAsync();
        await Assertions.Expect(page.GetByText("没有办理中的投诉")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = number })).ToContainTextAsync("属实");
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
