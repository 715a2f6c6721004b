using System.Net;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.FollowUps;

public sealed class FollowUpFlowTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadRating_OpensRectification_ThenSecondFollowUpByOnlineLink_CountedInRate(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var hotline = await app.StaffAsync("hotline");
        var manager = await app.StaffAsync("manager");
        var good = await Api.CreateAsync(hotline, Api.Consultation());
        var bad = await Api.CreateAsync(hotline, Api.Consultation("邻居装修噪音扰民怎么办？"));
        Assert.Equal("Answered", bad["state"]!.GetValue<string>());

        // Closing opens a follow-up within the configured period; the handler may not make it.
        var pending = await Api.ReadAsync(await manager.GetAsync("/api/follow-ups?status=Pending"), HttpStatusCode.OK);
        var badFollowUp = pending.AsArray().Single(f => f!["caseId"]!.GetValue<string>() == bad["id"]!.GetValue<string>())!;
        Assert.Equal(1, badFollowUp["round"]!.GetValue<int>());
        Assert.Equal("演示热线坐席", badFollowUp["handlerName"]!.GetValue<string>());
        Assert.Contains("回访", badFollowUp["basis"]!.GetValue<string>());
        Assert.True(badFollowUp["mayCall"]!.GetValue<bool>());
        var badId = badFollowUp["id"]!.GetValue<string>();
        var goodId = pending.AsArray().Single(f => f!["caseId"]!.GetValue<string>() == good["id"]!.GetValue<string>())!["id"]!.GetValue<string>();
        await Api.ReadAsync(await Api.PostAsync(hotline, $"/api/follow-ups/{badId}/rating", new { level = "Satisfied" }), HttpStatusCode.Forbidden);

        // Bad input.
        var noComment = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{badId}/rating", new { level = "Dissatisfied" }), HttpStatusCode.BadRequest);
        Assert.NotNull(noComment["errors"]!["comment"]);
        var noLevel = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{badId}/rating", new { level = "Great" }), HttpStatusCode.BadRequest);
        Assert.Equal("请求格式有误", noLevel["title"]!.GetValue<string>());

        await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{goodId}/rating", new { level = "VerySatisfied" }), HttpStatusCode.OK);
        var rated = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{badId}/rating", new { level = "Dissatisfied", comment = "答复太笼统，没说去哪里投诉" }), HttpStatusCode.OK);
        Assert.Equal("不满意", rated["followUp"]!["levelName"]!.GetValue<string>());
        var rect = rated["rectification"]!;
        Assert.Equal("演示热线坐席", rect["responsibleName"]!.GetValue<string>());
        Assert.Contains("好差评", rect["basis"]!.GetValue<string>());
        Assert.Contains("答复太笼统", rect["problem"]!.GetValue<string>());
        await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{badId}/rating", new { level = "Satisfied" }), HttpStatusCode.Conflict);

        // The handler sees and completes the rectification; a second follow-up is scheduled.
        var mine = await Api.ReadAsync(await hotline.GetAsync("/api/rectifications?open=true"), HttpStatusCode.OK);
        var rectId = Assert.Single(mine.AsArray())!["id"]!.GetValue<string>();
        var noMeasures = await Api.ReadAsync(await Api.PostAsync(hotline, $"/api/rectifications/{rectId}/complete", new { }), HttpStatusCode.BadRequest);
        Assert.NotNull(noMeasures["errors"]!["measures"]);
        var done = await Api.ReadAsync(await Api.PostAsync(hotline, $"/api/rectifications/{rectId}/complete",
            new { measures = "重新致电当事人，告知向住建部门和街道投诉的途径，并整理答复口径。" }), HttpStatusCode.OK);
        Assert.True(done["rectification"]!["completedOnTime"]!.GetValue<bool>());
        var second = done["followUp"]!;
        Assert.Equal(2, second["round"]!.GetValue<int>());
        Assert.Equal("Pending", second["status"]!.GetValue<string>());

        // The second follow-up goes out as an online rating link, used once.
        var link = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{second["id"]!.GetValue<string>()}/link", new { }), HttpStatusCode.OK);
        var token = link["token"]!.GetValue<string>();
        var anonymous = app.Anonymous();
        var view = await Api.ReadAsync(await anonymous.GetAsync($"/api/ratings/{token}"), HttpStatusCode.OK);
        Assert.Equal(bad["number"]!.GetValue<string>(), view["caseNumber"]!.GetValue<string>());
        Assert.Equal(5, view["levels"]!.AsArray().Count);
        var ratingPage = await anonymous.GetStringAsync($"/rate/{token}");
        Assert.Contains(bad["number"]!.GetValue<string>(), ratingPage, StringComparison.Ordinal);
        Assert.Contains("非常不满意", ratingPage, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", ratingPage, StringComparison.Ordinal);

        // Sent without a level: 400, the message in the level group, the typed comment kept; the link is still unused.
        var unrated = await PageForms.PostAsync(anonymous, $"/rate/{token}", ratingPage, [("comment", "希望<b>回电</b>")]);
        Assert.Equal(HttpStatusCode.BadRequest, unrated.StatusCode);
        var unratedHtml = await unrated.Content.ReadAsStringAsync();
        Assert.Matches("<fieldset id=\"level\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"level-err\"", unratedHtml);
        Assert.Matches("(?s)<fieldset id=\"level\".*<p class=\"field-error\" id=\"level-err\">请选择评价等级.*</fieldset>", unratedHtml);
        Assert.Contains("请选择评价等级", FieldErrorHtml.SummaryLink(unratedHtml, "level"), StringComparison.Ordinal);
        Assert.Contains(">希望&lt;b&gt;回电&lt;/b&gt;</textarea>", unratedHtml, StringComparison.Ordinal);
        FieldErrorHtml.AssertValid(unratedHtml, "comment");
        await Api.ReadAsync(await Api.PostAsync(anonymous, $"/api/ratings/{token}", new { level = "Satisfied", comment = "后来说清楚了" }), HttpStatusCode.OK);
        await Api.ReadAsync(await Api.PostAsync(anonymous, $"/api/ratings/{token}", new { level = "Satisfied" }), HttpStatusCode.NotFound);
        await Api.ReadAsync(await anonymous.GetAsync("/api/ratings/not-a-token"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/rate/{token}")).StatusCode);

        // The rate counts first ratings only, with its definition; the second round is shown separately.
        var report = await Api.ReadAsync(await manager.GetAsync("/api/satisfaction"), HttpStatusCode.OK);
        Assert.Equal(2, report["total"]!["rated"]!.GetValue<int>());
        Assert.Equal(50.0m, report["total"]!["rate"]!.GetValue<decimal>());
        Assert.Equal(1, report["total"]!["bad"]!.GetValue<int>());
        Assert.Contains("基本满意", report["definition"]!.GetValue<string>());
        Assert.Contains(report["byStaff"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "演示热线坐席" && r["rated"]!.GetValue<int>() == 2);
        Assert.Single(report["byServicePoint"]!.AsArray());
        Assert.Equal(1, report["rectifications"]!["completed"]!.GetValue<int>());
        Assert.Equal(1, report["rectifications"]!["secondSatisfied"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.GetAsync("/api/satisfaction")).StatusCode);

        // Random sampling for quality review, scored against the configured criteria.
        var badSample = await Api.ReadAsync(await Api.PostAsync(manager, "/api/quality/samples", new { batch = "2026-13" }), HttpStatusCode.BadRequest);
        Assert.NotNull(badSample["errors"]!["batch"]);
        var sample = await Api.ReadAsync(await Api.PostAsync(manager, "/api/quality/samples", new { rate = 0.5m }), HttpStatusCode.OK);
        var review = Assert.Single(sample.AsArray())!;
        Assert.Contains(review["criteria"]!.AsArray(), c => c!["key"]!.GetValue<string>() == "attitude");
        var reviewId = review["id"]!.GetValue<string>();
        var missing = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/quality/reviews/{reviewId}", new { scores = new Dictionary<string, int> { ["compliance"] = 30 } }), HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["scores.timeliness"]);
        var scored = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/quality/reviews/{reviewId}", new
        {
            scores = new Dictionary<string, int> { ["compliance"] = 28, ["timeliness"] = 20, ["attitude"] = 18, ["result"] = 26 },
            comment = "答复准确",
        }), HttpStatusCode.OK);
        Assert.Equal(92, scored["score"]!.GetValue<int>());
        var again = await Api.ReadAsync(await Api.PostAsync(manager, "/api/quality/samples", new { rate = 1m }), HttpStatusCode.OK);
        Assert.Single(again.AsArray());
        Assert.NotEqual(reviewId, again.AsArray()[0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(hotline, "/api/quality/samples", new { })).StatusCode);
    }
}
