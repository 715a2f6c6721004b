using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Guides;
using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Farun.IntegrationTests.Platform;

/// <summary>
/// Static accessibility rules over every GET Razor Page the app maps (read from the <c>EndpointDataSource</c> as the
/// endpoint sweep reads it), fetched as every caller its authorization admits: anonymous for public pages, each staff
/// role for staff pages, a signed-in citizen for the citizen portal. Pages with route values get real records made here
/// (cases of each kind and state, a law, a guide interview, a rating link, a kiosk conversation). Elderly citizens and
/// hotline agents use the site with a screen reader or the keyboard alone, so each page must have: (1) a Chinese
/// <c>lang</c>, one <c>h1</c> and a title; (2) an accessible name on every visible form control; (3) unique ids and
/// references that resolve; (4) an antiforgery token in every posting form, text on every button and link, alt on
/// every image; (5) a header row on every table.
/// </summary>
public sealed class PageAccessibilityTests(ITestOutputHelper output)
{
    /// <summary>Pages the check cannot fetch, each with the reason ("PAGE /route" as in the endpoint sweep). The test
    /// fails when a listed page is no longer mapped or has become reachable, so the list never goes stale.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unreachable = new Dictionary<string, string>(StringComparer.Ordinal);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryPage_AsEveryCallerItAdmits_MeetsStaticAccessibilityRules(string provider)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await CaseTestApp.StartAsync(provider);
        var pages = AppEndpoints.All(app).Where(e => e.IsPage).OrderBy(e => e.Route, StringComparer.Ordinal).ToList();
        Assert.True(pages.Count >= 42, $"only {pages.Count} pages found");
        var records = await Records.ArrangeAsync(app);

        var problems = new List<string>();
        var perUser = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var fetched = 0;
        var refused = new List<string>();
        var elements = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pagesPerUser = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var urls = records.Urls(page);
            if (Unreachable.ContainsKey(page.Key))
            {
                if (urls.Count > 0)
                    problems.Add($"{page.Key} is on the Unreachable list but the test has URLs for it: remove it from the list");
                continue;
            }

            if (urls.Count == 0)
            {
                problems.Add($"{page.Key}: no URL to fetch it by (give it one in Records.Urls or list it in Unreachable with the reason)");
                continue;
            }

