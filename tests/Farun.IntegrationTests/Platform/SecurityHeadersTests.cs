using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Platform;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/laws")]
    [InlineData("/account/login")]
    [InlineData("/citizen/login")]
    public async Task Pages_CarryTheHeaders_AndEveryInlineScriptHasTheNonce(string path)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).GetAsync(path);
        response.EnsureSuccessStatusCode();

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline' ", csp.Split("style-src-attr")[0]);
        var nonce = NonceRegex().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);

        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptRegex().Matches(html);
        Assert.NotEmpty(scripts);
        foreach (Match script in scripts)
        {
            var attributes = script.Groups[1].Value;
            Assert.True(attributes.Contains("src=", StringComparison.Ordinal) || attributes.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal),
                $"inline script without the CSP nonce on {path}: {script.Value}");
        }

        Assert.DoesNotMatch(InlineHandlerRegex(), html);
    }

    [Fact]
    public async Task Nonce_ChangesPerRequest_AndApiResponsesCarryHeadersToo()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        var a = Header(await client.GetAsync("/"), "Content-Security-Policy");
        var b = Header(await client.GetAsync("/"), "Content-Security-Policy");
        Assert.NotEqual(NonceRegex().Match(a).Groups[1].Value, NonceRegex().Match(b).Groups[1].Value);

        var api = await client.GetAsync("/api/audit");
        Assert.Equal("nosniff", Header(api, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(api, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
        : throw new Xunit.Sdk.XunitException($"header {name} is missing");

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceRegex();

    [GeneratedRegex("<script([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptRegex();

    [GeneratedRegex("\\son(click|load|error|submit|change|input)\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerRegex();
}
