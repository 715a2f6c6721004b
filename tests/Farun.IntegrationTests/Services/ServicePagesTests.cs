using System.Net;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Services;

/// <summary>The staff pages of complaints, notary appointment slots and quality review: who may open them, forms that
/// post to the same handlers as the API, Chinese messages for bad input, and escaped text.</summary>
public sealed class ServicePagesTests
{
    private static async Task<HttpClient> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.PostLoginAsync(client, user, StaffClient.DemoPassword)).StatusCode);
        return client;
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ComplaintPages_RegisterAboutStaffLinkedToTheirCase_ManagerReplies_OverdueFlagged(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var clock = new ManualTimeProvider();
        await using var web = app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var hotline = await SignInAsync(web, "hotline");
        var consultation = await Api.CreateAsync(hotline, Api.Consultation());
        var hotlineUserId = consultation["assignee"]!["id"]!.GetValue<string>();
        var staff = await SignInAsync(web, "staff");

        // Anonymous: to the sign-in page; the audit administrator: denied. Staff see the link in the menu.
        var anonymous = await web.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/complaints");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await PageForms.AssertDeniedAsync(await SignInAsync(web, "auditor"), "/complaints/new");
        var list = await PageForms.GetPageAsync(staff, "/complaints");
        Assert.Contains("href=\"/complaints\"", list, StringComparison.Ordinal);
        Assert.Contains("没有办理中的投诉", list, StringComparison.Ordinal);

        // The form offers the staff account; choosing it lists the cases they handled that the caller may see (the
        // manager sees the centre's consultation; the street's staff member does not, and types the number instead).
        var form = await PageForms.GetPageAsync(staff, "/complaints/new");
        Assert.Contains($"value=\"Staff:{hotlineUserId}\"", form, StringComparison.Ordinal);
        Assert.Contains("演示热线坐席", form, StringComparison.Ordinal);
        var consultationNumber = consultation["number"]!.GetValue<string>();
        (string, string)[] choose = [("Kind", "Complaint"), ("Channel", "WalkIn"), ("ApplicantName", "周八"), ("Subject", $"Staff:{hotlineUserId}")];
        var early = await SignInAsync(web, "manager");
        var listed = await PageForms.PostAsync(early, "/complaints/new?handler=Subject", await PageForms.GetPageAsync(early, "/complaints/new"), choose);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var withCases = await listed.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{consultation["id"]!.GetValue<string>()}\"", withCases, StringComparison.Ordinal);
        Assert.Contains(consultationNumber, withCases, StringComparison.Ordinal);
        var notVisible = await PageForms.PostAsync(staff, "/complaints/new?handler=Subject", form, choose);
        var notVisibleHtml = await notVisible.Content.ReadAsStringAsync();
        Assert.DoesNotContain(consultationNumber, notVisibleHtml, StringComparison.Ordinal);
        Assert.Contains("可以在下面填写投诉人所说的事项编号", notVisibleHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"周八\"", notVisibleHtml, StringComparison.Ordinal);

        // Bad input: Chinese messages, the input kept.
        var bad = await PageForms.PostAsync(staff, "/complaints/new", form,
            [("Kind", "Complaint"), ("Channel", "WalkIn"), ("ApplicantName", "周八"), ("ApplicantPhone", Api.NewMobile()), ("Subject", ""), ("Text", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请选择被投诉人。", badHtml, StringComparison.Ordinal);
        Assert.Contains("请填写投诉内容。", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"周八\"", badHtml, StringComparison.Ordinal);
        var wrongNumber = await PageForms.PostAsync(staff, "/complaints/new", form,
            [.. choose, ("Text", "答复敷衍"), ("CaseNumbers", "ZX-1999-000001")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongNumber.StatusCode);
        Assert.Contains("编号ZX-1999-000001不是被投诉人承办的事项", await wrongNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await PageForms.PostAsync(staff, "/complaints/new", form,
        [
            ("Kind", "Complaint"), ("Channel", "WalkIn"), ("ApplicantName", "<b>周八</b>"), ("ApplicantPhone", Api.NewMobile()),
            ("Subject", $"Staff:{hotlineUserId}"), ("Text", "<script>alert(1)</script>热线坐席答复敷衍"), ("Demand", "请求调查并答复"),
            ("CaseNumbers", consultationNumber),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/complaints/", location, StringComparison.Ordinal);
        var page = await PageForms.GetPageAsync(staff, location);
        Assert.Contains("投诉 TS-", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;热线坐席答复敷衍", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;周八&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains(consultationNumber, page, StringComparison.Ordinal);
        Assert.Contains("投诉由管理人员核查和答复", page, StringComparison.Ordinal);
        Assert.DoesNotContain("答复并办结", page, StringComparison.Ordinal);
        // The person complained about does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await hotline.GetAsync(location)).StatusCode);

        // Past the reply deadline the list flags it.
        clock.Advance(TimeSpan.FromDays(61));
        var manager = await SignInAsync(web, "manager");
        var overdue = await PageForms.GetPageAsync(manager, "/complaints");
        Assert.Contains(location, overdue, StringComparison.Ordinal);
        Assert.Contains("（已超期）", overdue, StringComparison.Ordinal);

        // The manager replies from the complaint page: a missing outcome is a Chinese message, then the reply closes it.
        var managerPage = await PageForms.GetPageAsync(manager, location);
        Assert.Contains("答复并办结", managerPage, StringComparison.Ordinal);
        var noOutcome = await PageForms.PostAsync(manager, location + "?act=reply-complaint", managerPage, [("outcome", ""), ("reply", "经核查，属实。")]);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        var noOutcomeHtml = await noOutcome.Content.ReadAsStringAsync();
        Assert.Contains("请选择核查结论", noOutcomeHtml, StringComparison.Ordinal);
        Assert.Contains("经核查，属实。", noOutcomeHtml, StringComparison.Ordinal);
        var replied = await PageForms.PostAsync(manager, location + "?act=reply-complaint", managerPage,
            [("outcome", "Substantiated"), ("reply", "经核查，投诉属实，已批评教育。"), ("measures", "纳入月度考核")]);
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var closed = await PageForms.GetPageAsync(manager, location);
        Assert.Contains("已答复投诉人，投诉已办结。", closed, StringComparison.Ordinal);
        Assert.Contains("<dt>核查结论</dt><dd>属实</dd>", closed, StringComparison.Ordinal);
        var after = await PageForms.GetPageAsync(manager, "/complaints");
        Assert.Contains("没有办理中的投诉", after, StringComparison.Ordinal);
        Assert.Contains("属实", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NotarySlotsPage_NotaryOpensSlotsWithCapacity_SeesBookingsAndHomeVisits()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var notary = await app.StaffAsync("notary");
        await PageForms.AssertDeniedAsync(await app.StaffAsync("mediator"), "/notarization/slots");
        Assert.DoesNotContain("href=\"/notarization/slots\"", await PageForms.GetPageAsync(await app.StaffAsync("hotline"), "/workbench"), StringComparison.Ordinal);
        var form = await PageForms.GetPageAsync(notary, "/notarization/slots");
        Assert.Contains("href=\"/notarization/slots\"", form, StringComparison.Ordinal);
        Assert.Contains("还没有开放的时段", form, StringComparison.Ordinal);
        var point = System.Text.RegularExpressions.Regex.Match(form, "name=\"ServicePointId\"[^>]*>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(point);

        var day = Farun.Common.Calendar.ChinaTime.Today().AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bad = await PageForms.PostAsync(notary, "/notarization/slots", form,
            [("ServicePointId", point), ("Kind", "Window"), ("Date", ""), ("Time", "09:00"), ("Minutes", "5"), ("Count", "1"), ("Capacity", "20")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写日期。", badHtml, StringComparison.Ordinal);
        Assert.Contains("每个时段须在10到480分钟之间。", badHtml, StringComparison.Ordinal);
        Assert.Contains("每个时段可预约人数须在1到10人之间。", badHtml, StringComparison.Ordinal);

        // Two 30-minute window slots for two applicants each: four bookable places.
        var opened = await PageForms.PostAsync(notary, "/notarization/slots", form,
            [("ServicePointId", point), ("Kind", "Window"), ("Date", day), ("Time", "09:00"), ("Minutes", "30"), ("Count", "2"), ("Capacity", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var schedule = await PageForms.GetPageAsync(notary, "/notarization/slots");
        Assert.Contains("已开放4个窗口办理预约名额", schedule, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(schedule, $"{day} 09:00–09:30"));
        Assert.Equal(2, CountOf(schedule, $"{day} 09:30–10:00"));
        var home = await PageForms.PostAsync(notary, "/notarization/slots", schedule,
            [("ServicePointId", point), ("Kind", "HomeVisit"), ("Date", day), ("Time", "14:00"), ("Minutes", "60"), ("Count", "1"), ("Capacity", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);

        // A citizen books the home visit; the schedule shows the case, the address (escaped) and the visits so far.
        var phone = Api.NewMobile();
        var citizen = app.Citizen(Guid.NewGuid(), phone);
        var created = await Api.CreateAsync(citizen, new
        {
            type = "Notarization",
            channel = "OnlinePortal",
            applicant = new { person = new { name = "赵敏", phone } },
            notarization = new { matterCode = "entrustment", purpose = "委托亲属办理房产过户" },
        });
        var free = await Api.ReadAsync(await citizen.GetAsync("/api/notarization/slots?kind=HomeVisit"), HttpStatusCode.OK);
        var slotId = free.AsArray().Single()!["id"]!.GetValue<string>();
        await Api.ReadAsync(await Api.PostAsync(citizen, $"/api/cases/{created["id"]!.GetValue<string>()}/notarization/booking",
            new { slotId, address = "<b>幸福里</b>3号楼" }), HttpStatusCode.OK);
        var booked = await PageForms.GetPageAsync(notary, "/notarization/slots");
        Assert.Contains($"href=\"/notarization/cases/{created["id"]!.GetValue<string>()}\">{created["number"]!.GetValue<string>()}</a>", booked, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;幸福里&lt;/b&gt;3号楼", booked, StringComparison.Ordinal);
        Assert.Contains("上门办证", booked, StringComparison.Ordinal);
        Assert.Contains("到场0次", booked, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(booked, ">空闲<"));
    }

    [SkippableFact]
    public async Task QualityPage_ManagerSamplesAndScores_ScoresShownOthersDenied()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var hotline = await app.StaffAsync("hotline");
        var closed = await Api.CreateAsync(hotline, Api.Consultation());
        Assert.Equal("Answered", closed["state"]!.GetValue<string>());
        var manager = await app.StaffAsync("manager");
        await PageForms.AssertDeniedAsync(hotline, "/quality");
        Assert.DoesNotContain("href=\"/quality\"", await PageForms.GetPageAsync(hotline, "/workbench"), StringComparison.Ordinal);

        var form = await PageForms.GetPageAsync(manager, "/quality");
        Assert.Contains("href=\"/quality\"", form, StringComparison.Ordinal);
        Assert.Contains("该批次还没有抽查事项", form, StringComparison.Ordinal);
        var badRate = await PageForms.PostAsync(manager, "/quality?handler=Sample", form, [("Batch", ""), ("RatePercent", "很多")]);
        Assert.Equal(HttpStatusCode.BadRequest, badRate.StatusCode);
        Assert.Contains("抽查比例须为1到100之间的数字", await badRate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badBatch = await PageForms.PostAsync(manager, "/quality?handler=Sample", form, [("Batch", "2026-13"), ("RatePercent", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, badBatch.StatusCode);
        Assert.Contains("抽查批次须为年月", await badBatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sampled = await PageForms.PostAsync(manager, "/quality?handler=Sample", form, [("Batch", ""), ("RatePercent", "100")]);
        Assert.Equal(HttpStatusCode.Redirect, sampled.StatusCode);
        var page = await PageForms.GetPageAsync(manager, sampled.Headers.Location!.OriginalString);
        var number = closed["number"]!.GetValue<string>();
        Assert.Contains($"已随机抽取1件", page, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"评查 {number}\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"score.compliance\"", page, StringComparison.Ordinal);

        var action = PageForms.FormAction(page, $"评查 {number}");
        var missing = await PageForms.PostAsync(manager, action, page, [("score.compliance", "28"), ("score.timeliness", "二十")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("评分须为整数：“二十”。", missingHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"28\"", missingHtml, StringComparison.Ordinal);
        var incomplete = await PageForms.PostAsync(manager, action, page, [("score.compliance", "28")]);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("办理及时", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var scored = await PageForms.PostAsync(manager, action, page,
            [("score.compliance", "28"), ("score.timeliness", "20"), ("score.attitude", "18"), ("score.result", "26"), ("comment", "<i>答复准确</i>")]);
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
        var done = await PageForms.GetPageAsync(manager, scored.Headers.Location!.OriginalString);
        Assert.Contains($"已录入{number}的评查得分：92分", done, StringComparison.Ordinal);
        Assert.Contains("<strong>92分</strong>", done, StringComparison.Ordinal);
        Assert.Contains("办理程序规范28分", done, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;答复准确&lt;/i&gt;", done, StringComparison.Ordinal);
        Assert.Contains("已评查1件，平均92.0分", done, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}
