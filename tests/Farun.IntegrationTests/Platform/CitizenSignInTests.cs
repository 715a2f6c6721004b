using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Common.Privacy;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Citizens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Platform;

public sealed class CitizenSignInTests
{
    private const string Phone = "13812345678";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CodeBySms_SignsIn_CodeIsSingleUse_AndEverythingIsAudited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        var sent = await client.PostAsJsonAsync("/api/citizen/otp", new { phone = "+86 138-1234-5678" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("138****5678", body.GetProperty("phone").GetString());
        Assert.Equal(300, body.GetProperty("expiresInSeconds").GetInt32());
        var code = LastCode(factory, Phone);
        Assert.Matches("^[0-9]{6}$", code);

        var signIn = await client.PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var account = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(account.GetProperty("created").GetBoolean());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/citizen/me");
        Assert.Equal("138****5678", me.GetProperty("phone").GetString());
        Assert.Equal(account.GetProperty("accountId").GetGuid(), me.GetProperty("accountId").GetGuid());

        // The same code again: refused.
        var again = await StaffClient.Anonymous(factory).PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("已使用", await again.Content.ReadAsStringAsync());

        await using var scope = factory.Scope();
        var db = factory.Db(scope);
        var stored = await db.CitizenAccounts.AsNoTracking().SingleAsync();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var index = scope.ServiceProvider.GetRequiredService<BlindIndex>();
        Assert.DoesNotContain(Phone, stored.PhoneCipher);
        Assert.Equal(Phone, protector.Decrypt(stored.PhoneCipher));
        Assert.Equal(index.Compute(BlindIndexKind.Phone, Phone), stored.PhoneHash);
        Assert.NotNull(stored.LastSignInAt);
        var challenge = await db.OtpChallenges.AsNoTracking().SingleAsync();
        Assert.NotEqual(code, challenge.CodeHash);
        Assert.DoesNotContain(code, challenge.CodeHash);
        Assert.NotNull(challenge.ConsumedAt);

        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("citizen.")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["citizen.otp.sent", "citizen.signin", "citizen.signin.failed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("138****5678", a.ActorName));
        Assert.Equal(Farun.Features.Audit.ActorKind.Citizen, audit[1].ActorKind);
        Assert.Equal(stored.Id, audit[1].ActorId);
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains(Phone, StringComparison.Ordinal) || (a.Details ?? "").Contains(code, StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WrongCodes_CountDown_ThenEvenTheRightCodeIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        (await client.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone })).EnsureSuccessStatusCode();
        var code = LastCode(factory, Phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 1; i <= 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code = wrong });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var message = problem.GetProperty("errors").GetProperty("code")[0].GetString();
            Assert.Contains(i < 5 ? $"还可以再试{5 - i}次" : "错误次数过多", message);
        }