            // The sweep's caller (the manager for most staff pages) must get every URL. Another caller the page's policy
            // admits may be refused one: a record outside its service point or line of work (404), a page the handler
            // keeps to some of the roles (403). Those refusals are written to the test output, not checked.
            var sweepUser = AppEndpoints.SweepUser(page);
            foreach (var user in await AppEndpoints.AdmittedUsersAsync(page, app.App.Services))
            {
                var client = await records.ClientAsync(user);
                foreach (var (url, expected) in urls)
                {
                    using var response = await client.GetAsync(url);
                    var html = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != expected)
                    {
                        var what = $"GET {url} ({page.Key}) as {user}: {(int)response.StatusCode} {response.Headers.Location}";
                        if (user == sweepUser || response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                            problems.Add(what + ", not the page");
                        else
                            refused.Add(what);
                        continue;
                    }

                    fetched++;
                    perUser[user] = perUser.GetValueOrDefault(user) + 1;
                    (pagesPerUser.TryGetValue(user, out var seen) ? seen : pagesPerUser[user] = []).Add(page.Key);
                    var violations = Check(html, elements);
                    if (violations.Count > 0)
                        problems.Add($"GET {url} ({page.Key}) as {user}: {violations.Count} violation(s)\n  " + string.Join("\n  ", violations));
                }
            }
        }

        foreach (var key in Unreachable.Keys.Where(k => pages.All(p => p.Key != k)))
            problems.Add($"Unreachable lists {key}, which the app no longer maps: remove it from the list");

        output.WriteLine($"{provider}: {pages.Count} pages, {fetched} page fetches, {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (user, count) in perUser)
            output.WriteLine($"  {user}: {pagesPerUser[user].Count} pages, {count} fetches");
        output.WriteLine("  elements checked: " + string.Join(", ", elements.Select(e => $"{e.Value} {e.Key}")));
        output.WriteLine($"  refused to a caller other than the sweep's ({refused.Count}):");
        foreach (var r in refused)
            output.WriteLine("    " + r);
        Assert.True(problems.Count == 0, $"{problems.Count} page(s) with problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Check_PageBreakingEveryRule_ReportsEachWithTheElement()
    {
        const string html = """
            <!DOCTYPE html><html lang="en"><head><title> </title></head><body>
            <h1>一</h1><h1>二</h1>
            <form method="post"><input id="a" name="x" /><label for="b">名</label><select id="b"></select>
              <input id="a" type="text" aria-label="重复" /><textarea aria-labelledby="none"></textarea>
              <input type="hidden" name="h" /><label>包着 <input name="ok" /></label><input aria-describedby="gone" aria-label="说明" />
              <button></button><button aria-label="关闭">×</button></form>
            <a href="#missing">跳</a><a href="/x"></a><img src="/i.png" />
            <table><tr><td>1</td></tr></table><table><thead><tr><th>列</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>
            </body></html>
            """;

        var violations = Check(html);

        Assert.Collection(violations,
            v => Assert.StartsWith("[1] <html lang> is \"en\"", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[1] 2 <h1> elements", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[1] empty <title>", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[2] form control without an accessible name: <input id=\"a\" name=\"x\">", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[2] form control without an accessible name: <textarea", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[3] id \"a\" used 2 times", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[3] aria-labelledby=\"none\" points to no element", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[3] aria-describedby=\"gone\" points to no element", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[3] href=\"#missing\" points to no element", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[4] posting form without an antiforgery token", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[4] button without text or aria-label: <button></button>", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[4] link without text or aria-label: <a href=\"/x\"></a>", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[4] image without alt", v, StringComparison.Ordinal),
            v => Assert.StartsWith("[5] table without a <th> header row: <table><tbody><tr><td>1</td>", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AccessiblePage_NoViolations()
    {
        const string html = """
            <!DOCTYPE html><html lang="zh-CN"><head><title>事项</title></head><body>
            <a href="#main">跳到正文</a><main id="main"><h1>事项</h1>
            <form method="post"><input type="hidden" name="__RequestVerificationToken" value="t" />
              <label for="q">问题</label><input id="q" name="q" aria-describedby="q-hint" /><p id="q-hint">提示</p>
              <label>类型 <select name="t"><option>甲</option></select></label>
              <span id="n-label">备注</span><textarea name="n" aria-labelledby="n-label"></textarea>
              <input name="s" aria-label="搜索" /><div hidden><input name="later" /></div>
              <button type="submit">提交</button><button type="button" aria-label="关闭">×</button></form>
            <a href="/x"><img src="/logo.png" alt="法润" /></a><img src="/line.png" alt="" />
            <table><thead><tr><th>编号</th><th>状态</th></tr></thead><tbody><tr><td>1</td><td>办理中</td></tr></tbody></table>
            <form method="get"><label for="k">关键词</label><input id="k" name="k" /></form></main>
            </body></html>
            """;

        Assert.Empty(Check(html));
    }

    [Fact]
    public void Check_SelectWrappedInLabelWithoutOwnText_OptionsAreNotItsName()
    {
        var violations = Check("""<html lang="zh-CN"><head><title>页</title></head><body><h1>页</h1><label><select name="t"><option>甲</option></select></label></body></html>""");

        Assert.StartsWith("[2] form control without an accessible name: <select", Assert.Single(violations), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The rules
    // ------------------------------------------------------------------------------------------------------------

    private static readonly HashSet<string> UnlabelledInputTypes = new(StringComparer.OrdinalIgnoreCase) { "hidden", "submit", "button", "reset", "image" };

    /// <summary>Every violation of the static rules on one page, as "[rule] what: element".</summary>
    public static List<string> Check(string html, IDictionary<string, int>? checkedCounts = null)
    {
        var doc = new HtmlParser().ParseDocument(html);
        var v = new List<string>();
        if (checkedCounts is not null)
        {
            foreach (var (what, selector) in new[] { ("form controls", "input:not([type=hidden]), select, textarea"), ("ids", "[id]"), ("forms", "form"), ("buttons", "button"), ("links", "a[href]"), ("images", "img"), ("tables", "table") })
                checkedCounts[what] = checkedCounts.TryGetValue(what, out var n) ? n + doc.QuerySelectorAll(selector).Length : doc.QuerySelectorAll(selector).Length;
        }

        void Add(int rule, string what, IElement? e = null) => v.Add($"[{rule}] {what}" + (e is null ? "" : ": " + Cut(e.OuterHtml)));

        // (1) Language, one h1, a title.
        var lang = doc.DocumentElement.GetAttribute("lang");
        if (lang != "zh-CN")
            Add(1, $"<html lang> is \"{lang}\", not \"zh-CN\"");
        var h1 = doc.QuerySelectorAll("h1");
        if (h1.Length != 1)
            Add(1, $"{h1.Length} <h1> elements, not one" + (h1.Length > 0 ? ": " + string.Join(" | ", h1.Select(h => Cut(h.OuterHtml, 80))) : ""));
        if (string.IsNullOrWhiteSpace(doc.Title))
            Add(1, "empty <title>");

        // (2) Every visible form control has an accessible name.
        var controls = doc.QuerySelectorAll("input, select, textarea")
            .Where(c => !(c is IHtmlInputElement i && UnlabelledInputTypes.Contains(i.Type)) && !IsHidden(c));
        foreach (var c in controls)
        {
            if (!HasAccessibleName(doc, c))
                Add(2, "form control without an accessible name", c);
        }

        // (3) Unique ids; references resolve.
        foreach (var group in doc.QuerySelectorAll("[id]").GroupBy(e => e.Id!, StringComparer.Ordinal).Where(g => g.Count() > 1))
            Add(3, $"id \"{group.Key}\" used {group.Count()} times", group.Skip(1).First());
        foreach (var e in doc.QuerySelectorAll("[aria-labelledby], [aria-describedby], label[for]"))
        {
            foreach (var attribute in new[] { "aria-labelledby", "aria-describedby", "for" })
            {
                if (e.GetAttribute(attribute) is not { } value)
                    continue;
                foreach (var id in Ids(value).Where(id => doc.GetElementById(id) is null))
                    Add(3, $"{attribute}=\"{id}\" points to no element", e);
                if (Ids(value).Length == 0)
                    Add(3, $"empty {attribute}", e);
            }
        }

        foreach (var a in doc.QuerySelectorAll("a[href^='#']"))
        {
            var fragment = Uri.UnescapeDataString(a.GetAttribute("href")![1..]);
            if (fragment.Length == 0 || doc.GetElementById(fragment) is null)
                Add(3, $"href=\"#{fragment}\" points to no element", a);
        }

        // (4) Antiforgery in posting forms; text on buttons and links; alt on images.
        foreach (var form in doc.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            if (form.QuerySelector("input[name='__RequestVerificationToken']") is null)
                Add(4, "posting form without an antiforgery token", form);
        }

        foreach (var b in doc.QuerySelectorAll("button").Where(b => !IsHidden(b) && !HasText(doc, b)))
            Add(4, "button without text or aria-label", b);
        foreach (var a in doc.QuerySelectorAll("a[href]").Where(a => !IsHidden(a) && !HasText(doc, a)))
            Add(4, "link without text or aria-label", a);
        foreach (var img in doc.QuerySelectorAll("img:not([alt])"))
            Add(4, "image without alt", img);

        // (5) Every table has a header row of <th>.
        foreach (var table in doc.QuerySelectorAll("table").OfType<IHtmlTableElement>())
        {
            var head = table.Head is { Rows.Length: > 0 } thead ? thead.Rows[0] : table.Rows.Length > 0 ? table.Rows[0] : null;
            if (head is null || head.Cells.Length == 0 || head.Cells.Any(c => c.LocalName != "th"))
                Add(5, "table without a <th> header row", table);
        }

        return v;
    }

    /// <summary>The control has a name from a <c>label for</c>, a wrapping label, <c>aria-label</c> or <c>aria-labelledby</c>.</summary>
    private static bool HasAccessibleName(IDocument doc, IElement c)
    {
        if (!string.IsNullOrWhiteSpace(c.GetAttribute("aria-label")))
            return true;
        if (c.GetAttribute("aria-labelledby") is { } by && Ids(by).Any(id => doc.GetElementById(id) is { } l && Text(l).Length > 0))
            return true;
        if (c.Id is { Length: > 0 } id && doc.QuerySelectorAll("label[for]").Any(l => l.GetAttribute("for") == id && LabelText(l).Length > 0))
            return true;
        return c.Closest("label") is { } wrapping && LabelText(wrapping).Length > 0;
    }

    /// <summary>A label's own text: the text of its controls (a select's options, a textarea's content) is not its name.</summary>
    private static string LabelText(IElement label)
    {
        var copy = (IElement)label.Clone();
        foreach (var control in copy.QuerySelectorAll("select, textarea").ToList())
            control.Remove();
        return Text(copy);
    }

    private static bool HasText(IDocument doc, IElement e) =>
        Text(e).Length > 0
        || !string.IsNullOrWhiteSpace(e.GetAttribute("aria-label"))
        || (e.GetAttribute("aria-labelledby") is { } by && Ids(by).Any(id => doc.GetElementById(id) is { } l && Text(l).Length > 0))
        || e.QuerySelectorAll("img[alt]").Any(i => !string.IsNullOrWhiteSpace(i.GetAttribute("alt")));

    private static string Text(IElement e) => (e.TextContent ?? "").Trim();

    /// <summary>Not rendered: the element or an ancestor carries <c>hidden</c>.</summary>
    private static bool IsHidden(IElement e) => e.Closest("[hidden]") is not null;

    private static string[] Ids(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Cut(string s, int max = 200) => s.Length <= max ? s : s[..max] + "…";

    // ------------------------------------------------------------------------------------------------------------
    // Real records behind the route values, and the signed-in callers
    // ------------------------------------------------------------------------------------------------------------

    private sealed class Records
    {
        private readonly CaseTestApp _app;
        private readonly Dictionary<string, HttpClient> _clients = [];
        private string _citizenPhone = "";

        private Records(CaseTestApp app) => _app = app;

        // Cases of each kind, in states that show different forms.
        private string _legalAid = "", _staffCase = "", _hotlineOpen = "", _granted = "", _consultation = "", _mediation = "", _agreed = "", _notarization = "", _complaint = "";
        private string _citizenCase = "", _citizenRequested = "", _law = "", _conversation = "", _ratingToken = "", _guideQuestion = "";

        public async Task<HttpClient> ClientAsync(string user)
        {
            if (!_clients.TryGetValue(user, out var client))
            {
                client = user == AppEndpoints.Anonymous ? _app.Anonymous()
                    : user == AppEndpoints.Citizen ? await _app.SignedInCitizenAsync(_citizenPhone)
                    : await _app.StaffAsync(user);
                _clients[user] = client;
            }

            return client;
        }

        public static async Task<Records> ArrangeAsync(CaseTestApp app)
        {
            var r = new Records(app) { _citizenPhone = Api.NewMobile() };
            var manager = await r.ClientAsync("manager");
            var mediator = await r.ClientAsync("mediator");
            var citizen = await r.ClientAsync(AppEndpoints.Citizen);
            var anonymous = await r.ClientAsync(AppEndpoints.Anonymous);

            r._legalAid = Id(await Api.CreateAsync(manager, Api.LegalAid()));
            r._staffCase = Id(await Api.CreateAsync(await r.ClientAsync("staff"), Api.LegalAid()));
            r._hotlineOpen = Id(await Api.CreateAsync(await r.ClientAsync("hotline"), Api.Consultation(answer: null)));
            r._granted = Id(await Api.CreateAsync(manager, Api.LegalAid()));
            await Api.ActAsync(manager, r._granted, "grant", new { note = "符合条件" });
            var consultation = await Api.CreateAsync(manager, Api.Consultation());
            r._consultation = Id(consultation);

            var staff = (await Api.ReadAsync(await (await r.ClientAsync("secadmin")).GetAsync("/api/staff"), HttpStatusCode.OK)).AsArray();
            string StaffId(string userName) => staff.First(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>();
            var hotlineId = StaffId("hotline");
            var committees = await Api.ReadAsync(await mediator.GetAsync("/api/mediation/committees"), HttpStatusCode.OK);
            object Mediation() => new
            {
                type = "Mediation",
                channel = "WalkIn",
                applicant = new { person = new { name = "王五", phone = Api.NewMobile() } },
                parties = new object[] { new { role = "OpposingParty", person = new { name = "赵六" } } },
                mediation = new { source = "PartyApplication", disputeType = "Neighbourhood", description = "邻居装修噪音。", committeeId = committees[0]!["id"]!.GetValue<string>() },
            };
            r._mediation = Id(await Api.CreateAsync(mediator, Mediation()));
            r._agreed = Id(await Api.CreateAsync(mediator, Mediation()));
            var committeeId = committees[0]!["id"]!.GetValue<string>();
            var mediators = await Api.ReadAsync(await mediator.GetAsync($"/api/mediation/mediators?committeeId={committeeId}"), HttpStatusCode.OK);
            var assigned = mediators.AsArray().First(m => m!["hasAccount"]!.GetValue<bool>())!["id"]!.GetValue<string>();
            await Api.ActAsync(mediator, r._agreed, "assign-mediator", new { mediatorId = assigned });
            await Api.ActAsync(mediator, r._agreed, "record-session", new
            {
                heldAt = DateTimeOffset.UtcNow.AddMinutes(-30),
                mode = "InPerson",
                place = "街道调解室",
                attendees = "王五、赵六",
                minutes = "双方陈述经过。",
            });
            var today = Farun.Common.Calendar.ChinaTime.Today();
            await Api.ActAsync(mediator, r._agreed, "record-agreement", new
            {
                facts = "赵六装修噪音影响王五休息。",
                terms = "赵六每日晚八点后停止施工。",
                performanceMethod = "自行履行",
                performanceDueOn = today.AddDays(7),
                signedOn = today,
            });

            r._notarization = Id(await Api.CreateAsync(manager, new
            {
                type = "Notarization",
                channel = "WalkIn",
                applicant = new { person = new { name = "钱十一", phone = Api.NewMobile() } },
                notarization = new { matterCode = "identity", purpose = "办理签证", materialsSubmitted = "身份证" },
            }));
            r._complaint = Id(await Api.CreateAsync(manager, new
            {
                type = "Complaint",
                channel = "WalkIn",
                applicant = new { person = new { name = "周八", phone = Api.NewMobile() } },
                complaint = new { subject = new { kind = "Staff", userId = hotlineId }, content = "窗口等候时间过长。", demand = "请求调查并答复" },
            }));

            object CitizenApplicant() => new { person = new { name = "王五", phone = r._citizenPhone, idNumber = Api.NewIdNumber() } };
            r._citizenCase = Id(await Api.CreateAsync(citizen, Api.LegalAid(CitizenApplicant(), channel: "OnlinePortal")));
            r._citizenRequested = Id(await Api.CreateAsync(citizen, Api.LegalAid(CitizenApplicant(), channel: "OnlinePortal")));
            await Api.ActAsync(manager, r._citizenRequested, "request-materials", new { missing = "身份证复印件" });

            // The answered consultation has a follow-up; its online rating link is the rating page's token.
            var pending = await Api.ReadAsync(await manager.GetAsync("/api/follow-ups?status=Pending"), HttpStatusCode.OK);
            var followUp = pending.AsArray().Single(f => f!["caseId"]!.GetValue<string>() == r._consultation)!["id"]!.GetValue<string>();
            var link = await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{followUp}/link", new { }), HttpStatusCode.OK);
            r._ratingToken = link["token"]!.GetValue<string>();

            // More rows on the follow-up desk (each with its own forms): a hotline agent's answers, one rated badly, which
            // opens a rectification.
            var hotline = await r.ClientAsync("hotline");
            await Api.CreateAsync(hotline, Api.Consultation());
            var rated = Id(await Api.CreateAsync(hotline, Api.Consultation("邻居装修噪音扰民怎么办？")));
            pending = await Api.ReadAsync(await manager.GetAsync("/api/follow-ups?status=Pending"), HttpStatusCode.OK);
            var ratedFollowUp = pending.AsArray().Single(f => f!["caseId"]!.GetValue<string>() == rated)!["id"]!.GetValue<string>();
            await Api.ReadAsync(await Api.PostAsync(manager, $"/api/follow-ups/{ratedFollowUp}/rating", new { level = "Dissatisfied", comment = "答复太笼统" }), HttpStatusCode.OK);

            var asked = await Api.ReadAsync(await Api.PostAsync(anonymous, "/api/assistant/ask", new { question = "公司拖欠工资怎么办？" }), HttpStatusCode.OK);
            r._conversation = asked["conversationId"]!.GetValue<string>();
            await Api.ReadAsync(await anonymous.PostAsync($"/api/assistant/conversations/{r._conversation}/handoff", null), HttpStatusCode.OK);
            r._law = await r.ImportLawAsync();

            // A guide interview walked to its outcome by the anonymous client (the interview lives in its cookie).
            var start = await GuideTestSupport.PostFormAsync(anonymous, "/guides/mediation", new Dictionary<string, string>());
            r._guideQuestion = start.Headers.Location!.OriginalString;
            var url = r._guideQuestion;
            foreach (var answer in new[] { "neighbour", "no", "no", "0", "楼上邻居", "邻居装修噪音太大，晚上十点后还在施工。" })
                url = await GuideTestSupport.AnswerAsync(anonymous, url, answer);
            Assert.Equal("/guides/mediation/result", url);
            return r;
        }

        /// <summary>A small law in two versions, imported as the law library imports the corpus.</summary>
        private async Task<string> ImportLawAsync()
        {
            var root = Path.Combine(_app.Database.DataDir, "a11y-laws");
            var folder = Directory.CreateDirectory(Path.Combine(root, "社会法")).FullName;
            await File.WriteAllTextAsync(Path.Combine(folder, "示例保护法(2020-01-01).md"), "# 中华人民共和国示例保护法\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了示例，制定本法。\n\n第二条 本法自公布之日起施行。\n");
            await using (var scope = _app.App.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<LawImporter>().ImportAsync(root, LawScope.National, null, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(folder, "示例保护法(2024-06-01).md"), "# 中华人民共和国示例保护法\n\n2024年6月1日 修订\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了示例，制定本法。\n\n第二条 国家保护示例。\n\n第三条 本法自2024年6月1日起施行。\n");
            await using (var scope = _app.App.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<LawImporter>().ImportAsync(root, LawScope.National, null, CancellationToken.None);
            var laws = await Api.ReadAsync(await _app.Anonymous().GetAsync("/api/laws?q=" + Uri.EscapeDataString("示例保护法")), HttpStatusCode.OK);
            var items = laws is JsonArray a ? a : laws["items"]!.AsArray();
            return items.Single()!["id"]!.GetValue<string>();
        }

        private static string Id(JsonNode c) => c["id"]!.GetValue<string>();

        /// <summary>The URLs a page is checked at: with real records in its route, and a few states of the same page.</summary>
        public IReadOnlyList<PageUrl> Urls(SweptEndpoint page) => page.Route switch
        {
            "/cases/{id:guid}" => [$"/cases/{_legalAid}", $"/cases/{_staffCase}", $"/cases/{_hotlineOpen}", $"/cases/{_granted}", $"/cases/{_consultation}", $"/cases/{_citizenRequested}"],
            "/citizen/cases/{id:guid}" => [$"/citizen/cases/{_citizenCase}", $"/citizen/cases/{_citizenRequested}"],
            "/mediation/cases/{id:guid}" => [$"/mediation/cases/{_mediation}", $"/mediation/cases/{_agreed}"],
            "/mediation/cases/{id:guid}/agreement" => [$"/mediation/cases/{_agreed}/agreement"],
            "/notarization/cases/{id:guid}" => [$"/notarization/cases/{_notarization}"],
            "/complaints/{id:guid}" => [$"/complaints/{_complaint}"],
            "/laws/{id:guid}" => [$"/laws/{_law}"],
            "/laws/search" => ["/laws/search", "/laws/search?q=" + Uri.EscapeDataString("示例保护")],
            "/laws/cite" => ["/laws/cite", new("/laws/cite?text=" + Uri.EscapeDataString("《中华人民共和国示例保护法》第九十九条"), HttpStatusCode.NotFound)],
            "/rate/{token}" => [$"/rate/{_ratingToken}"],
            "/kiosk/slip" => [$"/kiosk/slip?c={_conversation}"],
            "/guides/{id}" => ["/guides/mediation", "/guides/legal-aid"],
            "/guides/{id}/q/{qid}" => [_guideQuestion],
            "/guides/{id}/result" => ["/guides/mediation/result"],
            "/guides/{id}/save" => ["/guides/mediation/save"],
            "/guides/{id}/apply" => ["/guides/mediation/apply"],
            _ when page.Endpoint.RoutePattern.Parameters.Count == 0 => [page.Route],
            _ => [],
        };
    }

    /// <summary>A URL a page is checked at, and the status it answers with: an error state (a citation that names no
    /// article) is a page the user reads too.</summary>
    private sealed record PageUrl(string Url, HttpStatusCode Status = HttpStatusCode.OK)
    {
        public static implicit operator PageUrl(string url) => new(url);
    }
}
