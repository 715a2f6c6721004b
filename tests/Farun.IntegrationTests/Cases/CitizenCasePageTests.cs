using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Farun.Data;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Farun.IntegrationTests.Cases;

/// <summary>
/// The citizen's case page (/citizen/cases/{id}): documents uploaded to their own notarization and mediation applications
/// while the materials are still reviewed (seen by the notary and the mediator on their pages), and the applicant's own
/// legal-aid actions (report materials supplied, object to a refusal, withdraw) and the notarization one (report the
/// materials a notary asked for supplied) as forms shown only when allowed.
/// </summary>
public sealed partial class CitizenCasePageTests
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private static object OnlineNotarization(string phone, string name) => new
    {
        type = "Notarization",
        channel = "OnlinePortal",
        applicant = new { person = new { name, phone } },
        notarization = new { matterCode = "identity", purpose = "办理签证", materialsSubmitted = "身份证" },
    };

    private static object OnlineLegalAid(string phone, string name = "周八") => new
    {
        type = "LegalAid",
        channel = "OnlinePortal",
        applicant = new { person = new { name, phone, idNumber = Api.NewIdNumber() } },
        legalAid = new { matter = "LabourRemuneration", description = "工地老板拖欠工资两万元。", hardshipCommitment = true },
    };

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_CitizenOnOwnNotarization_NotarySeesItForPreReview_RefusedAfterIssuance(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);
        var id = Id(await Api.CreateAsync(citizen, OnlineNotarization(phone, "孙七")));

        var page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("当前状态：<strong>待预审</strong>", page);
        Assert.Contains("公证员会在您到场前预审", page);
        Assert.Contains("提交材料</button>", page);
        Assert.Contains("还没有上传材料。", page);

        var uploaded = await UploadAsync(citizen, id, PageForms.Token(page), "户口簿.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("已提交材料“户口簿.pdf”。", page);
        Assert.Matches(CitizenDocumentLink(), page);

        // Another citizen: the case does not exist for them, nor an upload to it.
        var otherPhone = Api.NewMobile();
        var other = await app.SignedInCitizenAsync(otherPhone);
        var theirs = Id(await Api.CreateAsync(other, OnlineNotarization(otherPhone, "吴九")));
        var otherToken = PageForms.Token(await other.GetStringAsync($"/citizen/cases/{theirs}"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/citizen/cases/{id}")).StatusCode);
        var refused = await UploadAsync(other, id, otherToken, "冒名.pdf", Pdf);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("孙七", await refused.Content.ReadAsStringAsync());

        // The notary's pre-review page lists the file with an (audited) download link and the timeline says who sent it.
        var notary = await app.StaffAsync("notary");
        var notaryPage = await notary.GetStringAsync($"/notarization/cases/{id}");
        var link = StaffDocumentLink().Match(notaryPage);
        Assert.True(link.Success, "the notary's page lists the uploaded file");
        Assert.Equal(id, link.Groups[1].Value);
        Assert.Equal("户口簿.pdf", link.Groups[3].Value);
        Assert.Contains("提交材料：户口簿.pdf", notaryPage);
        var download = await notary.GetAsync($"/api/cases/{id}/documents/{link.Groups[2].Value}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("申请人尚未在网上上传材料。", await notary.GetStringAsync($"/notarization/cases/{theirs}"));

        // Still reviewed after the pre-review and after acceptance: the applicant can add more.
        await Api.ActAsync(notary, id, "prereview-pass", new { note = "材料齐全。" });
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(citizen, id, PageForms.Token(page), "护照.pdf", Pdf)).StatusCode);
        await Api.ActAsync(notary, id, "accept-notarization");
        Assert.Contains("提交材料</button>", await citizen.GetStringAsync($"/citizen/cases/{id}"));

        // Issued: no upload form, and an upload is refused with the reason in Chinese; nothing is stored.
        await Api.ActAsync(notary, id, "issue-certificate", new { certificateNumber = "（2026）示证字第5号", fee = 100m, delivery = "InPerson", sameVisit = true });
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("当前状态：<strong>已出具公证书</strong>", page);
        Assert.Contains("（2026）示证字第5号", page);
        Assert.DoesNotContain("提交材料</button>", page);
        var late = await UploadAsync(citizen, id, PageForms.Token(page), "补充.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("该公证事项当前状态为“已出具公证书”，已不再接收申请人提交的材料。", await late.Content.ReadAsStringAsync());

        await using var scope = app.Scope();
        var names = await scope.Get<FarunDbContext>().Attachments.AsNoTracking().Where(a => a.OwnerId == id).Select(a => a.OriginalName).ToListAsync();
        Assert.Equal(["户口簿.pdf", "护照.pdf"], names.Order());
    }

    [SkippableFact]
    public async Task Upload_CitizenOnOwnMediationUntilItEnds_MediatorSeesIt_ConsultationRefused()
    {
        await using var app = await CaseTestApp.StartAsync("Sqlite");
        var phone = Api.NewMobile();
        var mediator = await app.StaffAsync("mediator");
        var committee = (await Api.ReadAsync(await mediator.GetAsync("/api/mediation/committees"), HttpStatusCode.OK)).AsArray().First()!["id"]!.GetValue<string>();
        var created = await Api.CreateAsync(mediator, new
        {
            type = "Mediation",
            channel = "WalkIn",
            applicant = new { person = new { name = "王五", phone } },
            parties = new object[] { new { role = "OpposingParty", person = new { name = "赵六" } } },
            mediation = new { source = "PartyApplication", disputeType = "Neighbourhood", description = "邻居装修噪音。", committeeId = committee },
        });
        var id = Id(created);

        var citizen = await app.SignedInCitizenAsync(phone);
        var page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("上传与纠纷有关的证据材料", page);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(citizen, id, PageForms.Token(page), "噪音录音说明.pdf", Pdf)).StatusCode);
        var mediatorPage = await mediator.GetStringAsync($"/mediation/cases/{id}");
        Assert.Contains("download>噪音录音说明.pdf</a>", mediatorPage);

        // The other party refuses mediation (第十七条): ended, no more evidence from the portal.
        var opposing = created["parties"]!.AsArray().First(p => p!["role"]!.GetValue<string>() == "OpposingParty")!["id"]!.GetValue<string>();
        await Api.ActAsync(mediator, id, "party-refuses", new { partyId = opposing, statement = "不接受调解。" });
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.DoesNotContain("提交材料</button>", page);
        var late = await UploadAsync(citizen, id, PageForms.Token(page), "补充.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("该人民调解事项当前状态为“调解终止”，已不再接收申请人提交的材料。", await late.Content.ReadAsStringAsync());

        // A consultation takes no documents from the citizen.
        var consultation = Id(await Api.CreateAsync(citizen, new
        {
            type = "Consultation",
            channel = "OnlinePortal",
            applicant = new { person = new { name = "王五", phone } },
            consultation = new { question = "邻居装修噪音怎么办？", domain = "Other" },
        }));
        page = await citizen.GetStringAsync($"/citizen/cases/{consultation}");
        Assert.DoesNotContain("id=\"documents\"", page);
        var forbidden = await UploadAsync(citizen, consultation, PageForms.Token(page), "材料.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("只能为自己的法律援助、公证或人民调解申请提交材料。", await forbidden.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApplicantActions_ShownOnlyWhenAllowed_SupplementAndObjectionChangeStateOnTimeline(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);
        var officer = await app.StaffAsync("legalaid");
        var id = Id(await Api.CreateAsync(citizen, OnlineLegalAid(phone)));

        // Just submitted: only withdrawal is offered; reporting materials supplied is refused with the reason.
        var page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Equal(["withdraw"], Offered(page));
        var early = await ActAsync(citizen, id, PageForms.Token(page), "supplement", "已上传");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("不能材料已补齐", await early.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", await StateAsync(officer, id));

        // Materials requested: the applicant uploads and reports them supplied; the review clock restarts.
        await Api.ActAsync(officer, id, "request-materials", new { missing = "工资欠条" });
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Equal(["supplement", "withdraw"], Offered(page));
        Assert.Contains("<label for=\"text-supplement\">补充说明（可以不填）</label>", page);
        var supplied = await ActAsync(citizen, id, PageForms.Token(page), "supplement", "已上传欠条照片");
        Assert.Equal(HttpStatusCode.Redirect, supplied.StatusCode);
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("已告知材料已补齐。当前状态：待审查。", page);
        Assert.Contains("当前状态：<strong>待审查</strong>", page);
        var c = await Api.GetCaseAsync(officer, id);
        Assert.Equal("Submitted", c["state"]!.GetValue<string>());
        Assert.Equal("LegalAidReview", c["deadline"]!["purpose"]!.GetValue<string>());
        Assert.Contains(c["timeline"]!.AsArray(), e => e!["action"]?.GetValue<string>() == "supplement" && e["text"]!.GetValue<string>() == "申请人已补齐材料：已上传欠条照片");

        // Refused: only the objection is offered (no withdrawal of a decided application); an empty one is refused at the form.
        await Api.ActAsync(officer, id, "refuse", new { reasons = "不属于法律援助事项范围。" });
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Equal(["object"], Offered(page));
        var empty = await ActAsync(citizen, id, PageForms.Token(page), "object", "  ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"error-object\" class=\"field-error\" role=\"alert\">请填写异议内容。</p>", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        var withdrawRefused = await ActAsync(citizen, id, PageForms.Token(page), "withdraw", "不想等了");
        Assert.Equal(HttpStatusCode.Conflict, withdrawRefused.StatusCode);
        Assert.Contains("可执行的操作：登记异议", await withdrawRefused.Content.ReadAsStringAsync());

        var objected = await ActAsync(citizen, id, PageForms.Token(page), "object", "拖欠工资属于追索劳动报酬，应当给予法律援助。");
        Assert.Equal(HttpStatusCode.Redirect, objected.StatusCode);
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("已提出异议。当前状态：异议审查中。", page);
        Assert.Empty(Offered(page));
        c = await Api.GetCaseAsync(officer, id);
        Assert.Equal("ObjectionPending", c["state"]!.GetValue<string>());
        Assert.Equal("ObjectionDecision", c["deadline"]!["purpose"]!.GetValue<string>());
        Assert.Contains(c["timeline"]!.AsArray(), e => e!["action"]?.GetValue<string>() == "object"
            && e["text"]!.GetValue<string>() == "申请人对不予援助决定提出异议：拖欠工资属于追索劳动报酬，应当给予法律援助。");

        // Staff actions cannot be posted through the citizen's page.
        var grant = await ActAsync(citizen, id, PageForms.Token(page), "order-correction", "自己改正");
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Equal("ObjectionPending", await StateAsync(officer, id));

        // Audited as the citizen.
        await using var scope = app.Scope();
        var audited = await scope.Get<FarunDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == id && (e.Action == "case.supplement" || e.Action == "case.object"))
            .Select(e => e.ActorKind).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, k => Assert.Equal(Farun.Features.Audit.ActorKind.Citizen, k));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApplicantActions_Withdraw_ReasonRequired_ThenNoMoreActions_OtherCitizenNotFound(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);
        var officer = await app.StaffAsync("legalaid");
        var id = Id(await Api.CreateAsync(citizen, OnlineLegalAid(phone)));

        var otherPhone = Api.NewMobile();
        var other = await app.SignedInCitizenAsync(otherPhone);
        var theirs = Id(await Api.CreateAsync(other, OnlineLegalAid(otherPhone, "吴九")));
        var notMine = await ActAsync(other, id, PageForms.Token(await other.GetStringAsync($"/citizen/cases/{theirs}")), "withdraw", "替他撤回");
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.DoesNotContain("周八", await notMine.Content.ReadAsStringAsync());

        var page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("<h3 id=\"act-withdraw\">撤回申请</h3>", page);
        var noReason = await ActAsync(citizen, id, PageForms.Token(page), "withdraw", "");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("role=\"alert\">请填写撤回原因。</p>", await noReason.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", await StateAsync(officer, id));

        var withdrawn = await ActAsync(citizen, id, PageForms.Token(page), "withdraw", "已与老板和解，工资已到账。");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("已撤回申请。当前状态：已撤回。", page);
        Assert.Empty(Offered(page));
        Assert.DoesNotContain("提交材料</button>", page);
        var c = await Api.GetCaseAsync(officer, id);
        Assert.Equal("Withdrawn", c["state"]!.GetValue<string>());
        Assert.Contains(c["timeline"]!.AsArray(), e => e!["action"]?.GetValue<string>() == "withdraw" && e["text"]!.GetValue<string>() == "申请撤回：已与老板和解，工资已到账。");

        var again = await ActAsync(citizen, id, PageForms.Token(page), "withdraw", "再撤一次");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("role=\"alert\">该事项当前状态为“已撤回”，不能撤回申请。", await again.Content.ReadAsStringAsync());
        Assert.Equal("Submitted", await StateAsync(officer, theirs));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApplicantActions_NotaryAsksForMaterials_CitizenReportsThemSupplied_BackToPreReview(string provider)
    {
        await using var app = await CaseTestApp.StartAsync(provider);
        var phone = Api.NewMobile();
        var citizen = await app.SignedInCitizenAsync(phone);
        var notary = await app.StaffAsync("notary");
        var id = Id(await Api.CreateAsync(citizen, OnlineNotarization(phone, "郑十")));

        // Nothing asked for yet: no form, and a report is refused.
        var page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Empty(Offered(page));
        var early = await ActAsync(citizen, id, PageForms.Token(page), "materials-supplied", "");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("NotaryApplied", await StateAsync(notary, id));

        // The notary asks for the household register (公证法第二十七条): the applicant uploads it and reports it supplied.
        await Api.ActAsync(notary, id, "request-notary-materials", new { missing = "户口簿" });
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Equal(["materials-supplied"], Offered(page));
        Assert.Contains("<h3 id=\"act-materials-supplied\">告知材料已补正</h3>", page);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(citizen, id, PageForms.Token(page), "户口簿.pdf", Pdf)).StatusCode);
        var supplied = await ActAsync(citizen, id, PageForms.Token(page), "materials-supplied", "已上传户口簿首页和本人页");
        Assert.Equal(HttpStatusCode.Redirect, supplied.StatusCode);
        page = await citizen.GetStringAsync($"/citizen/cases/{id}");
        Assert.Contains("已告知材料已补正。当前状态：待预审。", page);
        Assert.Empty(Offered(page));
        var c = await Api.GetCaseAsync(notary, id);
        Assert.Equal("NotaryApplied", c["state"]!.GetValue<string>());
        Assert.Contains(c["timeline"]!.AsArray(), e => e!["action"]?.GetValue<string>() == "materials-supplied"
            && e["text"]!.GetValue<string>() == "申请人已补正材料：已上传户口簿首页和本人页");
        Assert.Contains("prereview-pass", c["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        // Notary actions cannot be posted through the citizen's page.
        var accept = await ActAsync(citizen, id, PageForms.Token(page), "accept-notarization", "");
        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);
        Assert.Equal("NotaryApplied", await StateAsync(notary, id));

        await using var scope = app.Scope();
        var audited = await scope.Get<FarunDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == id && e.Action.Contains("materials-supplied")).Select(e => e.ActorKind).ToListAsync();
        Assert.Equal([Farun.Features.Audit.ActorKind.Citizen], audited);
    }

    private static async Task<string> StateAsync(HttpClient client, string id) => (await Api.GetCaseAsync(client, id))["state"]!.GetValue<string>();

    /// <summary>The applicant actions offered as forms on the page, in order.</summary>
    private static string[] Offered(string html) => [.. ActionHeading().Matches(html).Select(m => m.Groups[1].Value)];

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string caseId, string token, string action, string text) =>
        client.PostAsync($"/citizen/cases/{caseId}?handler=Act&action={action}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["text"] = text,
        }));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string caseId, string token, string name, byte[] content) =>
        PageForms.UploadAsync(client, $"/citizen/cases/{caseId}?handler=Upload", token, name, content);

    private static string Id(JsonNode c) => c["id"]!.GetValue<string>();

    [GeneratedRegex("<h3 id=\"act-([a-z-]+)\">")]
    private static partial Regex ActionHeading();

    [GeneratedRegex("href=\"/citizen/cases/[0-9a-f-]+\\?[^\"]*handler=Document[^\"]*\"")]
    private static partial Regex CitizenDocumentLink();

    [GeneratedRegex("<a href=\"/api/cases/([0-9a-f-]+)/documents/([0-9a-f-]+)\" download>([^<]+)</a>")]
    private static partial Regex StaffDocumentLink();
}
