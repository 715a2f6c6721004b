using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Features.ServicePoints;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Farun.IntegrationTests.Foundation;

public sealed class FoundationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Startup_FreshDatabase_MigratesSeedsAndReportsHealthy(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        await using var scope = factory.Scope();
        var db = factory.Db(scope);
        Assert.Equal(1, await db.ServicePoints.CountAsync(p => p.Kind == ServicePointKind.DistrictCentre));
        Assert.Equal(14, await db.ServicePoints.CountAsync(p => p.Kind == ServicePointKind.StreetWorkstation));
        Assert.True(await db.ServicePoints.CountAsync(p => p.Kind == ServicePointKind.CommunityLegalHome) > 0);
        Assert.All(await db.ServicePoints.ToListAsync(), p => Assert.True(p.IsDemo));
        Assert.Equal(10, await db.Users.CountAsync(u => u.IsDemo));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DataProtectionKeys_AfterSignIn_AreStoredInDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        await StaffClient.SignedInAsync(factory, "staff");

        await using var scope = factory.Scope();
        Assert.True(await factory.Db(scope).DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task OpenApi_Document_IsServedAnonymously()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString());
        var reference = await client.GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_Anonymous_IsUnauthorizedNotRedirected()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        var response = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_SignedIn_IsProblemDetails404()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = await StaffClient.SignedInAsync(factory, "staff");

        var response = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task StaffPage_Anonymous_RedirectsToLogin()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        var response = await client.GetAsync("/account/denied-but-protected");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }
}
