using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Search;

public sealed class SearchApiTests(SearchLibrary library) : IClassFixture<SearchLibrary>
{
    private HttpClient Client => StaffClient.Anonymous(library.Factory);

    private async Task<JsonElement> SearchAsync(string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync("/api/search?" + query);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task Search_LayQuestion_ReturnsRankedArticlesWithSnippetAndExplanation()
    {
        var body = await SearchAsync(Q("老板三个月没发工资怎么办") + "&top=5");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 5);
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("rank").GetInt32()));
        var wage = items.First(i => i.GetProperty("lawTitle").GetString() == "中华人民共和国劳动合同法" && i.GetProperty("number").GetInt32() == 30);
        Assert.Equal("第三十条", wage.GetProperty("display").GetString());
        Assert.Contains("<mark>", wage.GetProperty("snippet").GetString());
        Assert.Matches("^/laws/[0-9a-f-]{36}#a30$", wage.GetProperty("url").GetString());
        var explanation = wage.GetProperty("explanation");
        Assert.False(string.IsNullOrWhiteSpace(explanation.GetProperty("summary").GetString()));
        Assert.Contains(body.GetProperty("expansions").EnumerateArray(), e => e.GetProperty("layWord").GetString() == "老板");
    }

    [Fact]
    public async Task Search_Citation_RanksTheCitedArticleFirst()
    {
        var body = await SearchAsync(Q("劳动合同法第八十二条"));
        var first = body.GetProperty("items")[0];
        Assert.Equal(82, first.GetProperty("number").GetInt32());
        Assert.True(first.GetProperty("explanation").GetProperty("citation").GetBoolean());
    }

    [Fact]
    public async Task Search_Date_UsesTheVersionInForceThatDay()
    {
        var then = (await SearchAsync(Q("股东之间相互转让股权") + "&date=2019-05-01")).GetProperty("items")[0];
        Assert.Equal(71, then.GetProperty("number").GetInt32());
        Assert.False(then.GetProperty("inForce").GetBoolean());
        Assert.Contains("?version=", then.GetProperty("url").GetString());
        var now = (await SearchAsync(Q("股东之间相互转让股权"))).GetProperty("items")[0];
        Assert.Equal(84, now.GetProperty("number").GetInt32());
        Assert.True(now.GetProperty("inForce").GetBoolean());
    }

    [Fact]
    public async Task Search_Level_KeepsOnlyThatLevel()
    {
        var body = await SearchAsync(Q("拖欠工资") + "&level=AdministrativeRegulation");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("行政法规", i.GetProperty("levelName").GetString()));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "q=", "请输入" },
        { "q=%20%20", "请输入" },
        { "top=5", "请输入" },
        { "q=" + new string('法', 10_000), "不能超过500个字符" },
        { "q=" + Uri.EscapeDataString("工资\u0001拖欠"), "控制字符" },
        { Q2("工资") + "&top=-1", "返回条数" },
        { Q2("工资") + "&top=100000", "返回条数" },
        { Q2("工资") + "&top=0", "返回条数" },
        { Q2("工资") + "&level=Nonsense", "效力级别" },
        { Q2("工资") + "&date=1800-01-01", "日期" },
        { Q2("工资") + "&date=not-a-date", "格式" },
        { Q2("工资") + "&top=abc", "格式" },
    };

    private static string Q2(string text) => "q=" + Uri.EscapeDataString(text);

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Search_BadInput_Returns400WithMessage(string query, string expected)
    {
        var response = await Client.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_OnlyPunctuation_ReturnsNoItems()
    {
        var body = await SearchAsync(Q("？？？！！"));
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Health_ReportsTheSearchIndex()
    {
        var response = await Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        var status = library.Factory.Services.GetService(typeof(Farun.Web.Features.Search.SearchIndexService)) as Farun.Web.Features.Search.SearchIndexService;
        Assert.True(status!.Status.Ready);
        Assert.Equal(library.Snapshot.Documents, status.Status.Documents);
    }

    [Fact]
    public async Task SearchPage_Question_ShowsHighlightedResultsLinkingToArticles()
    {
        var html = await Client.GetStringAsync("/laws/search?q=" + Uri.EscapeDataString("老板拖欠工资"));
        Assert.Contains("<mark>", html);
        Assert.Contains("#a30\"", html);
        Assert.Contains("为什么找到", html);
    }

    [Fact]
    public async Task SearchPage_TooLongQuestion_Shows400WithMessage()
    {
        var response = await Client.GetAsync("/laws/search?q=" + new string('法', 600));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能超过500个字符", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SearchPage_Empty_ShowsExamples()
    {
        var html = await Client.GetStringAsync("/laws/search");
        Assert.Contains("老板三个月没发工资怎么办", html);
    }
}
