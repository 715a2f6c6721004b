using Farun.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Farun.IntegrationTests.Cli;

public sealed class CliVerbTests
{
    [Fact]
    public async Task Help_ListsVerbsAndExitsWithoutServing()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var result = await CliRunner.RunAsync(database, null, "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "db", "users", "laws", "audit" })
            Assert.Contains(verb, result.Stdout);
        Assert.DoesNotContain("Now listening", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task UnknownVerbOption_ExitsNonZero()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var result = await CliRunner.RunAsync(database, null, "laws", "import");
        Assert.NotEqual(0, result.ExitCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAdmin_StrongPassword_CreatesAccountThatCanSignIn(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var weak = await CliRunner.RunAsync(database, "password", "users", "create-admin", "--username", "root", "--password-stdin");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("密码", weak.Stderr);

        var ok = await CliRunner.RunAsync(database, "Str0ng#Admin", "users", "create-admin", "--username", "root", "--role", "SecurityAdmin", "--password-stdin");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("root", ok.Stdout);

        // Production start: no demo accounts, and the new administrator signs in.
        await using var factory = new FarunFactory(database, new Dictionary<string, string?> { ["Farun:SeedDemoData"] = "false" });
        var client = StaffClient.Anonymous(factory);
        var demo = await StaffClient.PostLoginAsync(client, "staff", StaffClient.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.OK, demo.StatusCode);
        var root = await StaffClient.PostLoginAsync(client, "root", "Str0ng#Admin");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, root.StatusCode);
    }

    [Fact]
    public async Task CreateAdmin_BadRole_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var result = await CliRunner.RunAsync(database, "Str0ng#Admin", "users", "create-admin", "--username", "x", "--role", "Staff", "--password-stdin");
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task DbMigrate_FreshSqlite_CreatesSchema()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var result = await CliRunner.RunAsync(database, null, "db", "migrate");
        Assert.Equal(0, result.ExitCode);
        await using var conn = new SqliteConnection(database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('Laws','AuditEntries','AspNetUsers')";
        Assert.Equal(3L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task LawsImport_FixtureTree_PrintsSummaryAndIsIdempotent()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var root = Path.Combine(Prerequisites.RepoRoot, "tests", "Farun.UnitTests", "Fixtures", "Laws");
        var first = await CliRunner.RunAsync(database, null, "laws", "import", root);
        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"New laws: [1-9]", first.Stdout);
        var second = await CliRunner.RunAsync(database, null, "laws", "import", root);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("New laws: 0  new versions: 0", second.Stdout);

        var missing = await CliRunner.RunAsync(database, null, "laws", "import", Path.Combine(root, "no-such-folder"));
        Assert.NotEqual(0, missing.ExitCode);
    }

    [Fact]
    public async Task AuditVerify_IntactChain_ExitsZero()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using (var factory = new FarunFactory(database))
            await StaffClient.SignedInAsync(factory, "staff");
        var result = await CliRunner.RunAsync(database, null, "audit", "verify");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("intact", result.Stdout);
    }
}
