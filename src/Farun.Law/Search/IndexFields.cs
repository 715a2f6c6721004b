using Farun.Law.Search.Analysis;

namespace Farun.Law.Search;

/// <summary>Names of the Lucene fields of the law index.</summary>
public static class IndexFields
{
    /// <summary>Law key (not analysed, stored).</summary>
    public const string Law = "law";

    /// <summary>Article key, empty for a whole document (stored).</summary>
    public const string Article = "art";

    /// <summary>Law id as shown to the application (stored).</summary>
    public const string LawId = "lawId";

    /// <summary>Version id (stored).</summary>
    public const string VersionId = "versionId";

    /// <summary>Level name (<see cref="Corpus.LawLevel"/>), not analysed.</summary>
    public const string Level = "level";

    /// <summary>Category folder, not analysed.</summary>
    public const string Category = "category";

    /// <summary>"1" for versions in force, "0" otherwise.</summary>
    public const string Current = "current";

    /// <summary>First day of the version (yyyymmdd; 0 when undated).</summary>
    public const string From = "from";

    /// <summary>Day the next version took over (yyyymmdd, exclusive; 99991231 when in force).</summary>
    public const string Until = "until";

    /// <summary>Stored title.</summary>
    public const string TitleStored = "titleStored";

    /// <summary>Stored heading path.</summary>
    public const string PathStored = "pathStored";

    /// <summary>Stored text.</summary>
    public const string TextStored = "textStored";

    /// <summary>Stored version date (yyyy-MM-dd or empty).</summary>
    public const string VersionDate = "versionDate";

    /// <summary>The analysed title and aliases.</summary>
    public static string Title(AnalyzerKind kind) => "title." + kind;

    /// <summary>The analysed heading path (编 / 章 / 节).</summary>
    public static string Path(AnalyzerKind kind) => "path." + kind;

    /// <summary>The analysed article text.</summary>
    public static string Text(AnalyzerKind kind) => "text." + kind;

    /// <summary>The analyser kind of an analysed field, or null for other fields.</summary>
    public static AnalyzerKind? KindOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var dot = field.IndexOf('.');
        return dot > 0 && Enum.TryParse<AnalyzerKind>(field[(dot + 1)..], out var kind) ? kind : null;
    }

    /// <summary>yyyymmdd of a date.</summary>
    public static int DayNumber(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;
}
