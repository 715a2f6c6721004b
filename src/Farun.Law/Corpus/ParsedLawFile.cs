namespace Farun.Law.Corpus;

/// <summary>One Markdown law file, parsed by <see cref="LawMarkdownParser"/>.</summary>
/// <param name="RelativePath">Path relative to the corpus root, with '/' separators.</param>
/// <param name="Title">The first <c># </c> line with whitespace normalised (not the file name).</param>
/// <param name="Subtitle">The second <c># </c> line of a split law (民法典: 总则, 物权编, …), else null.</param>
/// <param name="Date">The <c>(YYYY-MM-DD)</c> file-name suffix, else the latest <c>YYYY年M月D日</c> in the header, else null.</param>
/// <param name="HeaderEvents">The header lines between the title and <c>&lt;!-- INFO END --&gt;</c> (wrapped lines joined).</param>
/// <param name="Articles">The articles (第X条) in document order; empty when the file has none.</param>
/// <param name="Body">The whole body text when the file has no articles (刑法修正案, 批复, …), else null.</param>
/// <param name="Toc">The headings (编/章/节, 序言, 附件…) in document order.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the normalised file content.</param>
public sealed record ParsedLawFile(
    string RelativePath,
    string Title,
    string? Subtitle,
    DateOnly? Date,
    IReadOnlyList<HeaderEvent> HeaderEvents,
    IReadOnlyList<LawArticle> Articles,
    string? Body,
    IReadOnlyList<TocEntry> Toc,
    string ContentHash)
{
    /// <summary>True when <see cref="Date"/> comes from the file name rather than the header.</summary>
    internal bool HasFileNameDate { get; init; }

    /// <summary>SHA-256 of the parsed text only (articles or body), so copies that differ only in the header match.</summary>
    internal string TextHash { get; init; } = string.Empty;
}

/// <summary>A dated line of a law's header, e.g. <c>2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议修正</c>.</summary>
/// <param name="Date">The date the line starts with (or the first date in it); null when it has none.</param>
/// <param name="Text">The whole line, whitespace normalised.</param>
public sealed record HeaderEvent(DateOnly? Date, string Text);

/// <summary>An article (条) of a law.</summary>
/// <param name="Number">The article number.</param>
/// <param name="Path">The headings above the article, outermost first (编, 分编, 章, 节); for the Civil Code the 编 comes first.</param>
/// <param name="Text">The article text without its 第X条 label; paragraphs (款) separated by '\n'.</param>
/// <param name="Ordinal">1-based position of the article in its file or version.</param>
public sealed record LawArticle(ArticleNumber Number, IReadOnlyList<string> Path, string Text, int Ordinal);

/// <summary>A heading of a law's table of contents.</summary>
/// <param name="Level">The Markdown level (number of '#'); a split law's part (民法典 物权编) has level 1.</param>
/// <param name="Title">The heading text with whitespace normalised (wrapped headings joined).</param>
/// <param name="FirstArticle">The first article under the heading, or null when none follows.</param>
public sealed record TocEntry(int Level, string Title, ArticleNumber? FirstArticle);

/// <summary>A law file that could not be parsed.</summary>
public sealed class LawFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LawFormatException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LawFormatException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception.</summary>
    public LawFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates the exception for a file and a reason in Chinese.</summary>
    public LawFormatException(string relativePath, string reason, Exception? innerException)
        : base($"{relativePath}: {reason}", innerException)
    {
        RelativePath = relativePath;
        Reason = reason;
    }

    /// <summary>The file that failed.</summary>
    public string? RelativePath { get; }

    /// <summary>Why it failed, in Chinese (e.g. 缺少“&lt;!-- INFO END --&gt;”标记).</summary>
    public string Reason { get; } = string.Empty;
}
