using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Cases;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Farun.IntegrationTests.Platform;

/// <summary>
/// A guard over every endpoint the app maps (minimal APIs and Razor Pages, read from <see cref="EndpointDataSource"/>):
/// (1) every endpoint names its authorization unless it is on the reviewed list of public endpoints below, and an
/// anonymous caller gets 401 (API) or the sign-in page (pages) from every other one; (2) bad input — broken JSON, wrong
/// types, huge or control-character strings, garbage route and query values, empty or garbage page forms — never
/// answers 500, and a 400 from the API is ProblemDetails with a Chinese message.
/// </summary>
public sealed partial class EndpointSweepTests(ITestOutputHelper output)
{
    /// <summary>The endpoints that anyone may call without signing in, each with the reason it is public. Keys are
    /// "<c>METHOD /route</c>" for minimal APIs (several methods comma-separated, <c>*</c> for any) and "<c>PAGE /route</c>"
    /// for Razor Pages. Adding an entry is a security decision: say why.</summary>
    public static readonly IReadOnlyDictionary<string, string> PublicEndpoints = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Platform
        ["* /health"] = "load balancers and monitoring probe it without credentials; it reports only Healthy/Unhealthy",
        ["GET /openapi/{documentName}.json"] = "the open API description for partner systems; it describes the interface and holds no data",
        ["GET /api-docs/{documentName?}"] = "the API reference page (Scalar) built from the OpenAPI document",
        ["GET /api-docs/scalar.js"] = "script of the API reference page",
        ["GET /api-docs/scalar.aspnetcore.js"] = "script of the API reference page",
        ["GET /api-docs/favicon.svg"] = "icon of the API reference page",

        // Staff sign-in
        ["PAGE /account/login"] = "the staff sign-in page",
        ["POST /account/logout"] = "signing out must work even when the session has already expired",
        ["GET /account/denied"] = "the static access-denied page the staff cookie redirects to",
        ["PAGE /"] = "the public home page linking the citizen services",

        // Law library and statute search: citizens read the law without signing in
        ["PAGE /laws"] = "law library: browse by category (public law text)",
        ["PAGE /laws/{id:guid}"] = "law library: one law's text (public law text)",
        ["PAGE /laws/cite"] = "law library: exact citation lookup (public law text)",
        ["PAGE /laws/search"] = "statute search for lay questions (public law text)",
        ["GET /api/laws"] = "law library API: list and filter laws (public law text)",
        ["GET /api/laws/{id:guid}"] = "law library API: one law (public law text)",
        ["GET /api/laws/{id:guid}/articles"] = "law library API: a law's articles (public law text)",
        ["GET /api/citations/resolve"] = "law library API: resolve a citation such as 民法典第一千零八十七条 (public law text)",
        ["GET /api/search"] = "statute search API (public law text)",

        // Procedure guides: citizens answer the questions and may apply online without an account
        ["PAGE /guides"] = "procedure guides: the list",
        ["PAGE /guides/{id}"] = "procedure guides: one guide's introduction",
        ["PAGE /guides/{id}/q/{qid}"] = "procedure guides: one question of the interview",
        ["PAGE /guides/{id}/result"] = "procedure guides: the outcome (what to bring, where to go)",
        ["PAGE /guides/{id}/save"] = "procedure guides: save the answers under a resume code",
        ["PAGE /guides/resume"] = "procedure guides: resume with a code",
        ["PAGE /guides/{id}/apply"] = "procedure guides: the online application at the end of a guide (name and phone given, validated, once per interview)",
        ["GET /api/guides"] = "guides API: the list",
        ["GET /api/guides/{id}"] = "guides API: one guide's questions",
        ["POST /api/guides/{id}/evaluate"] = "guides API: evaluate answers (stateless)",
        ["POST /api/guides/{id}/sessions"] = "guides API: save answers under an unguessable resume code",
        ["GET /api/guides/sessions/{code}"] = "guides API: the resume code is the capability to read the saved answers",
        ["PUT /api/guides/sessions/{code}"] = "guides API: the resume code is the capability to update the saved answers",
        ["POST /api/guides/sessions/{code}/apply"] = "guides API: apply online from the guide's outcome (once per interview, validated)",
        ["GET /api/notarization/matters"] = "the public catalogue of notarization matters, materials and fees",

        // Legal assistant and the kiosk: citizens ask without signing in (rate-limited per client)
        ["PAGE /assistant"] = "the legal assistant chat",
        ["PAGE /kiosk"] = "the self-service kiosk in the service hall",
        ["PAGE /kiosk/slip"] = "the kiosk's printable slip",
        ["POST /api/assistant/ask"] = "assistant API: ask a question (rate-limited)",
        ["GET /api/assistant/conversations/{id:guid}"] = "assistant API: the conversation id is the capability to read it",
        ["POST /api/assistant/conversations/{id:guid}/ratings"] = "assistant API: rate an answer of one's own conversation",
        ["POST /api/assistant/conversations/{id:guid}/handoff"] = "assistant API: hand one's conversation to staff (找人工, rate-limited)",

