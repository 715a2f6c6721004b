using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Mediation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Farun.BrowserTests.Mediation;

public sealed class MediationBrowserTests
{
    [SkippableFact]
    public async Task PoliceReferral_ToWrittenAgreement_PrintViewAndConfirmationReminder()
    {
        await using var s = await BrowserSession.StartAsync();
        var page = s.Page;
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("mediator");
        await page.GetByLabel("密码").FillAsync(StaffClient.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        await page.GotoAsync("/mediation/new");
        await page.GetByLabel("纠纷来源").SelectOptionAsync("PoliceReferral");
        await page.GetByLabel("纠纷类型").SelectOptionAsync("Damages");
        await page.GetByLabel("纠纷简要情况").FillAsync("停车剐蹭引发争执，派出所出警后移送调解。");
        await page.GetByLabel("涉及金额（元）").FillAsync("3000");
        await page.GetByLabel("申请人姓名").FillAsync("张三");
        await page.GetByLabel("对方当事人姓名").FillAsync("李四");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "派出所", Exact = true }).FillAsync(MediationDemoSeeder.PoliceStation);
        await page.GetByLabel("移送民警").FillAsync("刘警官");
        await page.GetByLabel("警情编号").FillAsync("JQ2026030200123");
        await page.GetByLabel("驻所律师").SelectOptionAsync(new SelectOptionValue { Label = $"{MediationDemoSeeder.StationedLawyer}（{MediationDemoSeeder.PoliceStation}）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "登记" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "人民调解 TJ-" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("调解中")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("警情编号JQ2026030200123")).ToBeVisibleAsync();

        var session = page.GetByRole(AriaRole.Form, new() { Name = "记录调解" });
        await session.GetByLabel("调解时间").FillAsync(DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await session.GetByLabel("调解地点").FillAsync("南湖派出所调解室");
        await session.GetByLabel("调解记录").FillAsync("双方陈述经过，驻所律师释明责任。");
        // Saved without the attendees: the message at that input, and nothing typed is lost.
        await session.GetByRole(AriaRole.Button, new() { Name = "保存调解记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写参加调解的人员。");
        await Assertions.Expect(session.GetByLabel("参加人员")).ToHaveAccessibleDescriptionAsync("请填写参加调解的人员。");
        await Assertions.Expect(session.GetByLabel("调解记录")).ToHaveValueAsync("双方陈述经过，驻所律师释明责任。");
        await Assertions.Expect(session.GetByLabel("调解地点")).ToHaveValueAsync("南湖派出所调解室");
        await session.GetByLabel("参加人员").FillAsync("张三、李四、吴律师");
        await session.GetByRole(AriaRole.Button, new() { Name = "保存调解记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "南湖派出所调解室" })).ToBeVisibleAsync();

        var agreement = page.GetByRole(AriaRole.Form, new() { Name = "达成调解协议书" });
        await agreement.GetByLabel("主要事实、争议事项及各方责任").FillAsync("双方停车时发生剐蹭，李四负全部责任。");
        await agreement.GetByLabel("协议内容").FillAsync("李四赔偿张三修车费3000元。");
        await agreement.GetByLabel("履行方式").FillAsync("微信转账");
        await agreement.GetByRole(AriaRole.Button, new() { Name = "达成调解协议书" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已达成协议")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("申请司法确认期限").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "打印调解协议书" }).ClickAsync();
        var doc = page.GetByRole(AriaRole.Article, new() { Name = "人民调解协议书" });
        await Assertions.Expect(doc).ToContainTextAsync("李四赔偿张三修车费3000元。");
        await Assertions.Expect(doc).ToContainTextAsync("第二十九条第二款");
        await Assertions.Expect(doc).ToContainTextAsync("三十日内共同向人民法院申请司法确认");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();

        // Three weeks later the reminder job runs (on whichever node): the case page shows the reminder.
        var reminders = s.Factory.Services.GetRequiredService<ConfirmationReminders>();
        Assert.Equal(1, (await reminders.RunAsync(DateTimeOffset.UtcNow.AddDays(27))).Reminded);
        await page.GetByRole(AriaRole.Link, new() { Name = "返回" }).ClickAsync();
        await Assertions.Expect(page.GetByText("提醒：申请司法确认的期限将于")).ToBeVisibleAsync();
    }
}
