using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Features.Tokens;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Platform;

public sealed class ApiTokenTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IssuedToken_Works_ThenRevoked_Is401_AndBothAreAudited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var secret = await IssueAsync(factory, "auditor", 30, "审计脚本");

        var bearer = Bearer(factory, secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/audit")).StatusCode);

        // Only the hash is stored.
        await using (var scope = factory.Scope())
        {
            var token = await factory.Db(scope).ApiTokens.AsNoTracking().SingleAsync();
            Assert.Equal(ApiToken.Hash(secret), token.TokenHash);
            Assert.NotEqual(secret, token.TokenHash);
            Assert.Equal(secret[..8], token.Hint);
            Assert.NotNull(token.LastUsedAt);
        }

        var secadmin = await StaffClient.SignedInAsync(factory, "secadmin");
        var list = await secadmin.GetFromJsonAsync<JsonElement>("/api/tokens");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("auditor", item.GetProperty("userName").GetString());
        Assert.Equal("Active", item.GetProperty("status").GetString());
        Assert.DoesNotContain(secret, list.GetRawText());
        Assert.DoesNotContain(ApiToken.Hash(secret), list.GetRawText());
        var id = item.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await secadmin.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        var refused = await bearer.GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(refused.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal(HttpStatusCode.NoContent, (await secadmin.DeleteAsync($"/api/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secadmin.DeleteAsync($"/api/tokens/{Guid.NewGuid()}")).StatusCode);

        var revoked = await secadmin.GetFromJsonAsync<JsonElement>("/api/tokens?status=Revoked");
        Assert.Equal("secadmin", Assert.Single(revoked.GetProperty("items").EnumerateArray()).GetProperty("revokedBy").GetString());

        await using var check = factory.Scope();
        var audit = await factory.Db(check).AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("token.")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["token.issue", "token.revoke"], audit.Select(a => a.Action));
        Assert.Equal(id.ToString(), audit[0].EntityId);
        Assert.Equal("secadmin", audit[1].ActorName);
        Assert.DoesNotContain(secret, audit[0].Details);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExpiredToken_Is401(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualTimeProvider();
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var secret = await IssueAsync(factory, "auditor", 1, null);
        var bearer = Bearer(factory, secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/audit")).StatusCode);

        clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/audit")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RevokedOnAnotherNode_RefusedOnceTheCachedSignInExpires(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new ManualTimeProvider();
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<TimeProvider>(clock));
        var secret = await IssueAsync(factory, "auditor", 30, null);
        var bearer = Bearer(factory, secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/audit")).StatusCode);

        // Another node revokes it: the row changes, this node's cache does not hear of it.
        await using (var scope = factory.Scope())
        {
            var db = factory.Db(scope);
            Assert.True((await db.ApiTokens.SingleAsync()).Revoke(clock.GetUtcNow(), "secadmin"));
            await db.SaveChangesAsync();
        }

        var lifetime = factory.Services.GetRequiredService<ApiTokenCache>().Lifetime;
        Assert.InRange(lifetime, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(ApiTokenCache.MaxSeconds));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/audit")).StatusCode);
        clock.Advance(lifetime);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/audit")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BearerPrincipal_MatchesTheCookieSignIn_AndPartnerTokensActAsPartner(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var cookie = await (await StaffClient.SignedInAsync(factory, "staff")).GetFromJsonAsync<JsonElement>("/api/me");
        var staffToken = await (Bearer(factory, await IssueAsync(factory, "staff", 7, null))).GetFromJsonAsync<JsonElement>("/api/me");
        var partnerSecret = await IssueAsync(factory, "hotline", 7, "12345平台对接", ApiTokenKind.Partner);
        var partner = await Bearer(factory, partnerSecret).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("Staff", cookie.GetProperty("actor").GetString());
        Assert.Equal("Staff", staffToken.GetProperty("actor").GetString());
        foreach (var field in new[] { "id", "name", "fullName", "roles", "servicePointId" })
            Assert.Equal(cookie.GetProperty(field).GetRawText(), staffToken.GetProperty(field).GetRawText());
        Assert.Equal(JsonValueKind.Null, cookie.GetProperty("tokenId").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, staffToken.GetProperty("tokenId").ValueKind);

        Assert.Equal("Partner", partner.GetProperty("actor").GetString());
        Assert.Equal("12345平台对接", partner.GetProperty("partner").GetString());
        Assert.Equal("[\"HotlineAgent\"]", partner.GetProperty("roles").GetRawText());
        Assert.NotEqual(JsonValueKind.Null, partner.GetProperty("servicePointId").ValueKind);
    }

    [SkippableTheory]
    [InlineData("secadmin", HttpStatusCode.OK)]
    [InlineData("sysadmin", HttpStatusCode.Forbidden)]
    [InlineData("auditor", HttpStatusCode.Forbidden)]
    [InlineData("manager", HttpStatusCode.Forbidden)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    public async Task ListAndRevoke_OnlySecurityAdmin(string user, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        await IssueAsync(factory, "staff", 7, null);
        Guid id;
        await using (var scope = factory.Scope())
            id = (await factory.Db(scope).ApiTokens.SingleAsync()).Id;

        var client = await StaffClient.SignedInAsync(factory, user);
        Assert.Equal(expected, (await client.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.NoContent : expected, (await client.DeleteAsync($"/api/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_And_BadBearer_Are401_AndNonAdminBearerIs403()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        Assert.Equal(HttpStatusCode.Unauthorized, (await StaffClient.Anonymous(factory).GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(factory, "frn_" + new string('A', 43)).GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(factory, "not a token").GetAsync("/api/me")).StatusCode);

        var staff = Bearer(factory, await IssueAsync(factory, "staff", 7, null));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/tokens")).StatusCode);
        // A bad token never falls back to the cookie, and public endpoints stay public.
        Assert.Equal(HttpStatusCode.OK, (await Bearer(factory, "frn_" + new string('B', 43)).GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task IssueVerb_PrintsTheSecretOnce_AndRefusesBadInput()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        _ = factory.Server;
        var output = new StringWriter();
        var info = new StringWriter();
        Assert.Equal(0, await TokenCommands.IssueAsync(factory.Services, "staff", 30, "脚本", ApiTokenKind.Staff, output, info, CancellationToken.None));
        Assert.True(ApiToken.LooksLikeSecret(output.ToString().Trim()));
        Assert.DoesNotContain(output.ToString().Trim(), info.ToString());

        Assert.Equal(1, await TokenCommands.IssueAsync(factory.Services, "nobody", 30, null, ApiTokenKind.Staff, TextWriter.Null, info, CancellationToken.None));
        Assert.Contains("没有名为“nobody”的账号", info.ToString());
        Assert.Equal(1, await TokenCommands.IssueAsync(factory.Services, "staff", 0, null, ApiTokenKind.Staff, TextWriter.Null, info, CancellationToken.None));
        Assert.Contains("有效天数", info.ToString());
    }

    internal static async Task<string> IssueAsync(FarunFactory factory, string user, int days, string? label, ApiTokenKind kind = ApiTokenKind.Staff)
    {
        await using var scope = factory.Scope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, days, label, kind, "test", CancellationToken.None);
        return issued.Secret;
    }

    internal static HttpClient Bearer(FarunFactory factory, string secret)
    {
        var client = StaffClient.Anonymous(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
