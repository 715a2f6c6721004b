using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Farun.Web.Common;

/// <summary>
/// <c>&lt;input asp-for="Text" form-errors="Model.FieldErrors" /&gt;</c>: when the post failed at this input (by its id),
/// marks it <c>aria-invalid="true"</c>, points its <c>aria-describedby</c> at the message and renders the message right
/// after it as <c>&lt;p class="field-error" id="{id}-err"&gt;</c>. Does nothing for a valid input.
/// </summary>
[HtmlTargetElement("input", Attributes = AttributeName)]
[HtmlTargetElement("select", Attributes = AttributeName)]
[HtmlTargetElement("textarea", Attributes = AttributeName)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public const string AttributeName = "form-errors";

    /// <summary>After <c>asp-for</c> (order -1000), which writes the id.</summary>
    public override int Order => 1000;

    [HtmlAttributeName(AttributeName)]
    public FormErrorView? Errors { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var id = Text(output.Attributes["id"]?.Value);
        if (Errors is null || string.IsNullOrEmpty(id) || Errors.DescribedBy(id) is not { } errorId)
            return;

        output.Attributes.SetAttribute("aria-invalid", "true");
        var existing = Text(output.Attributes["aria-describedby"]?.Value);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(existing) ? errorId : existing + " " + errorId);
        var messages = Errors.MessagesAt(id);
        if (messages.Count == 0)
            return;

        var encoder = HtmlEncoder.Default;
        output.PostElement.AppendHtml($"<p class=\"field-error\" id=\"{encoder.Encode(FormErrorView.ErrorId(id))}\">");
        for (var i = 0; i < messages.Count; i++)
        {
            if (i > 0)
                output.PostElement.AppendHtml(" ");
            output.PostElement.Append(messages[i]);
        }

        output.PostElement.AppendHtml("</p>");
    }

    /// <summary>An attribute value as text: a literal in the markup arrives as HTML (encoded), one from code as a string.</summary>
    private static string? Text(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    return WebUtility.HtmlDecode(writer.ToString());
                }

            default:
                return value.ToString();
        }
    }
}