        // Citizen sign-in by phone and one-time code
        ["PAGE /citizen/login"] = "citizen sign-in page",
        ["POST /api/citizen/otp"] = "citizen sign-in: request a one-time code (rate-limited per phone and address)",
        ["POST /api/citizen/signin"] = "citizen sign-in: exchange the code for the citizen cookie (attempts limited)",
        ["POST /api/citizen/signout"] = "citizen sign-out must work even when the session has already expired",

        // Online rating after a service (好差评): the one-time link is the capability
        ["PAGE /rate/{token}"] = "online rating page opened from the one-time link sent to the citizen",
        ["GET /api/ratings/{token}"] = "online rating: what is rated (no personal data), by the one-time link",
        ["POST /api/ratings/{token}"] = "online rating: submit the rating (the link works once)",
    };

    private static readonly HashSet<string> BodyMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Forms the sweep never posts: they end the sweep's own sessions.</summary>
    private static readonly HashSet<string> SessionEndingForms = ["/account/logout", "/api/citizen/signout", "/citizen?handler=SignOut"];

    private const string NoAuthorizationHelp =
        "name its authorization (RequireAuthorization(Policies.X) on the endpoint or its group, [Authorize(Policy = ...)] on a page) " +
        "or, if it is public on purpose, add it to EndpointSweepTests.PublicEndpoints with the reason";

    // ------------------------------------------------------------------------------------------------------------
    // (1) Authentication on every endpoint
    // ------------------------------------------------------------------------------------------------------------

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryEndpoint_AnonymousCaller_RequiresAuthenticationUnlessPublic(string provider)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await CaseTestApp.StartAsync(provider, Settings());
        var endpoints = AppEndpoints.All(app);
        Assert.True(endpoints.Count > 100, $"the sweep found only {endpoints.Count} endpoints");
        Assert.Contains(endpoints, e => e.IsPage);

        // The rule on metadata: public on purpose (listed) or a named authorization.
        var problems = AuthorizationProblems(endpoints, PublicEndpoints);
        Assert.True(problems.Count == 0, "Endpoint authorization:\n" + string.Join("\n", problems));

        // The same over HTTP: every protected endpoint refuses an anonymous caller, every public one lets it in.
        var anonymous = app.Anonymous();
        var sent = 0;
        foreach (var e in endpoints)
        {
            foreach (var method in e.Methods.Select(m => m == "*" ? "GET" : m))
            {
                var url = e.Url(RouteValues.Random);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (BodyMethods.Contains(method))
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await anonymous.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var toLogin = status == 302 && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/citizen/login", StringComparison.Ordinal));
                var what = $"{method} {url} ({e.Key}) as anonymous: {status} {location}";
                if (status >= 500)
                    problems.Add(what + " — a server error");
                else if (e.IsAnonymous)
                {
                    if (status is 401 or 403 || toLogin)
                        problems.Add(what + " — a public endpoint refused an anonymous caller");
                }
                else if (e.IsApi ? status != 401 : !toLogin)
                {
                    problems.Add(what + (e.IsApi ? " — expected 401" : " — expected a redirect to the sign-in page"));
                }
            }
        }

        output.WriteLine($"{provider}: {endpoints.Count} endpoints ({endpoints.Count(e => e.IsPage)} pages, {endpoints.Count(e => e.IsAnonymous)} public), " +
            $"{sent} anonymous requests, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(problems.Count == 0, "Anonymous requests:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void AuthorizationProblems_EndpointAddedWithoutAuthorization_NamedInTheFailure()
    {
        static SweptEndpoint Endpoint(string pattern, string method, params object[] metadata)
        {
            var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0);
            builder.Metadata.Add(new HttpMethodMetadata([method]));
            foreach (var m in metadata)
                builder.Metadata.Add(m);
            return SweptEndpoint.From((RouteEndpoint)builder.Build());
        }

        var endpoints = new[]
        {
            Endpoint("/api/reports", "GET"),
            Endpoint("/api/exports", "POST", new AllowAnonymousAttribute()),
            Endpoint("/api/cases", "GET", new AuthorizeAttribute("CaseAccess")),
            Endpoint("/api/laws", "GET", new AllowAnonymousAttribute()),
            Endpoint("/api/admin", "GET", new AuthorizeAttribute("SystemAdmin")),
            Endpoint("/api/guides/drafts", "GET", new AllowAnonymousAttribute(), new AuthorizeAttribute("SystemAdmin")),
        };
        var publicList = new Dictionary<string, string> { ["GET /api/laws"] = "public law text", ["GET /api/admin"] = "stale", ["GET /api/gone"] = "stale" };

        var problems = AuthorizationProblems(endpoints, publicList);

        Assert.Collection(problems,
            p => Assert.StartsWith("GET /api/reports has no authorization metadata", p, StringComparison.Ordinal),
            p => Assert.StartsWith("POST /api/exports allows anonymous callers but is not on the reviewed PublicEndpoints list", p, StringComparison.Ordinal),
            p => Assert.StartsWith("GET /api/admin is on the PublicEndpoints list but requires authorization", p, StringComparison.Ordinal),
            p => Assert.StartsWith("GET /api/guides/drafts names an authorization that AllowAnonymous (on it or its group) switches off", p, StringComparison.Ordinal),
            p => Assert.StartsWith("PublicEndpoints lists GET /api/gone, which the app no longer maps", p, StringComparison.Ordinal));
    }

    /// <summary>What breaks the rule: an anonymous endpoint not on the list, an endpoint that names no authorization (only
    /// the fallback policy would protect it), an authorization that AllowAnonymous switches off, and list entries that no
    /// longer match a public endpoint.</summary>
    public static List<string> AuthorizationProblems(IReadOnlyCollection<SweptEndpoint> endpoints, IReadOnlyDictionary<string, string> publicList)
    {
        var problems = new List<string>();
        foreach (var e in endpoints)
        {
            var listed = publicList.ContainsKey(e.Key);
            if (e.IsAnonymous && e.HasAuthorization)
                problems.Add($"{e.Key} names an authorization that AllowAnonymous (on it or its group) switches off: anyone may call it");
            else if (e.IsAnonymous && !listed)
                problems.Add($"{e.Key} allows anonymous callers but is not on the reviewed PublicEndpoints list: {NoAuthorizationHelp}");
            else if (!e.IsAnonymous && !e.HasAuthorization)
                problems.Add($"{e.Key} has no authorization metadata (only the fallback policy protects it): {NoAuthorizationHelp}");
            else if (!e.IsAnonymous && listed)
                problems.Add($"{e.Key} is on the PublicEndpoints list but requires authorization: remove it from the list");
        }

        foreach (var key in publicList.Keys.Where(k => endpoints.All(e => e.Key != k)))
            problems.Add($"PublicEndpoints lists {key}, which the app no longer maps: remove it from the list");
        return problems;
    }

    // ------------------------------------------------------------------------------------------------------------
    // (2) Bad input never answers 500
    // ------------------------------------------------------------------------------------------------------------

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryEndpoint_BadInput_NeverServerErrorAndChineseProblemDetails(string provider)
    {
        var clock = Stopwatch.StartNew();
        await using var app = await CaseTestApp.StartAsync(provider, Settings());
        var endpoints = AppEndpoints.All(app);
        var sweep = await Sweep.StartAsync(app);

        foreach (var e in endpoints.Where(e => !e.IsPage))
        {
            // The case API takes staff and citizens, with different rules: it is swept as both.
            foreach (var client in e.Policies.Contains("CaseAccess") ? [sweep.ClientFor(e), sweep.Citizen] : new[] { sweep.ClientFor(e) })
            {
                foreach (var method in e.Methods)
                {
                    if (BodyMethods.Contains(method))
                        await sweep.SendBodiesAsync(client, e, method);
                    else
                        await sweep.SendGarbageQueriesAsync(client, e, method);
                }
            }
        }

        foreach (var e in endpoints.Where(e => e.IsPage))
            await sweep.SweepPageAsync(sweep.ClientFor(e), e);

        output.WriteLine($"{provider}: {endpoints.Count} endpoints, {sweep.Sent} requests ({sweep.Sent - sweep.PageRequests} API, {sweep.PageRequests} page), " +
            $"{sweep.FormsPosted} forms posted, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"  case actions swept on a case that allows them: {sweep.ActionsReachingValidation.Count} of " +
            $"{Farun.Web.Features.Cases.CaseActionService.Known.Count} (+ citizen's): {string.Join(", ", sweep.ActionsReachingValidation.Order(StringComparer.Ordinal))}");
        foreach (var (status, count) in sweep.Statuses.OrderBy(s => s.Key))
            output.WriteLine($"  {status}: {count}");
        Assert.True(sweep.Problems.Count == 0, $"{sweep.Problems.Count} bad responses:\n" + string.Join("\n", sweep.Problems.Take(80)));
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        // The sweep asks the assistant hundreds of garbage questions from one address.
        ["Farun:Assistant:RequestsPerWindow"] = "100000",
    };

    // ------------------------------------------------------------------------------------------------------------
    // Endpoints
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Route values for the anonymous pass: anything that matches the constraint.</summary>
    private static class RouteValues
    {
        public static string? Random(SweptEndpoint e, RoutePatternParameterPart p) =>
            e.IsGuid(p) ? Guid.NewGuid().ToString() : e.IsInt(p) ? "1" : p.IsOptional ? null : p.Name == "action" ? "note" : "sweep";
    }

    // ------------------------------------------------------------------------------------------------------------
    // The bad-input sweep
    // ------------------------------------------------------------------------------------------------------------

    private sealed partial class Sweep
    {
        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly HashSet<string> _postedForms = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        public Dictionary<int, int> Statuses { get; } = [];

        public int Sent { get; private set; }

        public int PageRequests { get; private set; }

        public int FormsPosted { get; private set; }

        /// <summary>Case actions (per caller) swept on a case whose state allows them, so their validators ran.</summary>
        public HashSet<string> ActionsReachingValidation { get; } = [];

        // Real records, so that bad input reaches the handlers behind the "does it exist" checks.
        private string _legalAid = "", _consultation = "", _mediation = "", _notarization = "", _complaint = "", _citizenCase = "";
        private string _person = "", _staffUser = "", _conversation = "", _sessionCode = "", _granted = "", _refused = "", _citizenRequested = "";

        public static async Task<Sweep> StartAsync(CaseTestApp app)
        {
            var s = new Sweep();
            s._clients["anonymous"] = app.Anonymous();
            foreach (var role in new[] { "manager", "sysadmin", "secadmin", "auditor" })
                s._clients[role] = await app.StaffAsync(role);
            var phone = Api.NewMobile();
            s._clients["citizen"] = await app.SignedInCitizenAsync(phone);
            await s.ArrangeAsync(phone);
            return s;
        }

        private async Task ArrangeAsync(string citizenPhone)
        {
            var manager = _clients["manager"];
            var legalAid = await Api.CreateAsync(manager, Api.LegalAid());
            _legalAid = Id(legalAid);
            _person = legalAid["parties"]![0]!["personId"]!.GetValue<string>();
            _consultation = Id(await Api.CreateAsync(manager, Api.Consultation(answer: null)));
            var committees = await Api.ReadAsync(await manager.GetAsync("/api/mediation/committees"), HttpStatusCode.OK);
            _mediation = Id(await Api.CreateAsync(manager, new
            {
                type = "Mediation",
                channel = "WalkIn",
                applicant = new { person = new { name = "王五", phone = Api.NewMobile() } },
                parties = new object[] { new { role = "OpposingParty", person = new { name = "赵六" } } },
                mediation = new { source = "PartyApplication", disputeType = "Neighbourhood", description = "邻居装修噪音。", committeeId = committees[0]!["id"]!.GetValue<string>() },
            }));
            _notarization = Id(await Api.CreateAsync(manager, new
            {
                type = "Notarization",
                channel = "WalkIn",
                applicant = new { person = new { name = "钱十一", phone = Api.NewMobile() } },
                notarization = new { matterCode = "identity", purpose = "办理签证", materialsSubmitted = "身份证" },
            }));
            var staff = (await Api.ReadAsync(await _clients["secadmin"].GetAsync("/api/staff"), HttpStatusCode.OK)).AsArray();
            string StaffId(string userName) => staff.First(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>();
            _staffUser = StaffId("lawyer");
            _complaint = Id(await Api.CreateAsync(manager, new
            {
                type = "Complaint",
                channel = "WalkIn",
                applicant = new { person = new { name = "周八", phone = Api.NewMobile() } },
                complaint = new { subject = new { kind = "Staff", userId = StaffId("hotline") }, content = "窗口等候时间过长。", demand = "请求调查并答复" },
            }));
            _citizenCase = Id(await Api.CreateAsync(_clients["citizen"], Api.LegalAid(new { person = new { name = "王五", phone = citizenPhone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal")));

            // Cases further on, so that more actions get past the state check to their validators: a grant, a refusal,
            // and the citizen's own application with materials requested.
            _granted = Id(await Api.CreateAsync(manager, Api.LegalAid()));
            await Api.ActAsync(manager, _granted, "grant", new { note = "符合条件" });
            _refused = Id(await Api.CreateAsync(manager, Api.LegalAid()));
            await Api.ActAsync(manager, _refused, "refuse", new { reasons = "不符合经济困难标准" });
            _citizenRequested = Id(await Api.CreateAsync(_clients["citizen"], Api.LegalAid(new { person = new { name = "王五", phone = citizenPhone, idNumber = Api.NewIdNumber() } }, channel: "OnlinePortal")));
            await Api.ActAsync(manager, _citizenRequested, "request-materials", new { missing = "身份证复印件" });
            var asked = await Api.ReadAsync(await Api.PostAsync(_clients["anonymous"], "/api/assistant/ask", new { question = "公司拖欠工资怎么办？" }), HttpStatusCode.OK);
            _conversation = asked["conversationId"]!.GetValue<string>();
            var session = await Api.ReadAsync(await Api.PostAsync(_clients["anonymous"], "/api/guides/legal-aid/sessions", new { answers = new { } }), HttpStatusCode.Created);
            _sessionCode = session["code"]!.GetValue<string>();
        }

        private static string Id(JsonNode c) => c["id"]!.GetValue<string>();

        public HttpClient Citizen => _clients["citizen"];

        /// <summary>Set while the citizen is swept: route ids then name the citizen's own case.</summary>
        private bool _asCitizen;

        /// <summary>The actions each seeded case allows its caller now (a bad body never moves a case on).</summary>
        private readonly Dictionary<(HttpClient, string), HashSet<string>> _allowed = [];

        private async Task<HashSet<string>> AllowedAsync(HttpClient client, string caseId)
        {
            if (!_allowed.TryGetValue((client, caseId), out var allowed))
            {
                var response = await client.GetAsync($"/api/cases/{caseId}");
                allowed = response.IsSuccessStatusCode
                    ? [.. Api.Strings(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["allowedActions"])]
                    : [];
                _allowed[(client, caseId)] = allowed;
            }

            return allowed;
        }

        /// <summary>The signed-in client that passes the endpoint's authorization (the manager reaches most of them).</summary>
        public HttpClient ClientFor(SweptEndpoint e)
        {
            return _clients[AppEndpoints.SweepUser(e)];
        }

        /// <summary>Plausible route values: real records where the route names one, else anything matching the constraint.</summary>
        public string? Plausible(SweptEndpoint e, RoutePatternParameterPart p)
        {
            var r = e.Route;
            return p.Name switch
            {
                "id" when _asCitizen && r.StartsWith("/api/cases/", StringComparison.Ordinal) => _citizenCase,
                "id" when r.StartsWith("/citizen/cases/", StringComparison.Ordinal) => _citizenCase,
                "id" when r.Contains("mediation", StringComparison.Ordinal) || r.Contains("mediator", StringComparison.Ordinal) => _mediation,
                "id" when r.Contains("notarization", StringComparison.Ordinal) => _notarization,
                "id" when r.StartsWith("/complaints/", StringComparison.Ordinal) => _complaint,
                "id" when r.StartsWith("/api/cases/", StringComparison.Ordinal) || r.StartsWith("/cases/", StringComparison.Ordinal) => _legalAid,
                "id" when r.StartsWith("/api/persons/", StringComparison.Ordinal) => _person,
                "id" when r.StartsWith("/api/staff/", StringComparison.Ordinal) => _staffUser,
                "id" when r.StartsWith("/api/assistant/conversations/", StringComparison.Ordinal) => _conversation,
                "id" when !e.IsGuid(p) => "legal-aid",
                "code" => _sessionCode,
                "qid" => "matter",
                "documentName" => "v1",
                _ => RouteValues.Random(e, p),
            };
        }

        private static readonly string Long100K = string.Concat(Enumerable.Repeat("很长的文字abc", 12_500));
        private static readonly string Long10K = string.Concat(Enumerable.Repeat("长查询a&=%", 1_250));
        private const string Control = "\u0000\u0001控制\u0007字符\u001b\u007f";

        /// <summary>Garbage for a query value.</summary>
        private static readonly string[] GarbageValues =
            ["not-a-guid", "99999999999999999999999999", "-1", "-2147483648", "1e309", "0", Long10K, "..%2F..%2Fetc", Control, "2026-13-45"];

        /// <summary>Garbage for a route value (a NUL in the path never reaches the app: servers refuse it).</summary>
        private static readonly string[] GarbageRouteValues = [.. GarbageValues.Where(v => v != Control), Control.Replace("\u0000", "", StringComparison.Ordinal)];

        public async Task SendBodiesAsync(HttpClient client, SweptEndpoint e, string method)
        {
            _asCitizen = client == Citizen;
            var url = e.Url(Plausible);
            if (e.Route == "/api/cases/{id:guid}/actions/{action}")
            {
                // One endpoint, one fields type per action: every action gets the whole set, on a seeded case that allows
                // it now (so the body reaches the action's validator), else on a case of its kind (a 409 after parsing).
                // A citizen sends the applicant's actions on their own applications.
                string[] cases = client == Citizen ? [_citizenCase, _citizenRequested]
                    : [_legalAid, _granted, _refused, _consultation, _mediation, _notarization, _complaint, _citizenRequested];
                foreach (var action in Farun.Web.Features.Cases.CaseActionService.Known.Order(StringComparer.Ordinal))
                {
                    string? caseId = null;
                    foreach (var candidate in cases)
                    {
                        if ((await AllowedAsync(client, candidate)).Contains(action))
                        {
                            ActionsReachingValidation.Add($"{Who(client)} {action}");
                            caseId = candidate;
                            break;
                        }
                    }

                    if (caseId is null && client == Citizen)
                        continue;
                    caseId ??= MediationAction(action) ? _mediation
                        : NotarizationAction(action) ? _notarization
                        : ComplaintAction(action) ? _complaint
                        : action is "answer" or "convert" or "close" ? _consultation
                        : _legalAid;
                    var type = Farun.Web.Features.Cases.CaseActionService.RequestTypeOf(action);
                    foreach (var (label, content) in Bodies(type))
                        await SendAsync(client, new HttpMethod(method), $"/api/cases/{caseId}/actions/{Uri.EscapeDataString(action)}", content, e, label);
                }

                foreach (var value in GarbageRouteValues)
                    await SendAsync(client, new HttpMethod(method), $"/api/cases/{_legalAid}/actions/{Uri.EscapeDataString(value)}", Json("{}"), e, "garbage action");
                return;
            }

            foreach (var (label, content) in Bodies(e.BodyType))
                await SendAsync(client, new HttpMethod(method), url, content, e, label);
            await SendGarbageRouteValuesAsync(client, e, method, () => Json("{}"));
        }

        public async Task SendGarbageQueriesAsync(HttpClient client, SweptEndpoint e, string method)
        {
            _asCitizen = client == Citizen;
            var m = method == "*" ? HttpMethod.Get : new HttpMethod(method);
            var url = e.Url(Plausible);
            await SendAsync(client, m, url, null, e, "plain");
            foreach (var name in QueryNames(e))
            {
                foreach (var value in GarbageValues)
                    await SendAsync(client, m, $"{url}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", null, e, $"query {name}");
            }

            await SendGarbageRouteValuesAsync(client, e, method == "*" ? "GET" : method, () => null);
        }

        private async Task SendGarbageRouteValuesAsync(HttpClient client, SweptEndpoint e, string method, Func<HttpContent?> content)
        {
            foreach (var p in e.Endpoint.RoutePattern.Parameters)
            {
                foreach (var value in GarbageRouteValues)
                {
                    var url = e.Url((x, q) => q.Name == p.Name ? value : Plausible(x, q));
                    await SendAsync(client, new HttpMethod(method), url, content(), e, $"route {p.Name}");
                }
            }
        }

        private static bool MediationAction(string action) =>
            Farun.Web.Features.Mediation.MediationActions.All.Any(a => a.Action == action);

        private static bool NotarizationAction(string action) =>
            Farun.Web.Features.Notarization.NotarizationActions.All.Any(a => a.Action == action);

        private static bool ComplaintAction(string action) =>
            Farun.Web.Features.Complaints.ComplaintActions.All.Any(a => a.Action == action);

        /// <summary>The query parameters of a minimal-API handler: simple parameters not in the route, and the properties
        /// of an [AsParameters] argument.</summary>
        private static IEnumerable<string> QueryNames(SweptEndpoint e)
        {
            if (e.Handler is not { } handler)
                return [];
            var route = e.Endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var names = new List<string>();
            foreach (var p in handler.GetParameters())
            {
                if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
                {
                    var ctor = p.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
                    var members = ctor?.GetParameters().Select(c => (c.Name!, c.ParameterType, (ICustomAttributeProvider)c))
                        ?? p.ParameterType.GetProperties().Select(x => (x.Name, x.PropertyType, (ICustomAttributeProvider)x));
                    foreach (var (name, type, attributes) in members)
                    {
                        var query = attributes.GetCustomAttributes(typeof(FromQueryAttribute), false).OfType<FromQueryAttribute>().FirstOrDefault();
                        if (IsSimple(type) && !route.Contains(name))
                            names.Add(query?.Name ?? name);
                    }
                }
                else if (IsSimple(p.ParameterType) && !route.Contains(p.Name!) && p.ParameterType != typeof(CancellationToken))
                {
                    names.Add(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!);
                }
            }

            return names;
        }

        private static bool IsSimple(Type t)
        {
            t = Nullable.GetUnderlyingType(t) ?? t;
            if (t.IsArray)
                return IsSimple(t.GetElementType()!);
            return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(decimal) || t == typeof(DateOnly)
                || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeOnly);
        }

        private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

        /// <summary>The bad bodies, and for a known fields type the same type filled with huge strings, control characters
        /// or values of the wrong type in every field.</summary>
        private static IEnumerable<(string Label, HttpContent? Content)> Bodies(Type? type)
        {
            yield return ("no body", null);
            yield return ("empty JSON body", Json(""));
            yield return ("'{'", Json("{"));
            yield return ("'not json'", Json("not json"));
            yield return ("null", Json("null"));
            yield return ("array", Json("[{\"type\":\"Consultation\"}]"));
            yield return ("wrong types", Json("{\"type\": 12345, \"x\": {\"y\": []}}"));
            yield return ("deep nesting", Json(new string('[', 200) + new string(']', 200)));
            yield return ("text/plain", new StringContent("{}", Encoding.UTF8, "text/plain"));
            yield return ("long string", Json(JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = Long100K, ["reason"] = Long100K, ["question"] = Long100K, ["name"] = Long100K })));
            if (type is null)
                yield break;
            yield return ($"{type.Name} with 100,000-character strings", Json(Fill(type, Kind.Long, 0)!.ToJsonString()));
            yield return ($"{type.Name} with control characters", Json(Fill(type, Kind.Control, 0)!.ToJsonString()));
            yield return ($"{type.Name} with wrong types", Json(Fill(type, Kind.WrongType, 0)!.ToJsonString()));
            yield return ($"{type.Name} with extreme values", Json(Fill(type, Kind.Extreme, 0)!.ToJsonString()));
        }

        private enum Kind
        {
            Long,
            Control,
            WrongType,
            Extreme,
        }

        /// <summary>A JSON value of <paramref name="type"/>: every string field bad (long or with control characters), the
        /// others plausible; or every field of the wrong JSON type; or numbers and dates at their extremes.</summary>
        private static JsonNode? Fill(Type type, Kind kind, int depth)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            if (t == typeof(string) || t == typeof(object) || t == typeof(JsonElement) || t == typeof(JsonNode))
            {
                return kind switch
                {
                    Kind.Long => Long100K,
                    Kind.Control => Control,
                    Kind.WrongType => new JsonObject { ["a"] = new JsonArray() },
                    _ => "",
                };
            }

            if (t == typeof(bool))
                return kind == Kind.WrongType ? "maybe" : true;
            if (t.IsEnum)
                return kind == Kind.WrongType ? 12345 : kind == Kind.Extreme ? "NoSuchValue" : Enum.GetNames(t)[0];
            if (t == typeof(Guid))
                return kind == Kind.WrongType ? 42 : kind == Kind.Extreme ? Guid.Empty.ToString() : Guid.NewGuid().ToString();
            if (t == typeof(DateOnly))
                return kind == Kind.WrongType ? true : kind == Kind.Extreme ? "0001-01-01" : "2026-01-15";
            if (t == typeof(DateTime) || t == typeof(DateTimeOffset))
                return kind == Kind.WrongType ? true : kind == Kind.Extreme ? "9999-12-31T23:59:59Z" : "2026-01-15T09:00:00+08:00";
            if (t == typeof(TimeOnly))
                return kind == Kind.WrongType ? 1 : kind == Kind.Extreme ? "23:59:59.9999999" : "09:00";
            if (t == typeof(int) || t == typeof(short) || t == typeof(byte))
                return kind == Kind.WrongType ? "abc" : kind == Kind.Extreme ? int.MinValue : 1;
            if (t == typeof(long))
                return kind == Kind.WrongType ? "abc" : kind == Kind.Extreme ? long.MaxValue : 1;
            if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
                return kind == Kind.WrongType ? "abc" : kind == Kind.Extreme ? -1e28m : 1;
            if (depth > 4)
                return null;
            if (t.IsGenericType && t.GetGenericTypeDefinition() is var g && (g == typeof(Dictionary<,>) || g == typeof(IDictionary<,>) || g == typeof(IReadOnlyDictionary<,>)))
                return kind == Kind.WrongType ? new JsonArray(1, 2) : new JsonObject { [kind == Kind.Long ? Long100K[..2000] : kind == Kind.Control ? Control : "k"] = Fill(t.GetGenericArguments()[1], kind, depth + 1) };
            if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t))
            {
                var element = t.IsArray ? t.GetElementType()! : t.GetGenericArguments().FirstOrDefault() ?? typeof(string);
                return kind == Kind.WrongType ? "not an array" : new JsonArray(Fill(element, kind, depth + 1), Fill(element, kind, depth + 1));
            }

            if (kind == Kind.WrongType && depth > 0)
                return 7;
            var o = new JsonObject();
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || t.GetConstructors().Any(c => c.GetParameters().Any(x => x.Name == p.Name))))
                o[JsonNamingPolicy.CamelCase.ConvertName(p.Name)] = Fill(p.PropertyType, kind, depth + 1);
            return o;
        }

        // --------------------------------------------------------------------------------------------------------
        // Pages
        // --------------------------------------------------------------------------------------------------------

        public async Task SweepPageAsync(HttpClient client, SweptEndpoint e)
        {
            _asCitizen = false;
            var url = e.Url(Plausible);
            var page = await SendAsync(client, HttpMethod.Get, url, null, e, "page", page: true);
            foreach (var p in e.Endpoint.RoutePattern.Parameters.Where(p => !e.IsGuid(p)))
            {
                foreach (var value in GarbageRouteValues)
                    await SendAsync(client, HttpMethod.Get, e.Url((x, q) => q.Name == p.Name ? value : Plausible(x, q)), null, e, $"route {p.Name}", page: true);
            }

            if (page is null)
                return;
            foreach (Match form in FormRegex().Matches(page))
            {
                var method = AttributeRegex("method").Match(form.Groups["attrs"].Value) is { Success: true } mm ? mm.Groups[1].Value.ToUpperInvariant() : "GET";
                var action = AttributeRegex("action").Match(form.Groups["attrs"].Value) is { Success: true } am ? WebUtility.HtmlDecode(am.Groups[1].Value) : url;
                if (action.Length == 0)
                    action = url;
                var fields = FieldRegex().Matches(form.Groups["body"].Value).Select(f => WebUtility.HtmlDecode(f.Groups[1].Value))
                    .Where(n => n != "__RequestVerificationToken").Distinct().ToList();

                // A submit button may post the form elsewhere (formaction="?handler=Dismiss"): each target is swept.
                var targets = AttributeRegex("formaction").Matches(form.Groups["body"].Value).Select(f => WebUtility.HtmlDecode(f.Groups[1].Value))
                    .Select(t => t.StartsWith('?') ? url + t : t).Prepend(action).Distinct().ToList();
                foreach (var target in targets)
                    await SweepFormAsync(client, e, page, form.Groups["body"].Value, method, target, fields);
            }
        }

        private async Task SweepFormAsync(HttpClient client, SweptEndpoint e, string page, string formBody, string method, string action, List<string> fields)
        {
            if (!action.StartsWith('/') || SessionEndingForms.Contains(action) || SessionEndingForms.Contains(action.Split('?')[0]))
                return;
            if (!_postedForms.Add($"{method} {action} {string.Join(",", fields)}"))
                return;
            FormsPosted++;
            if (method == "POST")
            {
                var token = TokenRegex().Match(formBody) is { Success: true } t ? t.Groups[1].Value : PageForms.Token(page);
                // A NUL in a form value is refused by the framework before the page (400); without one the garbage reaches it.
                foreach (var (label, value) in new[] { ("empty form", ""), ("long form", Long100K), ("garbage form", "-99999999999999999999" + Control[1..]), ("NUL form", Control) })
                {
                    var pairs = fields.Select(f => new KeyValuePair<string, string>(f, value)).Append(new("__RequestVerificationToken", token));
                    await SendAsync(client, HttpMethod.Post, action, new FormUrlEncodedContent(pairs), e, $"{label} to {action}", page: true);
                }

                // The token alone: every field missing.
                await SendAsync(client, HttpMethod.Post, action, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), e, $"token only to {action}", page: true);
            }
            else
            {
                foreach (var value in GarbageValues)
                {
                    var query = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f)}={Uri.EscapeDataString(value)}"));
                    var target = action + (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
                    await SendAsync(client, HttpMethod.Get, target, null, e, $"garbage query to {action}", page: true);
                }
            }
        }

        // --------------------------------------------------------------------------------------------------------
        // Sending and judging
        // --------------------------------------------------------------------------------------------------------

        /// <summary>Sends one request and records what is wrong with the answer; returns a page's HTML when it is a 200.</summary>
        private async Task<string?> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content, SweptEndpoint e, string label, bool page = false)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
            {
                Problems.Add($"{method} {Short(url)} [{label}] ({e.Key}): the request failed: {ex.GetType().Name} {ex.Message}");
                return null;
            }

            using (response)
            {
                Sent++;
                if (page)
                    PageRequests++;
                var status = (int)response.StatusCode;
                Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
                var body = await response.Content.ReadAsStringAsync();
                var what = $"{method} {Short(url)} [{label}] ({e.Key}) as {Who(client)}: {status}";
                if (status >= 500)
                {
                    Problems.Add($"{what} {Short(body, 300)}");
                    return null;
                }

                if (status == 400 && new Uri(new Uri("http://x"), url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
                {
                    var mediaType = response.Content.Headers.ContentType?.MediaType;
                    if (mediaType != "application/problem+json")
                        Problems.Add($"{what} answered {mediaType ?? "no content type"}, not ProblemDetails: {Short(body, 200)}");
                    else if (NotChinese(body) is { } why)
                        Problems.Add($"{what} ProblemDetails {why}: {Short(body, 300)}");
                }

                // Where no endpoint matches (a route value against its constraint, a content type the endpoint does not
                // accept) the fallback policy answers 401 to whoever the staff scheme does not know: anonymous callers and
                // citizens. Elsewhere a 401 means the sweep's client was not signed in for the endpoint.
                var unmatched = label.StartsWith("route ", StringComparison.Ordinal) || label == "text/plain";
                if (client != _clients["anonymous"] && !(client == Citizen && unmatched) && (status is 401 || (status == 302 && response.Headers.Location?.OriginalString.Contains("login", StringComparison.Ordinal) == true)))
                    Problems.Add($"{what}: the sweep's client is not signed in for this endpoint (check ClientFor)");
                return status == 200 && page ? body : null;
            }
        }

        /// <summary>Why a ProblemDetails body is not a Chinese message for the user, or null when it is: the title and the
        /// detail (or a field message) carry Chinese text, and no message is an English sentence (a framework default).</summary>
        private static string? NotChinese(string body)
        {
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return "that is not JSON";
            }

            var title = json?["title"]?.GetValue<string>() ?? "";
            var detail = json?["detail"]?.GetValue<string>() ?? "";
            var errors = json?["errors"] is JsonObject o
                ? o.SelectMany(kv => kv.Value is JsonArray a ? a.Select(m => m?.GetValue<string>() ?? "") : []).ToList()
                : [];
            if (!Cjk().IsMatch(title) || !(Cjk().IsMatch(detail) || errors.Any(Cjk().IsMatch)))
                return "without a Chinese message";
            return errors.Append(detail).FirstOrDefault(EnglishSentence().IsMatch) is { } english ? $"with an English message (\"{Short(english, 120)}\")" : null;
        }

        [GeneratedRegex(@"\b[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}\b")]
        private static partial Regex EnglishSentence();

        private string Who(HttpClient client) => _clients.FirstOrDefault(c => c.Value == client).Key ?? "?";

        private static string Short(string s, int max = 160) => s.Length <= max ? s : s[..max] + $"…({s.Length} chars)";

        [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
        private static partial Regex Cjk();

        [GeneratedRegex("<form(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex FormRegex();

        [GeneratedRegex("<(?:input|select|textarea|button)\\b[^>]*\\bname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
        private static partial Regex FieldRegex();

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenRegex();

        private static Regex AttributeRegex(string name) => new($"\\b{name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
    }
}
