using System.Net;
using System.Text.RegularExpressions;
using Farun.Data;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Farun.IntegrationTests.Cases;

/// <summary>Documents on the staff case pages (/cases, /notarization/cases, /mediation/cases): upload through the shared
/// case-documents use case, listing, download.</summary>
public sealed partial class CaseDocumentsPageTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private static Dictionary<string, string?> SmallLimit() => new() { ["Farun:Uploads:MaxBytes"] = "4096" };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_StaffOnCasePage_ListedDownloadableOnTimelineAndAudited(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider, SmallLimit());
        var officer = await app.StaffAsync("legalaid");
        var id = Id(await Api.CreateAsync(officer, Api.LegalAid()));
        var page = await officer.GetStringAsync($"/cases/{id}");
        Assert.Contains("还没有材料。", page);
        Assert.Contains("<label for=\"case-file\">上传材料（PDF、图片、Word、Excel或文本，单个不超过4 KB）</label>", page);

        var response = await UploadAsync(officer, id, PageForms.Token(page), "收入证明.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{id}", response.Headers.Location!.OriginalString);
        page = await officer.GetStringAsync($"/cases/{id}");
        Assert.Contains("已上传材料“收入证明.pdf”。", page);
        var link = DocumentLink().Match(page);
        Assert.True(link.Success, "the document is listed with a download link");
        Assert.Equal(id, link.Groups[1].Value);
        Assert.Equal("收入证明.pdf", link.Groups[3].Value);
        Assert.Contains("提交材料：收入证明.pdf", page);

        var download = await officer.GetAsync($"/api/cases/{id}/documents/{link.Groups[2].Value}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // The same timeline entry through the API, and the upload and the download in the audit log.
        var timeline = (await Api.GetCaseAsync(officer, id))["timeline"]!.AsArray();
        Assert.Single(timeline, e => e!["kind"]!.GetValue<string>() == "Attachment" && e["text"]!.GetValue<string>().Contains("收入证明.pdf", StringComparison.Ordinal));
        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        var attachment = await db.Attachments.AsNoTracking().SingleAsync(a => a.OwnerId == id);
        Assert.Equal("Case", attachment.OwnerType);
        Assert.Equal(Pdf.Length, attachment.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), attachment.Sha256);
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == attachment.Id.ToString()).Select(e => new { e.Action, e.ActorName }).ToListAsync();
        Assert.Contains(audited, e => e.Action == "attachment.upload");
        Assert.Contains(audited, e => e.Action == "attachment.download");
    }

    [SkippableFact]
    public async Task Upload_OversizedOrDisguisedOrEmpty_RefusedWithChineseMessageOnThePage()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite", SmallLimit());
        var officer = await app.StaffAsync("legalaid");
        var id = Id(await Api.CreateAsync(officer, Api.LegalAid()));
        var token = PageForms.Token(await officer.GetStringAsync($"/cases/{id}"));

        var oversized = await UploadAsync(officer, id, token, "扫描件.pdf", [.. Pdf, .. new byte[5000]]);
        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        var html = await oversized.Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"case-file-error\" class=\"field-error\" role=\"alert\">文件超过大小上限（4 KB），请压缩或拆分后再上传。</p>", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains("data-testid=\"case-state\"", html);

        // A Windows executable renamed to .pdf: refused by its content, not its name.
        var disguised = await UploadAsync(officer, id, token, "决定书.pdf", [.. "MZ\u0090\0"u8.ToArray(), .. new byte[200]]);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("role=\"alert\">该文件是可执行程序或脚本，不能上传。</p>", await disguised.Content.ReadAsStringAsync());

        // A web page named .pdf is refused too; so is a file whose content and extension disagree.
        var page = await UploadAsync(officer, id, token, "通知.pdf", "<html><script>alert(1)</script></html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await page.Content.ReadAsStringAsync());
        var mismatch = await UploadAsync(officer, id, token, "照片.png", Pdf);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("与文件的实际内容", await mismatch.Content.ReadAsStringAsync());

        await using var scope = app.Scope();
        var db = scope.Get<FarunDbContext>();
        Assert.False(await db.Attachments.AnyAsync(a => a.OwnerId == id));
        Assert.DoesNotContain((await Api.GetCaseAsync(officer, id))["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "Attachment");
    }

    [SkippableFact]
    public async Task Upload_StaffOfAnotherServicePoint_NotFoundAndNothingStored()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var officer = await app.StaffAsync("legalaid");
        var id = Id(await Api.CreateAsync(officer, Api.LegalAid()));

        // "staff" works at a street workstation: the centre's case does not exist for them.
        var street = await app.StaffAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/cases/{id}")).StatusCode);
        var refused = await UploadAsync(street, id, PageForms.Token(await street.GetStringAsync("/workbench")), "材料.pdf", Pdf);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("上传材料（", await refused.Content.ReadAsStringAsync());

        // Neither the download nor the list is theirs either, once a document exists.
        var uploaded = await UploadAsync(officer, id, PageForms.Token(await officer.GetStringAsync($"/cases/{id}")), "材料.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var documents = await Api.ReadAsync(await officer.GetAsync($"/api/cases/{id}/documents"), HttpStatusCode.OK);
        var documentId = documents.AsArray().Single()!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/cases/{id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/cases/{id}/documents/{documentId}")).StatusCode);

        // A citizen's cookie does not open the staff page.
        var citizen = await app.SignedInCitizenAsync(Api.NewMobile());
        var asCitizen = await citizen.GetAsync($"/cases/{id}");
        Assert.Equal(HttpStatusCode.Redirect, asCitizen.StatusCode);
        Assert.Contains("/account/login?ReturnUrl=", asCitizen.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var scope = app.Scope();
        Assert.Equal(1, await scope.Get<FarunDbContext>().Attachments.CountAsync(a => a.OwnerId == id));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_NotaryAndMediatorOnTheirPages_ListedAndRefusalShownAtTheForm(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider, SmallLimit());

        // The notary adds a scan to an application taken at the counter, from the notarization page.
        var notary = await app.StaffAsync("notary");
        var notarization = Id(await Api.CreateAsync(notary, new
        {
            type = "Notarization",
            channel = "WalkIn",
            applicant = new { person = new { name = "钱十一", phone = Api.NewMobile() } },
            notarization = new { matterCode = "identity", purpose = "办理签证", materialsSubmitted = "身份证" },
        }));
        var page = await notary.GetStringAsync($"/notarization/cases/{notarization}");
        Assert.Contains("<label for=\"case-file\">上传材料（PDF、图片、Word、Excel或文本，单个不超过4 KB）</label>", page);
        var uploaded = await PageForms.UploadAsync(notary, $"/notarization/cases/{notarization}?handler=Upload", PageForms.Token(page), "户口簿.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/notarization/cases/{notarization}", uploaded.Headers.Location!.OriginalString);
        page = await notary.GetStringAsync($"/notarization/cases/{notarization}");
        Assert.Contains("download>户口簿.pdf</a>", page);

        // A disguised file is refused at the form with the reason; nothing is stored.
        var disguised = await PageForms.UploadAsync(notary, $"/notarization/cases/{notarization}?handler=Upload", PageForms.Token(page), "公证书.pdf", [.. "MZ\u0090\0"u8.ToArray(), .. new byte[200]]);
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("<p id=\"case-file-error\" class=\"field-error\" role=\"alert\">该文件是可执行程序或脚本，不能上传。</p>", await disguised.Content.ReadAsStringAsync());

        // The mediator adds the parties' written statement from the mediation page.
        var mediator = await app.StaffAsync("mediator");
        var committee = (await Api.ReadAsync(await mediator.GetAsync("/api/mediation/committees"), HttpStatusCode.OK)).AsArray().First()!["id"]!.GetValue<string>();
        var mediation = Id(await Api.CreateAsync(mediator, new
        {
            type = "Mediation",
            channel = "WalkIn",
            applicant = new { person = new { name = "王五", phone = Api.NewMobile() } },
            parties = new object[] { new { role = "OpposingParty", person = new { name = "赵六" } } },
            mediation = new { source = "PartyApplication", disputeType = "Neighbourhood", description = "邻居装修噪音。", committeeId = committee },
        }));
        page = await mediator.GetStringAsync($"/mediation/cases/{mediation}");
        var mediated = await PageForms.UploadAsync(mediator, $"/mediation/cases/{mediation}?handler=Upload", PageForms.Token(page), "双方陈述.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, mediated.StatusCode);
        Assert.Contains("download>双方陈述.pdf</a>", await mediator.GetStringAsync($"/mediation/cases/{mediation}"));

        await using var scope = app.Scope();
        var names = await scope.Get<FarunDbContext>().Attachments.AsNoTracking()
            .Where(a => a.OwnerId == notarization || a.OwnerId == mediation).Select(a => a.OriginalName).ToListAsync();
        Assert.Equal(["双方陈述.pdf", "户口簿.pdf"], names.Order(StringComparer.Ordinal));
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string caseId, string token, string name, byte[] content) =>
        PageForms.UploadAsync(client, $"/cases/{caseId}?handler=Upload", token, name, content);

    private static string Id(System.Text.Json.Nodes.JsonNode c) => c["id"]!.GetValue<string>();

    [GeneratedRegex("<a href=\"/api/cases/([0-9a-f-]+)/documents/([0-9a-f-]+)\" download>([^<]+)</a>")]
    private static partial Regex DocumentLink();
}
