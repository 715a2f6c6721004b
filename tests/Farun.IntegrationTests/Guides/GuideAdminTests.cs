using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Farun.IntegrationTests.Guides;

public sealed class GuideAdminTests
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string yaml, string? note = null) =>
        await client.PostAsJsonAsync("/api/admin/guides", new { yaml, note });

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upload_ValidGuide_IsStoredActiveUsableAndAudited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        await GuideTestSupport.ImportGuideLawsAsync(factory);
        var admin = await StaffClient.SignedInAsync(factory, "sysadmin");

        var response = await UploadAsync(admin, GuideTestSupport.UploadedGuide, "首次上传");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var citizen = StaffClient.Anonymous(factory);
        var list = await citizen.GetFromJsonAsync<JsonElement>("/api/guides");
        var uploaded = list.EnumerateArray().Single(g => g.GetProperty("id").GetString() == "neighbour-noise");
        Assert.Equal("Uploaded", uploaded.GetProperty("origin").GetString());
        var result = await citizen.PostAsJsonAsync("/api/guides/neighbour-noise/evaluate", new { answers = new { talked = true } });
        Assert.Equal("mediate", (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("id").GetString());

        await using var scope = factory.Scope();
        var db = factory.Db(scope);
        var row = await db.GuideVersions.SingleAsync();
        Assert.True(row.IsActive);
        Assert.Equal("sysadmin", row.UploadedBy);
        Assert.Equal("首次上传", row.Note);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "guide.upload");
        Assert.Equal("neighbour-noise@1", audit.EntityId);
    }

    [Fact]
    public async Task Upload_BrokenGuide_Is400ListingLineAndColumn()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        await GuideTestSupport.ImportGuideLawsAsync(factory);
        var admin = await StaffClient.SignedInAsync(factory, "sysadmin");
        var broken = GuideTestSupport.UploadedGuide
            .Replace("goto: talk_first", "goto: talk_frist", StringComparison.Ordinal)
            .Replace("第十七条", "第九十九条", StringComparison.Ordinal)
            .Replace("if: talked", "if: talked == 3", StringComparison.Ordinal);
        var response = await UploadAsync(admin, broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("yaml")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        var lines = broken.Split('\n');
        int LineOf(string marker) => Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal)) + 1;
        Assert.Contains(problems, p => p.StartsWith($"{LineOf("talk_frist")}:", StringComparison.Ordinal) && p.Contains("talk_frist"));
        Assert.Contains(problems, p => p.StartsWith($"{LineOf("第九十九条")}:", StringComparison.Ordinal) && p.Contains("没有第九十九条"));
        Assert.Contains(problems, p => p.StartsWith($"{LineOf("talked == 3")}:", StringComparison.Ordinal) && p.Contains("不能比较"));
        Assert.Contains(problems, p => p.Contains("talk_first") && p.Contains("不可达"));

        await using var scope = factory.Scope();
        Assert.False(await factory.Db(scope).GuideVersions.AnyAsync());
    }

    [Fact]
    public async Task Upload_CitationWithoutLawLibrary_IsRejected()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var admin = await StaffClient.SignedInAsync(factory, "sysadmin");
        var response = await UploadAsync(admin, GuideTestSupport.UploadedGuide);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("法律法规", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task Versions_NewVersionOfShippedGuide_ReplacesItUntilDeactivated()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        await GuideTestSupport.ImportGuideLawsAsync(factory);
        var admin = await StaffClient.SignedInAsync(factory, "sysadmin");
        var citizen = StaffClient.Anonymous(factory);
        var shipped = await admin.GetStringAsync("/api/admin/guides/mediation/versions/1/yaml");
        Assert.StartsWith("# 申请人民调解", shipped, StringComparison.Ordinal);

        // A session started on version 1 keeps running on version 1.
        var session = await (await citizen.PostAsJsonAsync("/api/guides/mediation/sessions", new { answers = new { dispute_type = "family" } })).Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString();

        var sameVersion = await UploadAsync(admin, shipped);
        Assert.Equal(HttpStatusCode.BadRequest, sameVersion.StatusCode);
        Assert.Contains("必须大于1", (await sameVersion.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var v2 = shipped.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("title: 申请人民调解", "title: 申请人民调解（新版）", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(admin, v2, "改标题")).StatusCode);
        Assert.Equal(2, (await citizen.GetFromJsonAsync<JsonElement>("/api/guides/mediation")).GetProperty("version").GetInt32());
        Assert.Equal(1, (await citizen.GetFromJsonAsync<JsonElement>($"/api/guides/sessions/{code}")).GetProperty("version").GetInt32());

        var history = await admin.GetFromJsonAsync<JsonElement>("/api/admin/guides");
        var mediation = history.EnumerateArray().Single(g => g.GetProperty("id").GetString() == "mediation");
        Assert.Equal(2, mediation.GetProperty("activeVersion").GetInt32());
        Assert.Equal(["2:Uploaded:True", "1:Shipped:False"], mediation.GetProperty("versions").EnumerateArray()
            .Select(v => $"{v.GetProperty("version").GetInt32()}:{v.GetProperty("origin").GetString()}:{v.GetProperty("active").GetBoolean()}"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/guides/mediation/deactivate", null)).StatusCode);
        Assert.Equal(1, (await citizen.GetFromJsonAsync<JsonElement>("/api/guides/mediation")).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/guides/mediation/versions/2/activate", null)).StatusCode);
        Assert.Equal("申请人民调解（新版）", (await citizen.GetFromJsonAsync<JsonElement>("/api/guides/mediation")).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/guides/mediation/versions/9/activate", null)).StatusCode);

        await using var scope = factory.Scope();
        var actions = await factory.Db(scope).AuditEntries.Where(a => a.Action.StartsWith("guide.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["guide.upload", "guide.deactivate", "guide.activate"], actions);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("secadmin")]
    [InlineData("auditor")]
    public async Task Upload_ByAnyoneButSystemAdmin_IsForbidden(string user)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = await StaffClient.SignedInAsync(factory, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(client, GuideTestSupport.UploadedGuide)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/guides")).StatusCode);
    }

    [Fact]
    public async Task Upload_Anonymous_Is401()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(StaffClient.Anonymous(factory), GuideTestSupport.UploadedGuide)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Upload_EmptyYaml_Is400(string? yaml)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var admin = await StaffClient.SignedInAsync(factory, "sysadmin");
        var response = await admin.PostAsJsonAsync("/api/admin/guides", new { yaml });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("YAML", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
