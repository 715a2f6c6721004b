using System.Diagnostics.CodeAnalysis;
using Farun.Law.Corpus;

namespace Farun.Law.Citations;

/// <summary>A range of characters in the parsed text.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index just past the last character.</summary>
    public int End => Start + Length;
}

/// <summary>A reference to an article (and optionally a paragraph 款 and item 项) of a law.</summary>
/// <param name="LawText">The law name as written (without 《》), 本法 and the like, or null when the citation names no law and inherits one.</param>
/// <param name="LawKey">The law key; null when the law is unknown or none applies.</param>
/// <param name="ArticleNumber">The article.</param>
/// <param name="Paragraph">The paragraph (款), 1-based, if cited.</param>
/// <param name="Item">The item (项), 1-based, if cited.</param>
/// <param name="Span">Where the citation is in the text (law name included when written).</param>
public sealed record Citation(string? LawText, string? LawKey, ArticleNumber ArticleNumber, int? Paragraph, int? Item, TextSpan Span);

/// <summary>What is wrong with a citation.</summary>
public enum CitationErrorKind
{
    /// <summary>The text contains no citation.</summary>
    NoCitation,

    /// <summary>The law name is not known.</summary>
    UnknownLaw,

    /// <summary>The article, paragraph or item number is zero or absurdly large.</summary>
    InvalidArticleNumber,

    /// <summary>A law or 第…条 without an article number.</summary>
    MissingArticleNumber,

    /// <summary>A range such as 第十二条至第十条 that runs backwards or is too large.</summary>
    InvalidRange,

    /// <summary>Exactly one citation was expected but several were found.</summary>
    MultipleCitations,
}

/// <summary>A problem found while parsing citations.</summary>
/// <param name="Span">Where the problem is.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Reason">A message for users, in Chinese.</param>
public sealed record CitationError(TextSpan Span, CitationErrorKind Kind, string Reason);

/// <summary>The result of <see cref="CitationParser.Parse"/>.</summary>
/// <param name="Citations">The citations in text order (ranges expanded).</param>
/// <param name="Errors">Problems found; a text without any citation has one <see cref="CitationErrorKind.NoCitation"/> error.</param>
public sealed record CitationParseResult(IReadOnlyList<Citation> Citations, IReadOnlyList<CitationError> Errors);

/// <summary>The result of <see cref="CitationParser.ParseOne"/>: exactly one citation, or an error.</summary>
/// <param name="Citation">The citation, when successful.</param>
/// <param name="Error">The error, when not.</param>
public sealed record SingleCitationResult(Citation? Citation, CitationError? Error)
{
    /// <summary>True when the text holds exactly one valid citation.</summary>
    [MemberNotNullWhen(true, nameof(Citation))]
    public bool IsSuccess => Citation is not null;
}
