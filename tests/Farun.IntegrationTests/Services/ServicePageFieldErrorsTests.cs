using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Services;

/// <summary>The staff forms of complaints, notary slots and quality review show each error next to the input that is
/// wrong (aria-invalid, aria-describedby) and keep the summary above the form, linking to the input.</summary>
public sealed class ServicePageFieldErrorsTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewComplaintPage_BadPost_EachErrorAtItsInputAndInTheSummary(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var staff = await app.StaffAsync("staff");
        var form = await PageForms.GetPageAsync(staff, "/complaints/new");
        Assert.DoesNotContain("error-summary", form, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", form, StringComparison.Ordinal);
        var subject = Regex.Match(form, "value=\"(Staff:[0-9a-f-]+)\"").Groups[1].Value;
        Assert.NotEmpty(subject);

        // No subject, no content, a hotline's number as the phone: each message at its input; the name (valid) kept and unmarked.
        var bad = await PageForms.PostAsync(staff, "/complaints/new", form,
            [("Kind", "Complaint"), ("Channel", "WalkIn"), ("ApplicantName", "周八"), ("ApplicantPhone", "12348"), ("Subject", ""), ("Text", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, "Subject", "请选择被投诉人。");
        FieldErrorHtml.AssertAtField(html, "Text", "请填写投诉内容。");
        FieldErrorHtml.AssertAtField(html, "ApplicantPhone", "是公共服务号码，不是本人的联系电话。");
        FieldErrorHtml.AssertValid(html, "ApplicantName");
        FieldErrorHtml.AssertValid(html, "Demand");
        Assert.Contains("value=\"周八\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12348\"", html, StringComparison.Ordinal);

        // A typed case number that is not the subject's: at the numbers input, with the rest of the form checked too.
        var wrongNumber = await PageForms.PostAsync(staff, "/complaints/new", form,
            [("Kind", "Complaint"), ("Channel", "WalkIn"), ("ApplicantName", "周八"), ("Subject", subject), ("Text", ""), ("CaseNumbers", "ZX-1999-000001")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongNumber.StatusCode);
        var wrongHtml = await wrongNumber.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(wrongHtml, "CaseNumbers", "编号ZX-1999-000001不是被投诉人承办的事项");
        FieldErrorHtml.AssertAtField(wrongHtml, "Text", "请填写投诉内容。");
        FieldErrorHtml.AssertValid(wrongHtml, "Subject");
        Assert.Contains("value=\"ZX-1999-000001\"", wrongHtml, StringComparison.Ordinal);

        // "列出其承办的事项" without a subject: at the subject.
        var listed = await PageForms.PostAsync(staff, "/complaints/new?handler=Subject", form, [("Kind", "Complaint"), ("Channel", "WalkIn"), ("Subject", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
        FieldErrorHtml.AssertAtField(await listed.Content.ReadAsStringAsync(), "Subject", "请选择被投诉人。");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NotarySlotsPage_BadPost_EachErrorAtItsInputAndInTheSummary(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var notary = await app.StaffAsync("notary");
        var form = await PageForms.GetPageAsync(notary, "/notarization/slots");
        Assert.DoesNotContain("aria-invalid", form, StringComparison.Ordinal);
        var point = Regex.Match(form, "name=\"ServicePointId\"[^>]*>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(point);

        // No date, too short, too many per slot: the date's own message (not the request's "no start time" at the time).
        var bad = await PageForms.PostAsync(notary, "/notarization/slots", form,
            [("ServicePointId", point), ("Kind", "Window"), ("Date", ""), ("Time", "09:00"), ("Minutes", "5"), ("Count", "1"), ("Capacity", "20")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, "Date", "请填写日期。");
        FieldErrorHtml.AssertAtField(html, "Minutes", "每个时段须在10到480分钟之间。");
        FieldErrorHtml.AssertAtField(html, "Capacity", "每个时段可预约人数须在1到10人之间。");
        FieldErrorHtml.AssertValid(html, "Time");
        FieldErrorHtml.AssertValid(html, "Count");
        Assert.DoesNotContain("请填写开始时间。", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"Minutes\"[^>]*value=\"5\"", html);

        // Both parts missing: each at its input.
        var neither = await PageForms.PostAsync(notary, "/notarization/slots", form,
            [("ServicePointId", point), ("Kind", "Window"), ("Date", ""), ("Time", ""), ("Minutes", "30"), ("Count", "1"), ("Capacity", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        var neitherHtml = await neither.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(neitherHtml, "Date", "请填写日期。");
        FieldErrorHtml.AssertAtField(neitherHtml, "Time", "请填写开始时间。");

        // A start in the past (the handler's startsAt): shown at the date, the time marked and described by it too.
        var yesterday = Farun.Common.Calendar.ChinaTime.Today().AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var past = await PageForms.PostAsync(notary, "/notarization/slots", form,
            [("ServicePointId", point), ("Kind", "Window"), ("Date", yesterday), ("Time", "09:00"), ("Minutes", "30"), ("Count", "1"), ("Capacity", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var pastHtml = await past.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(pastHtml, "Date", "开始时间须晚于现在。");
        FieldErrorHtml.AssertMarked(pastHtml, "Time", "Date-err");
        FieldErrorHtml.AssertValid(pastHtml, "Minutes");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task QualityPage_BadPosts_EachErrorAtItsInputAndInTheSummary(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var closed = await Api.CreateAsync(hotline, Api.Consultation());
        var manager = await app.StaffAsync("manager");
        var form = await PageForms.GetPageAsync(manager, "/quality");

        var badRate = await PageForms.PostAsync(manager, "/quality?handler=Sample", form, [("Batch", ""), ("RatePercent", "很多")]);
        Assert.Equal(HttpStatusCode.BadRequest, badRate.StatusCode);
        var badRateHtml = await badRate.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(badRateHtml, "RatePercent", "抽查比例须为1到100之间的数字（百分比）。");
        FieldErrorHtml.AssertValid(badRateHtml, "Batch");
        var outOfRange = await PageForms.PostAsync(manager, "/quality?handler=Sample", form, [("Batch", "2026-13"), ("RatePercent", "500")]);
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        var outOfRangeHtml = await outOfRange.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(outOfRangeHtml, "Batch", "抽查批次须为年月");
        var rate = FieldErrorHtml.AssertAtField(outOfRangeHtml, "RatePercent", "抽查比例须在1%到100%之间");
        Assert.DoesNotContain("0.01", rate, StringComparison.Ordinal);

        var sampled = await PageForms.PostAsync(manager, "/quality?handler=Sample", form, [("Batch", ""), ("RatePercent", "100")]);
        Assert.Equal(HttpStatusCode.Redirect, sampled.StatusCode);
        var page = await PageForms.GetPageAsync(manager, sampled.Headers.Location!.OriginalString);
        var number = closed["number"]!.GetValue<string>();
        var action = PageForms.FormAction(page, $"评查 {number}");
        var reviewId = PageForms.ActionId(action);
        string Input(string key) => $"review-{reviewId:N}-score-{key}";

        // Not a number: at that criterion; the other criteria and the comment kept.
        var notNumber = await PageForms.PostAsync(manager, action, page,
            [("score.compliance", "28"), ("score.timeliness", "二十"), ("score.attitude", "18"), ("score.result", "26"), ("comment", "认真")]);
        Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);
        var notNumberHtml = await notNumber.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(notNumberHtml, Input("timeliness"), "评分须为整数：“二十”。");
        FieldErrorHtml.AssertValid(notNumberHtml, Input("compliance"));
        Assert.Matches($"<input[^>]*id=\"{Input("compliance")}\"[^>]*value=\"28\"", notNumberHtml);
        Assert.Matches($"<input[^>]*id=\"review-{reviewId:N}-comment\"[^>]*value=\"认真\"", notNumberHtml);

        // A criterion left out or over its maximum (the handler's scores.{key}): at that criterion.
        var missing = await PageForms.PostAsync(manager, action, page, [("score.compliance", "28"), ("score.attitude", "18"), ("score.result", "26")]);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(missingHtml, Input("timeliness"), "请为“办理及时”评分");
        FieldErrorHtml.AssertValid(missingHtml, Input("result"));
        var over = await PageForms.PostAsync(manager, action, page,
            [("score.compliance", "28"), ("score.timeliness", "20"), ("score.attitude", "18"), ("score.result", "99")]);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        FieldErrorHtml.AssertAtField(await over.Content.ReadAsStringAsync(), Input("result"), "“办理结果与文书质量”的得分须在0至30分之间。");

        // Nothing scored (the request's scores as a whole): at the first criterion, every criterion marked.
        var none = await PageForms.PostAsync(manager, action, page, [("comment", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var noneHtml = await none.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(noneHtml, Input("compliance"), "请按评查标准逐项评分。");
        FieldErrorHtml.AssertMarked(noneHtml, Input("result"), Input("compliance") + "-err");

        var scored = await PageForms.PostAsync(manager, action, page,
            [("score.compliance", "28"), ("score.timeliness", "20"), ("score.attitude", "18"), ("score.result", "26")]);
        Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MediationIntakePage_BadPost_EachErrorAtItsInputAndInTheSummary(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var mediator = await app.StaffAsync("mediator");
        var form = await PageForms.GetPageAsync(mediator, "/mediation/new");
        Assert.DoesNotContain("aria-invalid", form, StringComparison.Ordinal);
        var committee = Regex.Match(form, "name=\"CommitteeId\"[^>]*>\\s*<option value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(committee);

        // A police referral without the officer and incident, no description, a wrong ID number, the other party unnamed.
        var bad = await PageForms.PostAsync(mediator, "/mediation/new", form,
        [
            ("Source", "PoliceReferral"), ("CommitteeId", committee), ("DisputeType", "Neighbourhood"), ("Description", ""),
            ("ApplicantName", "张三"), ("ApplicantIdNumber", "110101199003071234"), ("OpposingName", ""), ("Station", "南湖派出所"),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, "Description", "请填写纠纷简要情况。");
        FieldErrorHtml.AssertAtField(html, "ApplicantIdNumber", "校验");
        FieldErrorHtml.AssertAtField(html, "OpposingName", "请填写姓名。");
        FieldErrorHtml.AssertAtField(html, "Officer", "请填写移送民警姓名。");
        FieldErrorHtml.AssertAtField(html, "Incident", "请填写警情编号。");
        FieldErrorHtml.AssertValid(html, "ApplicantName");
        FieldErrorHtml.AssertValid(html, "Station");
        Assert.Matches("<input[^>]*id=\"ApplicantName\"[^>]*value=\"张三\"", html);
        Assert.Matches("<input[^>]*id=\"Station\"[^>]*value=\"南湖派出所\"", html);
    }
}
