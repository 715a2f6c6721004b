using System.Net;
using System.Text.RegularExpressions;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Farun.IntegrationTests.Guides.GuideTestSupport;

namespace Farun.IntegrationTests.Guides;

/// <summary>The wizard as a browser without JavaScript uses it: plain links and form posts.</summary>
public sealed partial class GuidePageTests
{
    [GeneratedRegex(@"续填码 <strong>([0-9A-Z]{4}-[0-9A-Z]{4})</strong>")]
    private static partial Regex CodeRegex();

    private static async Task<string> StartAsync(HttpClient client, string id)
    {
        var response = await PostFormAsync(client, $"/guides/{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Index_ListsGuidesAndHomeLinksToIt()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        Assert.Contains("href=\"/guides\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await client.GetStringAsync("/guides");
        Assert.Contains("法律援助：我能不能申请？", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/guides/wage-arrears\"", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Walk_WageArrearsWithoutJavaScript_ReachesPrintableResult()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        await ImportGuideLawsAsync(factory);
        var client = StaffClient.Anonymous(factory);

        var url = await StartAsync(client, "wage-arrears");
        Assert.Equal("/guides/wage-arrears/q/employer_type", url);
        var first = await client.GetStringAsync(url);
        Assert.Contains("第1步，共约", first, StringComparison.Ordinal);
        Assert.Contains("name=\"Answer\" value=\"construction\"", first, StringComparison.Ordinal);

        url = await AnswerAsync(client, url, "construction");
        Assert.Equal("/guides/wage-arrears/q/crew_boss", url);
        var second = await client.GetStringAsync(url);
        Assert.Contains("第2步", second, StringComparison.Ordinal);
        Assert.Contains("href=\"/guides/wage-arrears/q/employer_type\"", second, StringComparison.Ordinal);

        url = await AnswerAsync(client, url, "yes");
        url = await AnswerAsync(client, url, "8000");
        url = await AnswerAsync(client, url, "yes");
        Assert.Equal("/guides/wage-arrears/q/route", url);
        url = await AnswerAsync(client, url, "complaint");
        Assert.Equal("/guides/wage-arrears/result", url);

        var result = await client.GetStringAsync(url);
        Assert.Contains("建议向人力资源社会保障部门（劳动保障监察）投诉", result, StringComparison.Ordinal);
        Assert.Contains("办事指引", result, StringComparison.Ordinal);
        Assert.Contains("由施工总承包单位清偿", result, StringComparison.Ordinal);
        Assert.Contains("href=\"/laws/cite?text=" + Uri.EscapeDataString("《保障农民工工资支付条例》第十条") + "\"", result, StringComparison.Ordinal);
        Assert.Contains("class=\"checklist\"", result, StringComparison.Ordinal);
        Assert.Contains("街道公共法律服务工作站", result, StringComparison.Ordinal);
        Assert.Contains("/css/guides.css", result, StringComparison.Ordinal);

        // The law library resolves the citation the result links to.
        var cite = await client.GetAsync("/laws/cite?text=" + Uri.EscapeDataString("《保障农民工工资支付条例》第十条"));
        Assert.Equal(HttpStatusCode.Redirect, cite.StatusCode);
    }

    [Fact]
    public async Task Answer_Invalid_ShowsChineseMessageWith400()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        var url = await StartAsync(client, "wage-arrears");
        url = await AnswerAsync(client, url, "company");
        var response = await PostFormAsync(client, url, new Dictionary<string, string> { ["Answer"] = "好几千" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("请填写金额（元），只写数字", page, StringComparison.Ordinal);
        Assert.Contains("value=\"好几千\"", page, StringComparison.Ordinal);

        var empty = await PostFormAsync(client, url, new Dictionary<string, string>());
        Assert.Contains("请填写金额（元）。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_ChangeEarlierAnswer_NewPathKeepsLaterAnswersForReview()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var client = StaffClient.Anonymous(factory);
        var url = await StartAsync(client, "wage-arrears");
        url = await AnswerAsync(client, url, "construction");
        url = await AnswerAsync(client, url, "no");
        Assert.Equal("/guides/wage-arrears/q/amount", url);
        url = await AnswerAsync(client, url, "6000");

        // Back to the first question: the earlier answer is selected; choosing "company" skips crew_boss.
        var firstPage = await client.GetStringAsync("/guides/wage-arrears/q/employer_type");
        Assert.Contains("value=\"construction\" checked=\"checked\"", firstPage, StringComparison.Ordinal);
        url = await AnswerAsync(client, "/guides/wage-arrears/q/employer_type", "company");
        Assert.Equal("/guides/wage-arrears/q/amount", url);
        Assert.Contains("value=\"6000\"", await client.GetStringAsync(url), StringComparison.Ordinal);

        // A question off the path redirects to where the interview stands.
        var off = await client.GetAsync("/guides/wage-arrears/q/crew_boss");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("/guides/wage-arrears/q/still_working", off.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SaveAndResume_OnAnotherDevice_ContinuesWhereLeft()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var phone = StaffClient.Anonymous(factory);
        var url = await StartAsync(phone, "divorce");
        url = await AnswerAsync(phone, url, "yes");
        var save = await phone.GetStringAsync("/guides/divorce/save");
        var code = Regex.Match(save, "class=\"guide-code\" aria-label=\"续填码\">([0-9A-Z-]+)<").Groups[1].Value;
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Equal(code, CodeRegex().Match(await phone.GetStringAsync(url)).Groups[1].Value);

        var computer = StaffClient.Anonymous(factory);
        var resumed = await computer.GetAsync("/guides/resume?code=" + code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal("/guides/divorce/q/terms_agreed", resumed.Headers.Location!.OriginalString);
        Assert.Contains("第2步", await computer.GetStringAsync("/guides/divorce/q/terms_agreed"), StringComparison.Ordinal);

        var wrong = await computer.GetAsync("/guides/resume?code=ZZZZ-ZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("没有找到这个续填码", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithoutSession_RedirectsToStart()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        var response = await StaffClient.Anonymous(factory).GetAsync("/guides/legal-aid/q/matter");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/guides/legal-aid", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await StaffClient.Anonymous(factory).GetAsync("/guides/no-such-guide")).StatusCode);
    }

    [Fact]
    public async Task Apply_WithSink_PrefilledFormSubmitsOnceAndShowsReference()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var sink = new RecordingSink();
        await using var factory = WithSink(database, sink);
        var client = StaffClient.Anonymous(factory);
        var url = await StartAsync(client, "mediation");
        foreach (var answer in new[] { "neighbour", "no", "no", "0", "楼上邻居", "邻居装修噪音太大，晚上十点后还在施工。" })
            url = await AnswerAsync(client, url, answer);
        Assert.Equal("/guides/mediation/result", url);
        Assert.Contains("href=\"/guides/mediation/apply\"", await client.GetStringAsync(url), StringComparison.Ordinal);

        var form = await client.GetStringAsync("/guides/mediation/apply");
        Assert.Contains("邻里", form, StringComparison.Ordinal);
        Assert.Contains("邻居装修噪音太大", form, StringComparison.Ordinal);

        var bad = await PostFormAsync(client, "/guides/mediation/apply", new Dictionary<string, string> { ["Name"] = "李大爷", ["Phone"] = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写正确的手机号码", badPage, StringComparison.Ordinal);
        Assert.Contains("请确认所填信息真实", badPage, StringComparison.Ordinal);

        var ok = await PostFormAsync(client, "/guides/mediation/apply", new Dictionary<string, string>
        {
            ["Name"] = "李大爷",
            ["Phone"] = "13900001111",
            ["Summary"] = "邻居装修噪音太大。",
            ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var receipt = await client.GetStringAsync("/guides/mediation/apply");
        Assert.Contains("TEST-0001", receipt, StringComparison.Ordinal);
        Assert.Equal("邻居装修噪音太大。", Assert.Single(sink.Received).Fields["summary"]);
        Assert.Contains("TEST-0001", await client.GetStringAsync("/guides/mediation/result"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_SinkUnavailable_SaysWhereToApplyInPerson()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database, services: s => s.AddSingleton<Farun.Web.Features.Guides.Apply.IGuideApplicationSink>(new Farun.Web.Features.Guides.Apply.UnavailableApplicationSink()));
        var client = StaffClient.Anonymous(factory);
        var url = await StartAsync(client, "notarization");
        foreach (var answer in new[] { "no_criminal_record", "yes", "study" })
            url = await AnswerAsync(client, url, answer);
        var result = await client.GetStringAsync(url);
        Assert.Contains("公证预约暂未开通在线提交", result, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/guides/notarization/apply\"", result, StringComparison.Ordinal);
        var apply = await client.GetStringAsync("/guides/notarization/apply");
        Assert.Contains("暂未开通在线提交", apply, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AdminPage_BrokenUpload_ListsProblemsByLine()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database);
        await ImportGuideLawsAsync(factory);
        var admin = await StaffClient.SignedInAsync(factory, "sysadmin");
        var broken = UploadedGuide.Replace("goto: talk_first", "goto: talk_frist", StringComparison.Ordinal);
        var response = await PostFormAsync(admin, "/admin/guides", new Dictionary<string, string> { ["Yaml"] = broken }, "/admin/guides?handler=Upload");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var line = Array.FindIndex(broken.Split('\n'), l => l.Contains("talk_frist", StringComparison.Ordinal)) + 1;
        Assert.Contains($"第{line}行", page, StringComparison.Ordinal);
        Assert.Contains("talk_frist", page, StringComparison.Ordinal);

        var ok = await PostFormAsync(admin, "/admin/guides", new Dictionary<string, string> { ["Yaml"] = UploadedGuide, ["Note"] = "测试" }, "/admin/guides?handler=Upload");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var list = await admin.GetStringAsync("/admin/guides");
        Assert.Contains("neighbour-noise", list, StringComparison.Ordinal);
        Assert.Contains("已上传并启用", list, StringComparison.Ordinal);

        var staff = await StaffClient.SignedInAsync(factory, "staff");
        var denied = await staff.GetAsync("/admin/guides");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
