using System.Net;
using System.Text;

namespace Farun.Law.Search;

/// <summary>Highlighted excerpts of article text.</summary>
public static class Snippets
{
    /// <summary>
    /// The window of at most <paramref name="length"/> characters with the most matches of <paramref name="terms"/>,
    /// HTML-escaped, with matches wrapped in &lt;mark&gt; and an ellipsis where text was cut.
    /// </summary>
    public static string Highlight(string text, IReadOnlyCollection<string> terms, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        text = text.Replace('\n', ' ');
        var marks = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            var at = 0;
            while ((at = text.IndexOf(term, at, StringComparison.Ordinal)) >= 0)
            {
                for (var i = at; i < at + term.Length; i++)
                {
                    marks[i] = true;
                }

                at += term.Length;
            }
        }

        var start = 0;
        if (text.Length > length)
        {
            // Slide a window and keep the one covering the most marked characters.
            var count = 0;
            for (var i = 0; i < length; i++)
            {
                count += marks[i] ? 1 : 0;
            }

            var best = count;
            for (var i = length; i < text.Length; i++)
            {
                count += (marks[i] ? 1 : 0) - (marks[i - length] ? 1 : 0);
                if (count > best)
                {
                    best = count;
                    start = i - length + 1;
                }
            }
        }

        var end = Math.Min(text.Length, start + length);
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        var i0 = start;
        while (i0 < end)
        {
            var marked = marks[i0];
            var j = i0;
            while (j < end && marks[j] == marked)
            {
                j++;
            }

            // Never cut a surrogate pair.
            if (j < end && char.IsHighSurrogate(text[j - 1]))
            {
                j++;
            }

            var segment = WebUtility.HtmlEncode(text[i0..j]);
            sb.Append(marked ? "<mark>" + segment + "</mark>" : segment);
            i0 = j;
        }

        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }
}
