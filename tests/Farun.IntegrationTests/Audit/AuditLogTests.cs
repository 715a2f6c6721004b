using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.Features.Audit;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Audit;

public sealed class AuditLogTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignIns_AreAuditedAndChainVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        await StaffClient.PostLoginAsync(client, "staff", "Wrong#Pass1");
        await StaffClient.SignedInAsync(factory, "staff");

        await using var scope = factory.Scope();
        var db = factory.Db(scope);
        var actions = await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["signin.failed", "signin.succeeded"], actions);
        Assert.True((await AuditCommands.VerifyAsync(db, CancellationToken.None)).IsIntact);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentAppends_KeepOneUnbrokenChain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        _ = factory.Server;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            await using var scope = factory.Scope();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            audit.RecordAs(ActorKind.System, null, "test", "test.append", "Test", i);
            audit.RecordAs(ActorKind.System, null, "test", "test.append2", "Test", i);
            await factory.Db(scope).SaveChangesAsync();
        }));

        await using var check = factory.Scope();
        var db = factory.Db(check);
        Assert.Equal(48, await db.AuditEntries.CountAsync());
        var report = await AuditCommands.VerifyAsync(db, CancellationToken.None);
        Assert.True(report.IsIntact, report.Problem);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateOrDelete_IsRefusedByDatabase_AndTamperingIsDetected(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        await StaffClient.SignedInAsync(factory, "staff");
        await StaffClient.SignedInAsync(factory, "manager");
        await StaffClient.SignedInAsync(factory, "hotline");

        await using var scope = factory.Scope();
        var db = factory.Db(scope);
        // Both providers accept double-quoted identifiers.
        const string update = "UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else' WHERE \"Id\" = 2";
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(update));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 2"));

        // Someone with direct database access disables the guard and edits entry 2: verify names it.
        if (provider == "Sqlite")
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate");
        else
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_NoChange\"");
        await db.Database.ExecuteSqlRawAsync(update);
        var report = await AuditCommands.VerifyAsync(db, CancellationToken.None);
        Assert.False(report.IsIntact);
        Assert.Equal(2, report.FirstBrokenId);
    }

    [SkippableTheory]
    [InlineData("auditor", HttpStatusCode.OK)]
    [InlineData("sysadmin", HttpStatusCode.Forbidden)]
    [InlineData("secadmin", HttpStatusCode.Forbidden)]
    [InlineData("manager", HttpStatusCode.Forbidden)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    public async Task ListAudit_OnlyAuditAdmin_CanRead(string user, HttpStatusCode expected)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = await StaffClient.SignedInAsync(factory, user);

        var response = await client.GetAsync("/api/audit");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(body.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "signin.succeeded");
            var verify = await client.GetFromJsonAsync<JsonElement>("/api/audit/verify");
            Assert.True(verify.GetProperty("intact").GetBoolean());
        }
    }

    [Fact]
    public async Task ListAudit_Anonymous_Is401()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).GetAsync("/api/audit");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AuditPage_AuditorSeesIntactChain_OthersAreDenied()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var auditor = await StaffClient.SignedInAsync(factory, "auditor");
        var page = await auditor.GetStringAsync("/admin/audit");
        Assert.Contains("哈希链校验通过", page);
        Assert.Contains("signin.succeeded", page);

        var sysadmin = await StaffClient.SignedInAsync(factory, "sysadmin");
        var denied = await sysadmin.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.ToString());
    }
}
