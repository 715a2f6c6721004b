namespace Farun.Features.Laws;

/// <summary>A law, regulation or judicial interpretation, with all its versions.</summary>
public sealed class LawDocument
{
    private LawDocument()
    {
    }

    public LawDocument(string key, string title, string shortTitle, string category, string level, string? region)
    {
        Id = Guid.CreateVersion7();
        Key = key;
        Title = title;
        ShortTitle = shortTitle;
        Category = category;
        Level = level;
        Region = region;
    }

    public Guid Id { get; private set; }

    /// <summary>Stable key derived from the normalised title; the import matches on it.</summary>
    public string Key { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string ShortTitle { get; private set; } = "";

    /// <summary>Aliases and abbreviations separated by '|', e.g. "劳动合同法".</summary>
    public string Aliases { get; set; } = "";

    /// <summary>Lower-cased title, short title and aliases, for search by name.</summary>
    public string SearchNames { get; set; } = "";

    /// <summary>Category folder of the corpus, e.g. 社会法.</summary>
    public string Category { get; set; } = "";

    /// <summary>Level code (see Farun.Law.Corpus.LawLevel), e.g. "Law".</summary>
    public string Level { get; set; } = "";

    /// <summary>Region of a local regulation, e.g. 北京; null for national law.</summary>
    public string? Region { get; set; }

    public Guid? CurrentVersionId { get; set; }

    /// <summary>Date of the current version; null when undated.</summary>
    public DateOnly? CurrentVersionDate { get; set; }

    /// <summary>Article count of the current version.</summary>
    public int CurrentArticleCount { get; set; }

    public List<LawVersion> Versions { get; private set; } = [];
}

/// <summary>One version of a law, as published on a date.</summary>
public sealed class LawVersion
{
    private LawVersion()
    {
    }

    public LawVersion(Guid lawId, DateOnly? date, string sourceHash, string sourceFiles)
    {
        Id = Guid.CreateVersion7();
        LawId = lawId;
        Date = date;
        SourceHash = sourceHash;
        SourceFiles = sourceFiles;
        ImportedAt = DateTimeOffset.UtcNow;
    }

    public Guid Id { get; private set; }

    public Guid LawId { get; private set; }

    public DateOnly? Date { get; private set; }

    /// <summary>True for the newest version of the law: the one in force.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>SHA-256 of the normalised source content; an unchanged re-import matches it.</summary>
    public string SourceHash { get; private set; } = "";

    /// <summary>Source file paths relative to the import root, separated by '|'.</summary>
    public string SourceFiles { get; set; } = "";

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>Whole text for documents without numbered articles.</summary>
    public string? Body { get; set; }

    /// <summary>Table of contents (编/章/节 headings) as JSON.</summary>
    public string TocJson { get; set; } = "[]";

    public int ArticleCount { get; set; }

    public List<LawArticle> Articles { get; private set; } = [];
}

/// <summary>One article (条) of a law version.</summary>
public sealed class LawArticle
{
    private LawArticle()
    {
    }

    public LawArticle(Guid versionId, int number, int suffix, int ordinal, string path, string text)
    {
        Id = Guid.CreateVersion7();
        VersionId = versionId;
        Number = number;
        Suffix = suffix;
        Ordinal = ordinal;
        Path = path;
        Text = text;
    }

    public Guid Id { get; private set; }

    public Guid VersionId { get; private set; }

    /// <summary>Article number as an integer (第八十二条 → 82).</summary>
    public int Number { get; private set; }

    /// <summary>The 之Y suffix (第二百八十七条之二 → 2), 0 when none.</summary>
    public int Suffix { get; private set; }

    /// <summary>Position in the document, 1-based.</summary>
    public int Ordinal { get; private set; }

    /// <summary>Heading chain 编/章/节 separated by " / ".</summary>
    public string Path { get; private set; } = "";

    public string Text { get; private set; } = "";
}
