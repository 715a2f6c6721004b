using Farun.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Cases;

public sealed class CaseFlowBrowserTests
{
    private static async Task SignInAsync(IPage page, string user)
    {
        if (await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).CountAsync() > 0)
            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByLabel("密码").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    private static ILocator Action(IPage page, string action) => page.Locator($"details[data-action='{action}']");

    [SkippableFact]
    public async Task HotlineConsultation_ConvertedGrantedAssignedClosed_FromTheScreens_CitizenFollowsInPortal()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        // A long flow on a shared machine: assertions wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(15_000);
        // The caller follows the matter on a phone, in large text.
        var citizen = await s.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

        // The hotline agent takes a call with the keyboard alone: the intake form opens with the cursor in the caller's
        // phone, Tab follows the conversation, arrow keys pick from lists, Enter in a text field submits.
        await SignInAsync(page, "hotline");
        await page.GotoAsync("/workbench");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "登记法律咨询" })).ToHaveAttributeAsync("accesskey", "c");
        await page.GetByRole(AriaRole.Link, new() { Name = "登记法律咨询" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/cases/new/consultation");
        await Assertions.Expect(page.GetByLabel("联系电话")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("13912340001");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("姓名")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("刘建国");
        await page.Keyboard.PressAsync("Tab"); // document type: resident ID card already chosen
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(IdNumber());
        await page.Keyboard.PressAsync("Tab"); // address
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "农民工" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        for (var i = 0; i < 7; i++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("法律领域")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("法律领域")).ToHaveValueAsync("Labour");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("在工地干了半年，老板拖欠工资两万元不给。");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("可申请劳动仲裁，符合条件的可申请法律援助。");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("劳动合同法第三十条");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已解答");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已登记法律咨询 ZX-");

        var convert = Action(page, "convert");
        await convert.Locator("summary").ClickAsync();
        await convert.GetByLabel("申请事项").SelectOptionAsync("LabourRemuneration");
        await convert.GetByLabel("案情与请求").FillAsync("在工地务工半年，被拖欠工资两万元，请求支付劳动报酬。");
        await convert.GetByRole(AriaRole.Button, new() { Name = "转为其他服务事项" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已转办理");
        var legalAidLink = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^法律援助 FY-") });
        var legalAidUrl = await legalAidLink.GetAttributeAsync("href");
        var legalAidNumber = (await legalAidLink.InnerTextAsync()).Replace("法律援助 ", "", StringComparison.Ordinal).Trim();

        // The caller signs in with the phone number given on the call and finds the application; adds a document.
        await CitizenSignInAsync(s, citizen, "13912340001");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "大字模式" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("large-text"));
        await citizen.GetByRole(AriaRole.Link, new() { Name = "我的事项" }).ClickAsync();
        var myCase = citizen.GetByRole(AriaRole.Link, new() { Name = "法律援助 " + legalAidNumber });
        await Assertions.Expect(myCase).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^法律咨询 ZX-") })).ToBeVisibleAsync();
        await myCase.ClickAsync();
        await Assertions.Expect(citizen.Locator("p.state")).ToContainTextAsync("待审查");
        await citizen.GetByLabel(new System.Text.RegularExpressions.Regex("^上传证明材料")).SetInputFilesAsync(new FilePayload
        {
            Name = "工资欠条.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交材料" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Status)).ToContainTextAsync("已提交材料“工资欠条.pdf”");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Link, new() { Name = "工资欠条.pdf" })).ToBeVisibleAsync();
        var wide = await citizen.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(e => e.tagName + '.' + e.className).slice(0, 5).join(', ')
            """);
        Assert.True(wide.Length == 0, "no sideways scrolling on a phone, but wider: " + wide);

        // The legal-aid officer takes it from the queue, grants it and assigns a lawyer.
        await SignInAsync(page, "legalaid");
        await page.GotoAsync("/workbench?view=queue");
        await Assertions.Expect(page.Locator("table.queue")).ToContainTextAsync("刘建国");
        await page.GotoAsync(legalAidUrl!);
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("待审查");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("农民工欠薪绿色通道");
        await Action(page, "claim").Locator("summary").ClickAsync();
        await Action(page, "claim").GetByRole(AriaRole.Button, new() { Name = "领取" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已领取");

        var grant = Action(page, "grant");
        await Assertions.Expect(grant).ToHaveAttributeAsync("open", "open");
        await grant.GetByLabel("说明").FillAsync("绿色通道，免予经济困难审查");
        await grant.GetByRole(AriaRole.Button, new() { Name = "准予法律援助" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("准予援助，待指派");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("指派法律援助人员期限");

        var assign = Action(page, "assign-lawyer");
        await assign.GetByLabel("承办律师").SelectOptionAsync(new SelectOptionValue { Label = await FirstOptionStartingAsync(assign, "演示律师") });
        await assign.GetByRole(AriaRole.Button, new() { Name = "指派律师" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("承办中");
        await Assertions.Expect(page.GetByTestId("lawyer")).ToContainTextAsync("演示律师");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("工资欠条.pdf");

        // The citizen reads the decision and who the lawyer is.
        await citizen.ReloadAsync();
        await Assertions.Expect(citizen.Locator("p.state")).ToContainTextAsync("承办中");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "给予法律援助决定" })).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("p.lawyer")).ToContainTextAsync("演示律师");

        // The lawyer reports the outcome.
        await SignInAsync(page, "lawyer");
        await page.GotoAsync(legalAidUrl!);
        var submit = Action(page, "submit-closure");
        await submit.GetByLabel("结案方式").SelectOptionAsync("Mediated");
        await submit.GetByLabel("办案阶段").SelectOptionAsync("Arbitration");
        await submit.GetByLabel("结案情况").FillAsync("经仲裁调解，用人单位支付工资两万元。");
        await submit.GetByRole(AriaRole.Button, new() { Name = "提交结案" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("结案审查中");

        // The officer approves the closure with the quality scores.
        await SignInAsync(page, "legalaid");
        await page.GotoAsync(legalAidUrl!);
        var approve = Action(page, "approve-closure");
        foreach (var (label, points) in new[] { ("办案及时性", "20"), ("与受援人沟通", "19"), ("法律文书质量", "28"), ("办案效果", "20"), ("卷宗归档规范", "9") })
            await approve.GetByLabel(label).FillAsync(points);
        await approve.GetByRole(AriaRole.Button, new() { Name = "结案审查通过" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-state")).ToHaveTextAsync("已办结");
        await Assertions.Expect(page.GetByTestId("quality")).ToContainTextAsync("96");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("由法律咨询 ZX-");
        await Assertions.Expect(page.Locator("details.action")).ToHaveCountAsync(1);

        // The citizen sees the outcome; a closed application takes no more documents; the quality score stays internal.
        await citizen.ReloadAsync();
        await Assertions.Expect(citizen.Locator("p.state")).ToContainTextAsync("已办结");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("办理结果：调解");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Button, new() { Name = "提交材料" })).ToHaveCountAsync(0);
        await Assertions.Expect(citizen.Locator("main")).Not.ToContainTextAsync("质量评分");
    }

    private static async Task CitizenSignInAsync(BrowserSession s, IPage page, string phone)
    {
        await page.GotoAsync("/citizen");
        await page.GetByLabel("手机号").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取验证码" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("短信验证码")).ToBeVisibleAsync();
        var code = s.Factory.Services.GetRequiredService<Farun.Web.Features.Citizens.DevelopmentSmsOutbox>().LastCode(phone)!;
        await page.GetByLabel("短信验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("您已登录")).ToBeVisibleAsync();
    }

    private static async Task<string> FirstOptionStartingAsync(ILocator scope, string prefix)
    {
        var labels = await scope.Locator("select[name=lawyerId] option").AllInnerTextsAsync();
        return labels.First(l => l.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static string IdNumber()
    {
        const string first17 = "51010419800101123";
        return first17 + Farun.Common.Validation.ChineseIdCard.ComputeCheckCharacter(first17);
    }
}
