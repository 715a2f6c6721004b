using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Staff;

public sealed class StaffAccountsTests
{
    private static async Task<Guid> StreetAsync(HttpClient client)
    {
        var points = await client.GetFromJsonAsync<JsonElement>("/api/service-points");
        return points.EnumerateArray().First(p => p.GetProperty("kind").GetString() == "StreetWorkstation").GetProperty("id").GetGuid();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_BySecurityAdmin_NewStaffCanSignIn(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        var sec = await StaffClient.SignedInAsync(factory, "secadmin");
        var street = await StreetAsync(sec);

        var response = await sec.PostAsJsonAsync("/api/staff", new { userName = "li.si", fullName = "李四", password = "Welcome#2026", servicePointId = street, roles = new[] { "Staff", "HotlineAgent" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(street, created.GetProperty("servicePointId").GetGuid());

        await StaffClient.SignedInAsync(factory, "li.si", "Welcome#2026");
    }

    [Theory]
    [InlineData("sysadmin")]
    [InlineData("auditor")]
    [InlineData("manager")]
    [InlineData("staff")]
    public async Task Create_ByAnyoneElse_IsForbidden(string user)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = await StaffClient.SignedInAsync(factory, user);
        var response = await client.PostAsJsonAsync("/api/staff", new { userName = "x.y", fullName = "某某", password = "Welcome#2026", servicePointId = Guid.NewGuid(), roles = new[] { "Staff" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/staff")).StatusCode);
    }

    [Theory]
    [InlineData("SystemAdmin,AuditAdmin", "roles")]
    [InlineData("SecurityAdmin,Staff", "roles")]
    [InlineData("Janitor", "roles")]
    public async Task Create_ThreeAdminSeparationBroken_Is400(string roles, string field)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var sec = await StaffClient.SignedInAsync(factory, "secadmin");
        var street = await StreetAsync(sec);
        var response = await sec.PostAsJsonAsync("/api/staff", new { userName = "x.y", fullName = "某某", password = "Welcome#2026", servicePointId = street, roles = roles.Split(',') });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Create_WeakPasswordOrBadName_Is400WithChineseMessages()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var sec = await StaffClient.SignedInAsync(factory, "secadmin");
        var street = await StreetAsync(sec);
        var weak = await sec.PostAsJsonAsync("/api/staff", new { userName = "w.k", fullName = "王五", password = "password", servicePointId = street, roles = new[] { "Staff" } });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("密码", (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var badName = await sec.PostAsJsonAsync("/api/staff", new { userName = "<script>", fullName = "王五", password = "Welcome#2026", servicePointId = street, roles = new[] { "Staff" } });
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
    }

    [Fact]
    public async Task Unlock_LockedAccount_CanSignInAgain()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var anon = StaffClient.Anonymous(factory);
        for (var i = 0; i < 5; i++)
            await StaffClient.PostLoginAsync(anon, "lawyer", "Wrong#Pass1");
        var sec = await StaffClient.SignedInAsync(factory, "secadmin");
        var staff = await sec.GetFromJsonAsync<JsonElement>("/api/staff");
        var lawyer = staff.EnumerateArray().Single(s => s.GetProperty("userName").GetString() == "lawyer");
        Assert.True(lawyer.GetProperty("lockedOut").GetBoolean());

        var unlock = await sec.PostAsync($"/api/staff/{lawyer.GetProperty("id").GetGuid()}/unlock", null);
        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        await StaffClient.SignedInAsync(factory, "lawyer");
    }
}
