using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Farun.IntegrationTests.Infrastructure;

namespace Farun.IntegrationTests.Laws;

public sealed class LawApiTests
{
    private static async Task<HttpClient> ClientAsync(string provider) =>
        StaffClient.Anonymous((await ImportedLibrary.GetAsync(provider)).Factory);

    private static async Task<JsonElement> ResolveAsync(HttpClient client, string text, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync("/api/citations/resolve?text=" + Uri.EscapeDataString(text));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Resolve_LabourContractArticle82_ReturnsArticleText(string provider)
    {
        var client = await ClientAsync(provider);
        var body = await ResolveAsync(client, "《中华人民共和国劳动合同法》第八十二条");
        var article = body.GetProperty("citations")[0].GetProperty("article");
        Assert.Equal("中华人民共和国劳动合同法", article.GetProperty("lawTitle").GetString());
        Assert.Equal(82, article.GetProperty("number").GetInt32());
        Assert.Contains("二倍的工资", article.GetProperty("text").GetString());
        Assert.True(article.GetProperty("inForce").GetBoolean());
    }

    [SkippableTheory]
    [InlineData("民法典1079条", 1079, "离婚")]
    [InlineData("民法典第一千零七十九条第二款", 1079, "调解")]
    [InlineData("刑法第二百八十七条之二", 287, "信息网络")]
    [InlineData("劳动合同法第82条", 82, "书面劳动合同")]
    [InlineData("民诉法第一百二十二条", 122, "原告")]
    public async Task Resolve_CommonForms_FindTheArticle(string text, int number, string expected)
    {
        var client = await ClientAsync("Sqlite");
        var body = await ResolveAsync(client, text);
        var first = body.GetProperty("citations")[0];
        Assert.Equal(number, first.GetProperty("article").GetProperty("number").GetInt32());
        var shown = first.GetProperty("paragraphText").ValueKind == JsonValueKind.String
            ? first.GetProperty("paragraphText").GetString()
            : first.GetProperty("article").GetProperty("text").GetString();
        Assert.Contains(expected, shown);
    }

    [SkippableFact]
    public async Task Resolve_SeveralArticles_ReturnsEach()
    {
        var client = await ClientAsync("Sqlite");
        var body = await ResolveAsync(client, "依照民法典第1079条、第1080条处理");
        var numbers = body.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("article").GetProperty("number").GetInt32()).ToList();
        Assert.Equal([1079, 1080], numbers);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("老板不发工资怎么办")]
    [InlineData("劳动合同法第零条")]
    public async Task Resolve_Unparseable_Is400WithChineseMessage(string text)
    {
        var client = await ClientAsync("Sqlite");
        var body = await ResolveAsync(client, text, HttpStatusCode.BadRequest);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", body.GetProperty("detail").GetString()!);
    }

    [SkippableFact]
    public async Task Resolve_FiveThousandCharacters_Is400()
    {
        var client = await ClientAsync("Sqlite");
        var body = await ResolveAsync(client, "劳动合同法第八十二条" + new string('啊', 5000), HttpStatusCode.BadRequest);
        Assert.Contains("500", body.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task Resolve_ControlCharacters_Is400()
    {
        var client = await ClientAsync("Sqlite");
        var body = await ResolveAsync(client, "劳动合同法\u0007第八十二条", HttpStatusCode.BadRequest);
        Assert.Contains("控制字符", body.GetProperty("detail").GetString());
    }

    [SkippableTheory]
    [InlineData("不存在的保护法第三条")]
    [InlineData("劳动合同法第九百九十九条")]
    public async Task Resolve_UnknownLawOrArticle_Is404(string text)
    {
        var client = await ClientAsync("Sqlite");
        var body = await ResolveAsync(client, text, HttpStatusCode.NotFound);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [SkippableFact]
    public async Task Resolve_AsOfDate_UsesVersionInForceThatDay()
    {
        var client = await ClientAsync("Sqlite");
        var old = await ResolveAsync(client, "公司法第一条", HttpStatusCode.OK);
        var response = await client.GetAsync("/api/citations/resolve?date=2019-05-01&text=" + Uri.EscapeDataString("公司法第一条"));
        var then = await response.Content.ReadFromJsonAsync<JsonElement>();
        var nowArticle = old.GetProperty("citations")[0].GetProperty("article");
        var thenArticle = then.GetProperty("citations")[0].GetProperty("article");
        Assert.True(nowArticle.GetProperty("inForce").GetBoolean());
        Assert.False(thenArticle.GetProperty("inForce").GetBoolean());
        Assert.True(DateOnly.Parse(thenArticle.GetProperty("versionDate").GetString()!) <= new DateOnly(2019, 5, 1));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SearchLaws_ByAbbreviation_FindsLaw(string provider)
    {
        var client = await ClientAsync(provider);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/laws?q=" + Uri.EscapeDataString("劳动合同法"));
        Assert.Equal("中华人民共和国劳动合同法", body.GetProperty("items")[0].GetProperty("title").GetString());
        var byLevel = await client.GetFromJsonAsync<JsonElement>("/api/laws?level=JudicialInterpretation&pageSize=5");
        Assert.True(byLevel.GetProperty("total").GetInt32() > 50);
        Assert.All(byLevel.GetProperty("items").EnumerateArray(), i => Assert.Equal("司法解释", i.GetProperty("levelName").GetString()));
    }

    [SkippableTheory]
    [InlineData("/api/laws?level=Nonsense", "level")]
    [InlineData("/api/laws?pageSize=1000", "pageSize")]
    [InlineData("/api/laws?page=0", "page")]
    [InlineData("/api/laws?page=abc", null)]
    public async Task SearchLaws_BadInput_Is400(string url, string? field)
    {
        var client = await ClientAsync("Sqlite");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field is not null)
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [SkippableFact]
    public async Task GetLaw_CompanyLaw_ListsVersionsNewestFirst()
    {
        var client = await ClientAsync("Sqlite");
        var search = await client.GetFromJsonAsync<JsonElement>("/api/laws?q=" + Uri.EscapeDataString("公司法"));
        var id = search.GetProperty("items")[0].GetProperty("id").GetString();
        var law = await client.GetFromJsonAsync<JsonElement>($"/api/laws/{id}");
        var versions = law.GetProperty("versions").EnumerateArray().ToList();
        Assert.True(versions.Count >= 2);
        Assert.True(versions[0].GetProperty("inForce").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/laws/{Guid.NewGuid()}")).StatusCode);
    }
}