        var right = await client.PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("错误次数过多", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/citizen/me")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Code_ExpiresAfterFiveMinutes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualTimeProvider();
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var client = StaffClient.Anonymous(factory);
        (await client.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone })).EnsureSuccessStatusCode();
        var code = LastCode(factory, Phone);

        clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        var late = await client.PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("已过期", await late.Content.ReadAsStringAsync());

        // A new code works, and the older one no longer does.
        (await client.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone })).EnsureSuccessStatusCode();
        var fresh = LastCode(factory, Phone);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code = fresh })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RateLimits_AreSharedByTwoAppInstancesOnOneDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualTimeProvider();
        var settings = new Dictionary<string, string?> { ["Farun:CitizenSignIn:MaxCodesPerAddressPerHour"] = "8" };
        await using var a = new FarunFactory(database, settings, s => s.AddSingleton<TimeProvider>(clock));
        await using var b = new FarunFactory(database, settings, s => s.AddSingleton<TimeProvider>(clock));
        var nodeA = StaffClient.Anonymous(a);
        var nodeB = StaffClient.Anonymous(b);

        Assert.Equal(HttpStatusCode.OK, (await nodeA.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone })).StatusCode);
        var refused = await nodeB.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 55, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("请", problem.GetProperty("detail").GetString());
        Assert.Contains("秒后再试", problem.GetProperty("detail").GetString());

        // Per phone: one a minute, five an hour, whichever node is asked.
        for (var i = 2; i <= 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(HttpStatusCode.OK, (await (i % 2 == 0 ? nodeB : nodeA).PostAsJsonAsync("/api/citizen/otp", new { phone = Phone })).StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(61));
        var hourly = await nodeA.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone });
        Assert.Equal(HttpStatusCode.TooManyRequests, hourly.StatusCode);
        Assert.Contains("次数过多", await hourly.Content.ReadAsStringAsync());

        // Per address: 8 an hour across phones and nodes (5 used above; refused ones do not count).
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await (i % 2 == 0 ? nodeA : nodeB).PostAsJsonAsync("/api/citizen/otp", new { phone = $"1390000000{i}" })).StatusCode);
        var address = await nodeB.PostAsJsonAsync("/api/citizen/otp", new { phone = "13900000009" });
        Assert.Equal(HttpStatusCode.TooManyRequests, address.StatusCode);
        Assert.Contains("本网络", await address.Content.ReadAsStringAsync());

        // An hour later everything is open again.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await nodeB.PostAsJsonAsync("/api/citizen/otp", new { phone = Phone })).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Citizens_PassOnlyTheCitizenPolicy_AndStaffDoNotPassIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var citizen = await SignedInCitizenAsync(factory, Phone);

        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/api/citizen/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/citizen")).StatusCode);
        foreach (var path in new[] { "/api/me", "/api/tokens", "/api/audit" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync(path)).StatusCode);

        var staff = await StaffClient.SignedInAsync(factory, "staff");
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/citizen/me")).StatusCode);
        var page = await staff.GetAsync("/citizen");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/citizen/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsync("/api/citizen/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.GetAsync("/api/citizen/me")).StatusCode);
    }

    [Theory]
    [InlineData("12345", "phone")]
    [InlineData("028-87654321", "phone")]
    [InlineData("", "phone")]
    public async Task BadPhone_Is400WithFieldError(string phone, string field)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).PostAsJsonAsync("/api/citizen/otp", new { phone });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("请输入正确的11位手机号码。", problem.GetProperty("errors").GetProperty(field)[0].GetString());

        var badCode = await StaffClient.Anonymous(factory).PostAsJsonAsync("/api/citizen/signin", new { phone = Phone, code = "12ab" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("6位数字验证码", await badCode.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutAnSmsGateway_Is503()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<ISmsSender, NotConfiguredSmsSender>());
        var response = await StaffClient.Anonymous(factory).PostAsJsonAsync("/api/citizen/otp", new { phone = Phone });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("短信服务尚未配置", await response.Content.ReadAsStringAsync());
        await using var scope = factory.Scope();
        Assert.Equal(0, await factory.Db(scope).OtpChallenges.CountAsync());
    }

    internal static string LastCode(FarunFactory factory, string phone) =>
        factory.Services.GetRequiredService<DevelopmentSmsOutbox>().LastCode(phone) ?? throw new InvalidOperationException("no code sent to " + phone);

    internal static async Task<HttpClient> SignedInCitizenAsync(FarunFactory factory, string phone)
    {
        var client = StaffClient.Anonymous(factory);
        (await client.PostAsJsonAsync("/api/citizen/otp", new { phone })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/citizen/signin", new { phone, code = LastCode(factory, phone) })).EnsureSuccessStatusCode();
        return client;
    }
}

public sealed class ReencryptionTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KeyRotation_ReencryptsEveryPhone_WithoutLoss_AndKeepsSignInWorking(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var before = new FarunFactory(database))
        {
            foreach (var phone in new[] { "13800000001", "13800000002", "13800000003" })
                await CitizenSignInTests.SignedInCitizenAsync(before, phone);
        }

        var rotated = new Dictionary<string, string?>
        {
            ["Farun:PersonalData:ActiveKeyId"] = "k2",
            ["Farun:PersonalData:Keys:k2"] = Farun.Common.Privacy.PersonalDataKeyGenerator.NewKey(),
        };
        var clock = new ManualTimeProvider();
        await using var after = new FarunFactory(database, rotated, s => s.AddSingleton<TimeProvider>(clock));
        _ = after.Server;
        var results = await Farun.Web.Features.Platform.Reencryption.RunAsync(after.Services, "test", CancellationToken.None);
        Assert.Equal(3, Assert.Single(results, r => r.Name == "CitizenAccount.Phone").Changed);
        Assert.Equal(0, (await Farun.Web.Features.Platform.Reencryption.RunAsync(after.Services, "test", CancellationToken.None)).Sum(r => r.Changed));

        await using var scope = after.Scope();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var accounts = await after.Db(scope).CitizenAccounts.AsNoTracking().ToListAsync();
        Assert.All(accounts, a => Assert.StartsWith("pd1:k2:", a.PhoneCipher, StringComparison.Ordinal));
        Assert.Equal(["13800000001", "13800000002", "13800000003"], accounts.Select(a => protector.Decrypt(a.PhoneCipher)).Order());
        Assert.Equal(2, await after.Db(scope).AuditEntries.CountAsync(a => a.Action == "pii.reencrypt"));

        // The same citizen signs in again (after the resend interval) and gets the same account.
        clock.Advance(TimeSpan.FromMinutes(2));
        var again = await CitizenSignInTests.SignedInCitizenAsync(after, "13800000002");
        var me = await again.GetFromJsonAsync<JsonElement>("/api/citizen/me");
        Assert.Contains(accounts, a => a.Id == me.GetProperty("accountId").GetGuid());
    }
}
