using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Farun.IntegrationTests.Mediation;

namespace Farun.IntegrationTests.Services;

/// <summary>The action forms of the staff case pages (mediation, notarization, complaints): a failed post answers 400
/// (or the domain error's 404/409), keeps everything typed in that form, and shows each message at its input
/// (id "{act}-{field}") with the summary linking to it.</summary>
public sealed class ActionFormErrorsTests
{
    private const string LongMinutes = "申请人张三陈述：3月1日晚在小区地下车库停车时，李四倒车剐蹭其车辆左后门。被申请人李四承认剐蹭，但认为张三违规占用通道。"
        + "调解员释明《民法典》第一千一百六十五条，双方同意由李四承担修车费用，具体金额待4S店报价后再议。";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MediationCasePage_BadActionPost_KeepsWhatWasTypedAndShowsEachErrorAtItsInput(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var mediator = await app.StaffAsync("mediator");
        var committee = await MediationFlowTests.CommitteeIdAsync(mediator);
        var lawyer = await MediationFlowTests.StationedLawyerAsync(mediator);
        var created = await Api.CreateAsync(mediator, MediationFlowTests.PoliceReferral(committee, lawyer["id"]!.GetValue<string>()));
        var url = $"/mediation/cases/{created["id"]!.GetValue<string>()}";
        var page = await PageForms.GetPageAsync(mediator, url);
        Assert.DoesNotContain("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Matches("<label for=\"record-session-minutes\">调解记录</label>", page);

        // No time and no attendees, long minutes typed: 400, each message at its input, everything typed still there.
        var bad = await PageForms.PostAsync(mediator, url + "?act=record-session", page,
            [("heldAt", ""), ("mode", "Video"), ("place", "南湖派出所调解室"), ("attendees", ""), ("minutes", LongMinutes)]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, "record-session-heldAt", "请填写调解时间。");
        FieldErrorHtml.AssertAtField(html, "record-session-attendees", "请填写参加调解的人员。");
        FieldErrorHtml.AssertValid(html, "record-session-place");
        FieldErrorHtml.AssertValid(html, "record-session-minutes");
        Assert.Matches("<textarea[^>]*id=\"record-session-minutes\"[^>]*>" + Regex.Escape(LongMinutes) + "</textarea>", html);
        Assert.Matches("<input[^>]*id=\"record-session-place\"[^>]*value=\"南湖派出所调解室\"", html);
        Assert.Matches("<option value=\"Video\" selected=\"selected\">", html);
        // The old banner without links is gone.
        Assert.DoesNotContain("<div class=\"banner error\" role=\"alert\"><ul>", html, StringComparison.Ordinal);

        // A time that is not a time, and one in the future (the case's rule): both at the time, the rest kept.
        var garbled = await PageForms.PostAsync(mediator, url + "?act=record-session", page,
            [("heldAt", "明天下午"), ("mode", "InPerson"), ("place", ""), ("attendees", "张三、李四"), ("minutes", LongMinutes)]);
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        var garbledHtml = await garbled.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(garbledHtml, "record-session-heldAt", "请填写调解时间。");
        Assert.Matches("<input[^>]*id=\"record-session-heldAt\"[^>]*value=\"明天下午\"", garbledHtml);
        Assert.Matches("<input[^>]*id=\"record-session-attendees\"[^>]*value=\"张三、李四\"", garbledHtml);
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var future = await PageForms.PostAsync(mediator, url + "?act=record-session", page,
            [("heldAt", tomorrow), ("mode", "InPerson"), ("place", "南湖派出所调解室"), ("attendees", "张三、李四"), ("minutes", LongMinutes)]);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var futureHtml = await future.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(futureHtml, "record-session-heldAt", "调解时间不能晚于现在。");
        FieldErrorHtml.AssertValid(futureHtml, "record-session-attendees");
        Assert.Matches("<textarea[^>]*id=\"record-session-minutes\"[^>]*>" + Regex.Escape(LongMinutes) + "</textarea>", futureHtml);

        // An action the state does not allow (no agreement before a session): 409, the message in the summary.
        var early = await PageForms.PostAsync(mediator, url + "?act=record-agreement", page,
            [("facts", "剐蹭"), ("terms", "赔偿"), ("performanceMethod", "转账"), ("performanceDueOn", ""), ("signedOn", "")]);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("不能", FieldErrorHtml.Summary(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Then the session is recorded, and the agreement form keeps the facts and terms when the method is missing.
        var now = DateTime.UtcNow.AddHours(8).AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var saved = await PageForms.PostAsync(mediator, url + "?act=record-session", page,
            [("heldAt", now), ("mode", "InPerson"), ("place", "南湖派出所调解室"), ("attendees", "张三、李四"), ("minutes", LongMinutes)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await PageForms.GetPageAsync(mediator, url);
        var today = Farun.Common.Calendar.ChinaTime.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Matches($"<input[^>]*id=\"record-agreement-signedOn\"[^>]*value=\"{today}\"", page);
        var noMethod = await PageForms.PostAsync(mediator, url + "?act=record-agreement", page,
            [("facts", "双方停车时发生剐蹭，李四负全部责任。"), ("terms", "李四赔偿张三修车费3000元。"), ("performanceMethod", ""), ("performanceDueOn", "2020-01-01"), ("signedOn", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noMethod.StatusCode);
        var noMethodHtml = await noMethod.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(noMethodHtml, "record-agreement-performanceMethod", "请填写协议履行的方式");
        FieldErrorHtml.AssertAtField(noMethodHtml, "record-agreement-signedOn", "请填写协议签署日期");
        Assert.Matches("<textarea[^>]*id=\"record-agreement-facts\"[^>]*>双方停车时发生剐蹭，李四负全部责任。</textarea>", noMethodHtml);
        Assert.Matches("<textarea[^>]*id=\"record-agreement-terms\"[^>]*>李四赔偿张三修车费3000元。</textarea>", noMethodHtml);
        Assert.Matches("<input[^>]*id=\"record-agreement-performanceDueOn\"[^>]*value=\"2020-01-01\"", noMethodHtml);
        // The signing date left blank stays blank (the default applies only to a form not posted).
        Assert.DoesNotMatch($"<input[^>]*id=\"record-agreement-signedOn\"[^>]*value=\"{today}\"", noMethodHtml);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NotaryCasePage_BadIssueOrRefusal_KeepsWhatWasTypedAndShowsEachErrorAtItsInput(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = app.Citizen(Guid.NewGuid(), phone);
        var created = await Notarization.NotarizationFlowTests.OnlineApplicationAsync(citizen, phone);
        var id = created["id"]!.GetValue<string>();
        var notary = await app.StaffAsync("notary");
        await Api.ActAsync(notary, id, "accept-notarization");
        var url = $"/notarization/cases/{id}";
        var page = await PageForms.GetPageAsync(notary, url);
        Assert.DoesNotContain("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        var standardFee = Regex.Match(page, "<input[^>]*id=\"issue-certificate-fee\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(standardFee);
        Assert.Matches("<input type=\"checkbox\" id=\"issue-certificate-sameVisit\"[^>]*checked", page);

        // A fee over the standard, by post with the checkbox unchecked: at the fee; number, delivery and checkbox kept.
        var tooMuch = await PageForms.PostAsync(notary, url + "?act=issue-certificate", page,
            [("certificateNumber", "（2026）示证字第7号"), ("fee", "9999"), ("delivery", "Mail")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var html = await tooMuch.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, "issue-certificate-fee", "收费超过收费标准");
        FieldErrorHtml.AssertValid(html, "issue-certificate-certificateNumber");
        Assert.Matches("<input[^>]*id=\"issue-certificate-certificateNumber\"[^>]*value=\"（2026）示证字第7号\"", html);
        Assert.Matches("<input[^>]*id=\"issue-certificate-fee\"[^>]*value=\"9999\"", html);
        Assert.Matches("<option value=\"Mail\" selected=\"selected\">", html);
        Assert.DoesNotMatch("<input type=\"checkbox\" id=\"issue-certificate-sameVisit\"[^>]*checked", html);

        // No number, a fee that is not a number: each at its input.
        var blank = await PageForms.PostAsync(notary, url + "?act=issue-certificate", page,
            [("certificateNumber", ""), ("fee", "二百"), ("delivery", "InPerson"), ("sameVisit", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var blankHtml = await blank.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(blankHtml, "issue-certificate-certificateNumber", "请填写公证书编号。");
        FieldErrorHtml.AssertAtField(blankHtml, "issue-certificate-fee", "请填写收取的公证费。");
        Assert.Matches("<input[^>]*id=\"issue-certificate-fee\"[^>]*value=\"二百\"", blankHtml);
        Assert.Matches("<input type=\"checkbox\" id=\"issue-certificate-sameVisit\"[^>]*checked", blankHtml);

        // Refusal: a ground that is not one of 第三十一条's, then no reason — each at its input, the rest kept.
        var badGround = await PageForms.PostAsync(notary, url + "?act=refuse-notarization", page, [("ground", "99"), ("reason", "申请人拒绝补充材料。")]);
        Assert.Equal(HttpStatusCode.BadRequest, badGround.StatusCode);
        var badGroundHtml = await badGround.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(badGroundHtml, "refuse-notarization-ground", "第三十一条");
        Assert.Matches("<input[^>]*id=\"refuse-notarization-reason\"[^>]*value=\"申请人拒绝补充材料。\"", badGroundHtml);
        var noReason = await PageForms.PostAsync(notary, url + "?act=refuse-notarization", page, [("ground", "3"), ("reason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(noReasonHtml, "refuse-notarization-reason", "请说明不予办理的理由。");
        FieldErrorHtml.AssertValid(noReasonHtml, "refuse-notarization-ground");
        Assert.Matches("<option value=\"3\" selected=\"selected\">", noReasonHtml);
        // The issue form, not posted this time, shows its defaults again.
        Assert.Matches($"<input[^>]*id=\"issue-certificate-fee\"[^>]*value=\"{Regex.Escape(standardFee)}\"", noReasonHtml);
        Assert.Matches("<input type=\"checkbox\" id=\"issue-certificate-sameVisit\"[^>]*checked", noReasonHtml);

        var issued = await PageForms.PostAsync(notary, url + "?act=issue-certificate", page,
            [("certificateNumber", "（2026）示证字第7号"), ("fee", standardFee), ("delivery", "InPerson"), ("sameVisit", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ComplaintPage_BadActionPost_KeepsWhatWasTypedAndShowsEachErrorAtItsInput(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var consultation = await Api.CreateAsync(hotline, Api.Consultation());
        var staff = await app.StaffAsync("staff");
        var complaint = await Api.CreateAsync(staff, new
        {
            type = "Complaint",
            channel = "WalkIn",
            applicant = new { person = new { name = "周八", phone = Api.NewMobile() } },
            complaint = new { subject = new { kind = "Staff", userId = consultation["assignee"]!["id"]!.GetValue<string>() }, content = "热线坐席答复敷衍。" },
        });
        var url = $"/complaints/{complaint["id"]!.GetValue<string>()}";
        var manager = await app.StaffAsync("manager");
        var page = await PageForms.GetPageAsync(manager, url);
        Assert.DoesNotContain("aria-invalid=\"true\"", page, StringComparison.Ordinal);

        var noNote = await PageForms.PostAsync(manager, url + "?act=investigate", page, [("note", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        FieldErrorHtml.AssertAtField(await noNote.Content.ReadAsStringAsync(), "investigate-note", "请填写核查安排");

        // Reply without an outcome: at the outcome; the reply and measures typed are kept.
        var noOutcome = await PageForms.PostAsync(manager, url + "?act=reply-complaint", page,
            [("outcome", ""), ("reply", "经核查，投诉属实，已批评教育。"), ("measures", "纳入月度考核")]);
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        var html = await noOutcome.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, "reply-complaint-outcome", "请选择核查结论");
        FieldErrorHtml.AssertValid(html, "reply-complaint-reply");
        Assert.Matches("<textarea[^>]*id=\"reply-complaint-reply\"[^>]*>经核查，投诉属实，已批评教育。</textarea>", html);
        Assert.Matches("<textarea[^>]*id=\"reply-complaint-measures\"[^>]*>纳入月度考核</textarea>", html);
        // The investigate form was not posted: it does not show the reply's values.
        Assert.Matches("<input[^>]*id=\"investigate-note\"(?![^>]*value=)[^>]*>", html);

        // Substantiated without measures (the case's rule): at the measures, the outcome still chosen.
        var noMeasures = await PageForms.PostAsync(manager, url + "?act=reply-complaint", page,
            [("outcome", "Substantiated"), ("reply", "经核查，投诉属实。"), ("measures", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, noMeasures.StatusCode);
        var noMeasuresHtml = await noMeasures.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(noMeasuresHtml, "reply-complaint-measures", "请填写对被投诉人的处理措施。");
        FieldErrorHtml.AssertValid(noMeasuresHtml, "reply-complaint-outcome");
        Assert.Matches("<option value=\"Substantiated\" selected=\"selected\">", noMeasuresHtml);

        // Another complaint's page that the caller cannot see answers 404, not a page with a form.
        var missing = await PageForms.PostAsync(manager, $"/complaints/{Guid.NewGuid()}?act=investigate", page, [("note", "调取录音")]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FollowUpsPage_BadRowPost_KeepsWhatWasTypedAndShowsEachErrorAtItsInput(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var number = (await Api.CreateAsync(hotline, Api.Consultation()))["number"]!.GetValue<string>();
        var manager = await app.StaffAsync("manager");
        var page = await PageForms.GetPageAsync(manager, "/follow-ups");
        var action = PageForms.FormAction(page, $"回访 {number}");
        var act = $"rate-{PageForms.ActionId(action):N}";
        Assert.Matches($"<label for=\"{act}-comment\">评价意见</label>", page);

        // No level chosen (a hand-made post), a comment typed: 400, the message at the level, the comment kept.
        var noLevel = await PageForms.PostAsync(manager, action, page, [("level", ""), ("comment", "对方说答复清楚，但等候时间长")]);
        Assert.Equal(HttpStatusCode.BadRequest, noLevel.StatusCode);
        var html = await noLevel.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(html, $"{act}-level", "请选择评价等级");
        FieldErrorHtml.AssertValid(html, $"{act}-comment");
        Assert.Matches($"<input[^>]*id=\"{act}-comment\"[^>]*value=\"对方说答复清楚，但等候时间长\"", html);

        // A control character in the comment: at the comment; the chosen level kept.
        var control = await PageForms.PostAsync(manager, action, page, [("level", "Satisfied"), ("comment", "满意\u0007")]);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        var controlHtml = await control.Content.ReadAsStringAsync();
        FieldErrorHtml.AssertAtField(controlHtml, $"{act}-comment", "评价意见");
        FieldErrorHtml.AssertValid(controlHtml, $"{act}-level");
        Assert.Matches("<option value=\"Satisfied\" selected=\"selected\">", controlHtml);

        // Rated: 200 with the notice, and the row's form is gone.
        var rated = await PageForms.PostAsync(manager, action, page, [("level", "Satisfied"), ("comment", "")]);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var ratedHtml = await rated.Content.ReadAsStringAsync();
        Assert.Contains("已记录“满意”", ratedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"aria-label=\"回访 {number}\"", ratedHtml, StringComparison.Ordinal);
    }
}
