using System.Net;
using System.Text.RegularExpressions;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>Posting a Razor Page's form as the browser would: with the antiforgery token of the page it came from.</summary>
public static partial class PageForms
{
    public static string Token(string pageWithToken)
    {
        var match = TokenRegex().Match(pageWithToken);
        Assert.True(match.Success, "the page carries an antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>Posts a file as a page's upload form does (field "file").</summary>
    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string token, string name, byte[] content) =>
        client.PostAsync(url, new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", name },
        });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string pageWithToken, IEnumerable<(string Name, string Value)> fields)
    {
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", Token(pageWithToken)));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    /// <summary>GET <paramref name="url"/>, expecting the page.</summary>
    public static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>Signed in but not allowed: the access-denied page (a redirect), never the page itself.</summary>
    public static async Task AssertDeniedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"GET {url}: {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The decoded <c>action</c> of the form named <paramref name="ariaLabel"/> (a row's form on a list page),
    /// asserting the page has it.</summary>
    public static string FormAction(string page, string ariaLabel)
    {
        var tag = Regex.Match(page, $"<form[^>]*aria-label=\"{Regex.Escape(ariaLabel)}\"[^>]*>").Value;
        var action = Regex.Match(tag, "action=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.True(action.Length > 0, $"the page has a form named \"{ariaLabel}\" with an action");
        return action;
    }

    /// <summary>The <c>id</c> route value of a form action (<c>?id=…</c>).</summary>
    public static Guid ActionId(string action) => Guid.Parse(Regex.Match(action, "[?&]id=([0-9a-f-]{36})").Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
