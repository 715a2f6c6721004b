using System.Net;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Cases;

public sealed partial class CitizenPortalTests
{
    private const string PhoneA = "13700001111";
    private const string PhoneB = "13700002222";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Portal_CitizenSeesOnlyOwnCases_UploadsDocuments_ReadsDecision(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var officer = await app.StaffAsync("legalaid");
        var mine = Id(await Api.CreateAsync(officer, Api.LegalAid(new { person = new { name = "钱甲", phone = PhoneA, idNumber = Api.NewIdNumber() } })));
        var minesNumber = (await Api.GetCaseAsync(officer, mine))["number"]!.GetValue<string>();
        var theirs = Id(await Api.CreateAsync(officer, Api.LegalAid(new { person = new { name = "孙乙", phone = PhoneB, idNumber = Api.NewIdNumber() } })));
        var theirNumber = (await Api.GetCaseAsync(officer, theirs))["number"]!.GetValue<string>();

        var citizen = await SignedInCitizenAsync(app, PhoneA);
        var list = await citizen.GetStringAsync("/citizen/cases");
        Assert.Contains(minesNumber, list);
        Assert.DoesNotContain(theirNumber, list);
        Assert.DoesNotContain("孙乙", list);
        Assert.Contains("href=\"/guides/legal-aid\"", list);

        // Another person's case does not exist for this citizen: not its page, not an upload, not its documents.
        var other = await citizen.GetAsync($"/citizen/cases/{theirs}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("孙乙", await other.Content.ReadAsStringAsync());
        var page = await citizen.GetStringAsync($"/citizen/cases/{mine}");
        Assert.Contains("当前状态：<strong>待审查</strong>", page);
        var token = PageForms.Token(page);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(citizen, theirs, token, "收入证明.pdf", Pdf)).StatusCode);

        // The applicant adds a document to their own application; staff see it; the timeline says so.
        var uploaded = await UploadAsync(citizen, mine, token, "收入证明.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        page = await citizen.GetStringAsync($"/citizen/cases/{mine}");
        Assert.Contains("已提交材料“收入证明.pdf”", page);
        var link = DocumentLink().Match(page);
        Assert.True(link.Success, "the document is listed with a download link");
        var download = await citizen.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var documents = await Api.ReadAsync(await officer.GetAsync($"/api/cases/{mine}/documents"), HttpStatusCode.OK);
        Assert.Equal("收入证明.pdf", documents.AsArray().Single()!["name"]!.GetValue<string>());
        var timeline = (await Api.GetCaseAsync(officer, mine))["timeline"]!.AsArray();
        Assert.Contains(timeline, e => e!["kind"]!.GetValue<string>() == "Attachment" && e["text"]!.GetValue<string>().Contains("收入证明.pdf"));

        // A disguised file is refused with the reason, on the page.
        var disguised = await UploadAsync(citizen, mine, token, "照片.jpg", "MZ\u0090\0 not a picture"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("role=\"alert\"", await disguised.Content.ReadAsStringAsync());

        // The refusal letter with its reasons and the right to object; no more uploads to a decided application.
        await Api.ActAsync(officer, mine, "refuse", new { reasons = "家庭人均收入高于本地经济困难标准。" });
        page = await citizen.GetStringAsync($"/citizen/cases/{mine}");
        Assert.Contains("不予法律援助决定", page);
        Assert.Contains("家庭人均收入高于本地经济困难标准。", page);
        Assert.Contains("第四十九条", page);
        Assert.DoesNotContain("提交材料</button>", page);
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(citizen, mine, PageForms.Token(page), "补充.pdf", Pdf)).StatusCode);

        // Citizen B sees only B's case.
        var b = await SignedInCitizenAsync(app, PhoneB);
        list = await b.GetStringAsync("/citizen/cases");
        Assert.Contains(theirNumber, list);
        Assert.DoesNotContain(minesNumber, list);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/citizen/cases/{mine}?handler=Document&documentId={documents.AsArray().Single()!["id"]}")).StatusCode);
    }

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private static Task<HttpClient> SignedInCitizenAsync(CaseTestApp app, string phone) => app.SignedInCitizenAsync(phone);

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string caseId, string token, string name, byte[] content) =>
        PageForms.UploadAsync(client, $"/citizen/cases/{caseId}?handler=Upload", token, name, content);

    private static string Id(System.Text.Json.Nodes.JsonNode c) => c["id"]!.GetValue<string>();

    [GeneratedRegex("href=\"(/citizen/cases/[0-9a-f-]+\\?[^\"]*handler=Document[^\"]*)\"")]
    private static partial Regex DocumentLink();
}
