namespace Farun.Law.Corpus;

/// <summary>Progress of <see cref="LawCorpus.Load"/>: files parsed so far.</summary>
/// <param name="Processed">Files parsed (or skipped) so far.</param>
/// <param name="Total">Files to parse.</param>
/// <param name="CurrentFile">The file just finished, relative to the corpus root.</param>
public readonly record struct CorpusProgress(int Processed, int Total, string CurrentFile);

/// <summary>A file that <see cref="LawCorpus.Load"/> could not import.</summary>
/// <param name="RelativePath">Path relative to the corpus root.</param>
/// <param name="Reason">Why, in Chinese.</param>
public sealed record SkippedFile(string RelativePath, string Reason);

/// <summary>Counts of a loaded corpus.</summary>
/// <param name="Files">Law files parsed successfully.</param>
/// <param name="Laws">Distinct laws (titles).</param>
/// <param name="LawsWithArticles">Laws whose version in force has articles.</param>
/// <param name="Versions">Versions of all laws.</param>
/// <param name="InForceArticles">Articles of the versions in force.</param>
/// <param name="DocumentsWithoutArticles">Laws whose version in force has no articles (whole-document <see cref="CorpusVersion.Body"/>).</param>
/// <param name="Skipped">Files that could not be imported.</param>
public sealed record CorpusSummary(
    int Files,
    int Laws,
    int LawsWithArticles,
    int Versions,
    int InForceArticles,
    int DocumentsWithoutArticles,
    int Skipped);

/// <summary>A law (one normalised title) with all its versions.</summary>
public sealed class CorpusLaw
{
    internal CorpusLaw(
        string key,
        string title,
        IReadOnlyList<string> aliases,
        string category,
        LawLevel level,
        string? region,
        IReadOnlyList<CorpusVersion> versions)
    {
        Key = key;
        Title = title;
        ShortTitle = LawTitles.ShortTitle(title);
        Aliases = aliases;
        Category = category;
        Level = level;
        Region = region;
        Versions = versions;
    }

    /// <summary>Stable id: the normalised title (<see cref="LawTitles.Normalize"/>), e.g. 劳动合同法.</summary>
    public string Key { get; }

    /// <summary>The full title of the version in force, e.g. 中华人民共和国劳动合同法.</summary>
    public string Title { get; }

    /// <summary>The title without a leading 中华人民共和国.</summary>
    public string ShortTitle { get; }

    /// <summary>Other names: the short title and common abbreviations (民诉法, 刑诉法, …).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The top-level corpus folder (社会法, 司法解释, …); for local regulations the region folder (北京地方法规).</summary>
    public string Category { get; }

    /// <summary>The rank of the document.</summary>
    public LawLevel Level { get; }

    /// <summary>The region of a local regulation (北京, 上海, …); null for national law.</summary>
    public string? Region { get; }

    /// <summary>All versions, oldest first; the last one is in force.</summary>
    public IReadOnlyList<CorpusVersion> Versions { get; }

    /// <summary>The version in force (the newest).</summary>
    public CorpusVersion Current => Versions[^1];

    /// <inheritdoc />
    public override string ToString() => Title;
}

/// <summary>One version of a law: one file, identical copies of it, or the parts of a split law (民法典).</summary>
public sealed class CorpusVersion
{
    private readonly Dictionary<ArticleNumber, LawArticle> _byNumber;

    internal CorpusVersion(
        DateOnly? date,
        IReadOnlyList<string> sourceFiles,
        string sourceHash,
        IReadOnlyList<LawArticle> articles,
        string? body,
        IReadOnlyList<TocEntry> toc,
        IReadOnlyList<HeaderEvent> headerEvents)
    {
        Date = date;
        SourceFiles = sourceFiles;
        SourceHash = sourceHash;
        Articles = articles;
        Body = body;
        Toc = toc;
        HeaderEvents = headerEvents;
        _byNumber = [];
        foreach (var article in articles)
        {
            _byNumber.TryAdd(article.Number, article);
        }
    }

    /// <summary>The version date (file-name date, else the latest header date); null when unknown.</summary>
    public DateOnly? Date { get; }

    /// <summary>True for the newest version of its law, the one in force.</summary>
    public bool IsCurrent { get; internal set; }

    /// <summary>The files of this version, relative to the corpus root.</summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>SHA-256 over the content hashes of <see cref="SourceFiles"/>; changes when any source file changes.</summary>
    public string SourceHash { get; }

    /// <summary>The articles in order; for the Civil Code 1–1260 across its 8 parts.</summary>
    public IReadOnlyList<LawArticle> Articles { get; }

    /// <summary>The whole text when the version has no articles, else null.</summary>
    public string? Body { get; }

    /// <summary>The headings.</summary>
    public IReadOnlyList<TocEntry> Toc { get; }

    /// <summary>The dated header lines of the (first) source file.</summary>
    public IReadOnlyList<HeaderEvent> HeaderEvents { get; }

    /// <summary>Finds an article by number.</summary>
    public LawArticle? FindArticle(ArticleNumber number) => _byNumber.GetValueOrDefault(number);

    /// <inheritdoc />
    public override string ToString() => $"{Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "undated"} ({Articles.Count})";
}
