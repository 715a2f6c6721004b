using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Platform;

/// <summary>The main navigation leads a citizen from any page to the guides and back to their own applications.</summary>
public sealed class NavigationTests
{
    [Fact]
    public async Task Layout_Anonymous_NavLinksToGuidesAndToTheCitizenPortal()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);

        foreach (var url in new[] { "/", "/laws", "/assistant", "/guides" })
        {
            var nav = MainNav(await client.GetStringAsync(url));
            Assert.Contains("<a href=\"/guides\">办事指引</a>", nav, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/citizen\">我的办事</a>", nav, StringComparison.Ordinal);
        }

        Assert.Matches("<a href=\"/citizen\"><strong>我的办事</strong></a>", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Layout_SignedInStaff_NoCitizenPortalLink()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var staff = await StaffClient.SignedInAsync(factory, "hotline");

        var nav = MainNav(await staff.GetStringAsync("/workbench"));
        Assert.Contains("<a href=\"/workbench\">工作台</a>", nav, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/guides\">办事指引</a>", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("/citizen", nav, StringComparison.Ordinal);
    }

    private static string MainNav(string html)
    {
        var nav = Regex.Match(html, "<nav class=\"nav\" aria-label=\"主导航\">(.*?)</nav>", RegexOptions.Singleline);
        Assert.True(nav.Success, "the page has the main navigation");
        return nav.Groups[1].Value;
    }
}
