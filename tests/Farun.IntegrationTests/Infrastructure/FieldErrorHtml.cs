using System.Net;
using System.Text.RegularExpressions;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>Checks a page's inline form errors in its HTML: the message in <c>&lt;p class="field-error" id="{input}-err"&gt;</c>
/// right after the input, the input marked <c>aria-invalid="true"</c> and described by it, and the error summary linking
/// to the input.</summary>
public static class FieldErrorHtml
{
    /// <summary>Asserts <paramref name="message"/> is shown at the input with id <paramref name="inputId"/> and listed in
    /// the summary with a link to it; returns the text of the inline message.</summary>
    public static string AssertAtField(string html, string inputId, string message)
    {
        var errorId = inputId + "-err";
        var control = Control(html, inputId);
        AssertDescribedBy(control.Value, inputId, errorId);

        var error = Regex.Match(html, $"<p class=\"field-error\" id=\"{Regex.Escape(errorId)}\">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(error.Success, $"no <p class=\"field-error\" id=\"{errorId}\">");
        Assert.Single(Regex.Matches(html, $"id=\"{Regex.Escape(errorId)}\""));
        var text = WebUtility.HtmlDecode(error.Groups[1].Value);
        Assert.Contains(message, text, StringComparison.Ordinal);

        // Next to the field: after the control and before any other visible form control (asp-for may add a hidden one).
        Assert.True(error.Index > control.Index, $"{errorId} comes after #{inputId}");
        var between = html[(control.Index + control.Length)..error.Index];
        Assert.DoesNotMatch("<(input(?![^>]*type=\"hidden\")|select|textarea|button|label)\\b", between);

        Assert.Contains(message, SummaryLink(html, inputId), StringComparison.Ordinal);
        return text;
    }

    /// <summary>Asserts the input is marked invalid and described by another input's message (e.g. a time by its date's).</summary>
    public static void AssertMarked(string html, string inputId, string errorId) => AssertDescribedBy(Control(html, inputId).Value, inputId, errorId);

    /// <summary>Asserts the input is not marked invalid and has no message.</summary>
    public static void AssertValid(string html, string inputId)
    {
        var control = Control(html, inputId).Value;
        Assert.DoesNotContain("aria-invalid", control, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"{inputId}-err\"", html, StringComparison.Ordinal);
    }

    /// <summary>The error summary (role="alert") above the form.</summary>
    public static string Summary(string html)
    {
        var summary = Regex.Match(html, "<div class=\"banner error error-summary\" role=\"alert\"[^>]*>(.*?)</div>", RegexOptions.Singleline);
        Assert.True(summary.Success, "the page has an error summary with role=\"alert\"");
        return summary.Groups[1].Value;
    }

    /// <summary>The decoded text of the summary's link to <paramref name="inputId"/>.</summary>
    public static string SummaryLink(string html, string inputId)
    {
        var links = Regex.Matches(Summary(html), $"<a href=\"#{Regex.Escape(inputId)}\">(.*?)</a>", RegexOptions.Singleline);
        Assert.True(links.Count > 0, $"the summary links to #{inputId}");
        return string.Join(" ", links.Select(l => WebUtility.HtmlDecode(l.Groups[1].Value)));
    }

    private static Match Control(string html, string inputId)
    {
        var matches = Regex.Matches(html, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(inputId)}\"[^>]*>");
        Assert.True(matches.Count == 1, $"one control with id {inputId}, found {matches.Count}");
        return matches[0];
    }

    private static void AssertDescribedBy(string control, string inputId, string errorId)
    {
        Assert.True(control.Contains("aria-invalid=\"true\"", StringComparison.Ordinal), $"#{inputId} is aria-invalid: {control}");
        var describedBy = Regex.Match(control, "aria-describedby=\"([^\"]*)\"");
        Assert.True(describedBy.Success, $"#{inputId} has aria-describedby: {control}");
        Assert.Contains(errorId, describedBy.Groups[1].Value.Split(' '));
    }
}
