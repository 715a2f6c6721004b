using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Farun.Common.Privacy;
using Farun.Common.Validation;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Farun.IntegrationTests.Cases;

/// <summary>
/// The app on a test database with personal-data keys configured, plus a test-only citizen sign-in: a request with the
/// header <c>X-Test-Citizen: {accountId};{phone}</c> is a citizen whose verified phone is that number (until the platform's
/// phone/one-time-code sign-in can be used).
/// </summary>
public sealed class CaseTestApp : IAsyncDisposable
{
    public const string CitizenHeader = "X-Test-Citizen";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    private CaseTestApp(TestDatabase database, FarunFactory factory, WebApplicationFactory<Program> app)
    {
        Database = database;
        Factory = factory;
        App = app;
    }

    public TestDatabase Database { get; }

    public FarunFactory Factory { get; }

    public WebApplicationFactory<Program> App { get; }

    public static Dictionary<string, string?> KeySettings()
    {
        var keys = new Dictionary<string, string?>
        {
            ["Farun:PersonalData:ActiveKeyId"] = "test1",
            ["Farun:PersonalData:Keys:test1"] = PersonalDataKeyGenerator.NewKey(),
            ["Farun:PersonalData:BlindIndexKey"] = PersonalDataKeyGenerator.NewKey(),

            // Tests call the overdue-alert job's logic themselves, at chosen instants.
            ["Farun:Jobs:Enabled"] = "false",
        };
        return keys;
    }

    public static async Task<CaseTestApp> StartAsync(string provider, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = KeySettings();
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            all[k] = v;
        var factory = new FarunFactory(database, all);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestCitizenHandler>(TestCitizenHandler.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultAuthenticateScheme = "TestSelector";
                o.DefaultChallengeScheme ??= Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;
            });
            services.AddAuthentication().AddPolicyScheme("TestSelector", "TestSelector", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(CitizenHeader) ? TestCitizenHandler.SchemeName : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);
        }));
        _ = app.Server;
        return new CaseTestApp(database, factory, app);
    }

    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> StaffAsync(string userName)
    {
        var client = Anonymous();
        var response = await StaffClient.PostLoginAsync(client, userName, StaffClient.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A citizen signed in through the real flow: a code requested by phone (read from the Development SMS
    /// outbox, as a developer reads it from the log), then the citizen cookie from <c>/api/citizen/signin</c>.</summary>
    public async Task<HttpClient> SignedInCitizenAsync(string phone)
    {
        var client = Anonymous();
        var sent = await client.PostAsync("/api/citizen/otp", JsonContent.Create(new { phone }));
        Assert.True(sent.IsSuccessStatusCode, $"Requesting a code for {phone} failed: {(int)sent.StatusCode} {await sent.Content.ReadAsStringAsync()}");
        var code = App.Services.GetRequiredService<Farun.Web.Features.Citizens.DevelopmentSmsOutbox>().LastCode(phone)
            ?? throw new InvalidOperationException($"No sign-in code was sent to {phone}.");
        var signedIn = await client.PostAsync("/api/citizen/signin", JsonContent.Create(new { phone, code }));
        Assert.True(signedIn.IsSuccessStatusCode, $"Citizen sign-in for {phone} failed: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("farun.citizen=", StringComparison.Ordinal));
        return client;
    }

    /// <summary>A citizen by the test header (no sign-in); prefer <see cref="SignedInCitizenAsync"/>.</summary>
    public HttpClient Citizen(Guid accountId, string phone)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(CitizenHeader, $"{accountId};{phone}");
        return client;
    }

    public AsyncServiceScopeWrapper Scope() => new(App.Services.CreateAsyncScope());

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public sealed class AsyncServiceScopeWrapper(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IServiceProvider Services => scope.ServiceProvider;

        public T Get<T>()
            where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    /// <summary>Test-only citizen authentication; the claims match what citizen sign-in issues.</summary>
    public sealed class TestCitizenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestCitizen";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var value = Request.Headers[CitizenHeader].ToString().Split(';');
            if (value.Length != 2 || !Guid.TryParse(value[0], out var id))
                return Task.FromResult(AuthenticateResult.Fail("bad test citizen header"));
            var index = Context.RequestServices.GetRequiredService<BlindIndex>();
            PhoneNumber.TryNormalize(value[1], out var phone, out _);
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, id.ToString()),
                new Claim(ClaimTypes.Name, "市民" + value[1][^4..]),
                new Claim("farun:actor", "Citizen"),
                new Claim("farun:phone-hash", index.Compute(BlindIndexKind.Phone, phone?.Canonical ?? value[1])!),
            ], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}

/// <summary>JSON helpers for the case API.</summary>
public static class Api
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(string.IsNullOrEmpty(body) ? "null" : body) ?? new JsonObject();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) =>
        client.PostAsync(url, JsonContent.Create(body, options: CaseTestApp.Json));

    public static async Task<JsonNode> CreateAsync(HttpClient client, object body) =>
        (await ReadAsync(await PostAsync(client, "/api/cases", body), HttpStatusCode.Created))["case"]!;

    public static async Task<JsonNode> ActAsync(HttpClient client, string caseId, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadAsync(await PostAsync(client, $"/api/cases/{caseId}/actions/{action}", body ?? new { }), expected);

    public static async Task<JsonNode> GetCaseAsync(HttpClient client, string caseId) =>
        await ReadAsync(await client.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);

    public static string[] Strings(JsonNode? array) => array is JsonArray a ? [.. a.Select(x => x!.GetValue<string>())] : [];

    private static int _seq;

    /// <summary>A fresh valid resident ID number (GB 11643 check digit).</summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _seq);
        var birth = new DateOnly(1970, 1, 1).AddDays(n * 37 % 15000);
        var first17 = $"510104{birth:yyyyMMdd}{n % 1000:000}";
        return first17 + ChineseIdCard.ComputeCheckCharacter(first17);
    }

    public static string NewMobile() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static object Consultation(string question = "公司拖欠三个月工资怎么办？", string? answer = "可向劳动人事争议仲裁委员会申请仲裁。", string? citations = null,
        object? applicant = null, string channel = "Hotline12348") => new
        {
            type = "Consultation",
            channel,
            applicant = applicant ?? new { person = new { name = "张三", phone = NewMobile(), idNumber = NewIdNumber(), groups = new[] { "MigrantWorker" } } },
            consultation = new { question, domain = "Labour", answerSummary = answer, citations, durationMinutes = 8 },
        };

    public static object LegalAid(object? applicant = null, string matter = "Maintenance", string channel = "WalkIn", object[]? parties = null, string? limitationDate = null) => new
    {
        type = "LegalAid",
        channel,
        applicant = applicant ?? new { person = new { name = "李四", phone = NewMobile(), idNumber = NewIdNumber() } },
        parties,
        legalAid = new { matter, description = "请求前夫支付子女抚养费。", hardshipCommitment = true, limitationDate },
    };
}
