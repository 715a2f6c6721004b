using System.Net;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Notarization;

public sealed class NotarizationFlowTests
{
    /// <summary>A citizen's online application to certify their education (two copies), as the portal sends it.</summary>
    public static Task<System.Text.Json.Nodes.JsonNode> OnlineApplicationAsync(HttpClient citizen, string phone) => Api.CreateAsync(citizen, new
    {
        type = "Notarization",
        channel = "OnlinePortal",
        applicant = new { person = new { name = "孙七", phone, idNumber = Api.NewIdNumber() } },
        notarization = new { matterCode = "education", purpose = "出国留学", copies = 2, materialsSubmitted = "毕业证书、学位证书扫描件" },
    });

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlineApplication_PreReviewedBookedOnceIssuedInOneVisit_MeasuredRate(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var matters = await Api.ReadAsync(await app.Anonymous().GetAsync("/api/notarization/matters"), HttpStatusCode.OK);
        Assert.Contains(matters.AsArray(), m => m!["name"]!.GetValue<string>() == "现场监督");

        var phone = Api.NewMobile();
        var citizen = app.Citizen(Guid.NewGuid(), phone);
        var created = await OnlineApplicationAsync(citizen, phone);
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("NotaryApplied", created["state"]!.GetValue<string>());
        var centre = created["servicePoint"]!["id"]!.GetValue<string>();

        var notary = await app.StaffAsync("notary");
        await Api.ActAsync(notary, id, "prereview-pass", new { note = "材料齐全，请携带原件到场。" });
        var slots = await Api.ReadAsync(await Api.PostAsync(notary, "/api/notarization/slots", new
        {
            servicePointId = centre,
            startsAt = DateTimeOffset.UtcNow.AddDays(1),
            minutes = 30,
            count = 2,
            kind = "Window",
        }), HttpStatusCode.OK);
        var slotId = slots.AsArray().First()!["id"]!.GetValue<string>();
        var mediator = await app.StaffAsync("mediator");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(mediator, "/api/notarization/slots",
            new { servicePointId = centre, startsAt = DateTimeOffset.UtcNow.AddDays(1) })).StatusCode);
        var badSlots = await Api.ReadAsync(await Api.PostAsync(notary, "/api/notarization/slots", new { minutes = 5 }), HttpStatusCode.BadRequest);
        Assert.NotNull(badSlots["errors"]!["servicePointId"]);
        Assert.NotNull(badSlots["errors"]!["minutes"]);

        // Two bookings of the same slot at once: exactly one wins.
        var other = await Api.CreateAsync(citizen, new
        {
            type = "Notarization",
            channel = "OnlinePortal",
            applicant = new { person = new { name = "孙七", phone } },
            notarization = new { matterCode = "identity", purpose = "办理签证" },
        });
        var results = await Task.WhenAll(
            Api.PostAsync(citizen, $"/api/cases/{id}/notarization/booking", new { slotId }),
            Api.PostAsync(citizen, $"/api/cases/{other["id"]!.GetValue<string>()}/notarization/booking", new { slotId }));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);
        var free = await Api.ReadAsync(await citizen.GetAsync($"/api/notarization/slots?servicePointId={centre}"), HttpStatusCode.OK);
        Assert.DoesNotContain(free.AsArray(), s => s!["id"]!.GetValue<string>() == slotId);

        // The loser of the race books the other slot, so each case holds exactly one booking.
        var loser = results[0].StatusCode == HttpStatusCode.Conflict ? id : other["id"]!.GetValue<string>();
        var secondSlot = slots.AsArray()[1]!["id"]!.GetValue<string>();
        await Api.ReadAsync(await Api.PostAsync(citizen, $"/api/cases/{loser}/notarization/booking", new { slotId = secondSlot }), HttpStatusCode.OK);

        await Api.ActAsync(notary, id, "accept-notarization");
        var underReview = await Api.GetCaseAsync(notary, id);
        Assert.Equal("NotarizationIssue", underReview["deadline"]!["purpose"]!.GetValue<string>());
        Assert.Equal("WorkingDays", underReview["deadline"]!["kind"]!.GetValue<string>());
        Assert.Equal(15, underReview["deadline"]!["days"]!.GetValue<int>());
        var tooMuch = await Api.ReadAsync(await Api.PostAsync(notary, $"/api/cases/{id}/actions/issue-certificate",
            new { certificateNumber = "（2026）示证字第1号", fee = 9999m, delivery = "InPerson", sameVisit = true }), HttpStatusCode.BadRequest);
        Assert.NotNull(tooMuch["errors"]!["fee"]);
        var issued = await Api.ActAsync(notary, id, "issue-certificate", new { certificateNumber = "（2026）示证字第1号", fee = 200m, delivery = "InPerson", sameVisit = true });
        Assert.Equal("NotaryIssued", issued["state"]!.GetValue<string>());
        Assert.Equal(1, issued["notarization"]!["visitCount"]!.GetValue<int>());
        Assert.Single(issued["notarization"]!["bookings"]!.AsArray());

        var manager = await app.StaffAsync("manager");
        var stats = await Api.ReadAsync(await manager.GetAsync("/api/notarization/stats"), HttpStatusCode.OK);
        Assert.Equal(1, stats["total"]!["issued"]!.GetValue<int>());
        Assert.Equal(100m, stats["total"]!["oneVisitRate"]!.GetValue<decimal>());
        Assert.Contains("最多跑一次", stats["definitions"]!["oneVisitRate"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await notary.GetAsync("/api/notarization/stats")).StatusCode);

        // A citizen may not act on the notary's steps.
        await Api.ReadAsync(await Api.PostAsync(citizen, $"/api/cases/{other["id"]!.GetValue<string>()}/actions/accept-notarization", new { }), HttpStatusCode.Forbidden);
    }
}
