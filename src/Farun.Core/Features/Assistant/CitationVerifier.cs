using System.Text;
using Farun.Law.Citations;
using Farun.Law.Search;

namespace Farun.Features.Assistant;

/// <summary>A citation removed from a model's reply, and why.</summary>
public sealed record RemovedCitation(string Cited, string Reason);

/// <summary>A model's reply after every citation in it was checked.</summary>
/// <param name="Text">The reply with unverified citations replaced by <see cref="CitationVerifier.RemovedMark"/>.</param>
/// <param name="Kept">Article ids of the citations that were verified (in the library and among the retrieved articles).</param>
/// <param name="Removed">The citations removed.</param>
public sealed record VerifiedReply(string Text, IReadOnlyList<string> Kept, IReadOnlyList<RemovedCitation> Removed);

/// <summary>
/// Checks every citation in a language model's reply against the law library and the articles retrieved for the
/// question: a citation of an unknown law, of an article the library does not have, of an article that was not in the
/// prompt, or without a law name, is cut out of the text and reported. The model can only repeat what it was given.
/// </summary>
public static class CitationVerifier
{
    public const string RemovedMark = "〔未经核实的法条引用已删除〕";

    /// <param name="reply">The model's reply.</param>
    /// <param name="names">The law-name index of the library.</param>
    /// <param name="inLibrary">Whether an article id (law key + '#' + article key) exists in the library (in force).</param>
    /// <param name="retrieved">The article ids that were retrieved and put in the prompt.</param>
    public static VerifiedReply Verify(string reply, LawNameIndex names, Func<string, bool> inLibrary, IReadOnlySet<string> retrieved)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(names);
        var parsed = new CitationParser(names).Parse(reply);
        var cuts = new List<(TextSpan Span, RemovedCitation Removed)>();
        var kept = new List<string>();
        foreach (var c in parsed.Citations)
        {
            var cited = Slice(reply, c.Span);
            if (c.LawKey is null)
            {
                cuts.Add((c.Span, new RemovedCitation(cited, c.LawText is null ? "引用没有写明法律名称，无法核实。" : $"法律库中没有“{c.LawText}”。")));
                continue;
            }

            var id = SearchKeys.Article(c.LawKey, c.ArticleNumber.Key);
            if (!inLibrary(id))
                cuts.Add((c.Span, new RemovedCitation(cited, "法律库中没有这一条（可能是编造的条文）。")));
            else if (!retrieved.Contains(id))
                cuts.Add((c.Span, new RemovedCitation(cited, "这一条不在本次检索到的法条中，无法核实其与问题的关系。")));
            else if (!kept.Contains(id))
                kept.Add(id);
        }

        foreach (var e in parsed.Errors.Where(e => e.Kind is CitationErrorKind.UnknownLaw or CitationErrorKind.InvalidArticleNumber or CitationErrorKind.InvalidRange))
        {
            if (cuts.Any(x => Overlaps(x.Span, e.Span)))
                continue;
            cuts.Add((e.Span, new RemovedCitation(Slice(reply, e.Span), e.Reason)));
        }

        var text = new StringBuilder(reply);
        foreach (var (span, _) in cuts.OrderByDescending(x => x.Span.Start))
        {
            if (span.Start < 0 || span.End > text.Length)
                continue;
            text.Remove(span.Start, span.Length).Insert(span.Start, RemovedMark);
        }

        return new VerifiedReply(text.ToString(), kept, cuts.OrderBy(x => x.Span.Start).Select(x => x.Removed).ToList());
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private static string Slice(string text, TextSpan span) =>
        span.Start >= 0 && span.End <= text.Length ? text.Substring(span.Start, span.Length) : text;
}
