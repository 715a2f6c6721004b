using Farun.Law.Corpus;

namespace Farun.Law.Search;

/// <summary>
/// One searchable unit: an article of a law version, or a whole document without articles. Built from the corpus
/// (<see cref="SearchDocuments.FromCorpus"/>) or from the database, so the index does not depend on either.
/// </summary>
/// <param name="LawKey">The law key (<see cref="CorpusLaw.Key"/>).</param>
/// <param name="LawId">The law's id where it is shown (a database id, or the key for a corpus).</param>
/// <param name="VersionId">The version's id (a database id, or a key for a corpus).</param>
/// <param name="Title">The law title of the version.</param>
/// <param name="Aliases">Other names of the law (short title, abbreviations).</param>
/// <param name="Level">The rank of the document.</param>
/// <param name="Category">The corpus folder (社会法, 司法解释, …).</param>
/// <param name="VersionDate">The version date; null when undated.</param>
/// <param name="ValidUntil">The date the next version took over (exclusive); null for the version in force.</param>
/// <param name="IsCurrent">True for the version in force.</param>
/// <param name="Number">The article number; null for a document without articles.</param>
/// <param name="Path">The headings above the article (编 / 章 / 节), joined by " / ".</param>
/// <param name="Text">The article text (paragraphs separated by '\n'), or the whole body.</param>
public sealed record SearchDocument(
    string LawKey,
    string LawId,
    string VersionId,
    string Title,
    IReadOnlyList<string> Aliases,
    LawLevel Level,
    string Category,
    DateOnly? VersionDate,
    DateOnly? ValidUntil,
    bool IsCurrent,
    ArticleNumber? Number,
    string Path,
    string Text)
{
    /// <summary>The article key ("82", "287-2") or an empty string for a whole document.</summary>
    public string ArticleKey => Number?.Key ?? string.Empty;

    /// <summary>The stable key of the law article across versions: law key + '#' + article key.</summary>
    public string ArticleId => SearchKeys.Article(LawKey, ArticleKey);
}

/// <summary>Keys shared by the index, the learned components and the evaluation.</summary>
public static class SearchKeys
{
    /// <summary>law key + '#' + article key (empty for a whole document).</summary>
    public static string Article(string lawKey, string articleKey) => lawKey + "#" + articleKey;

    /// <summary>The law key of an article id.</summary>
    public static string LawOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        var hash = articleId.LastIndexOf('#');
        return hash < 0 ? articleId : articleId[..hash];
    }
}

/// <summary>Turns a loaded corpus into search documents.</summary>
public static class SearchDocuments
{
    /// <summary>
    /// Every article of every version (or the body of a version without articles), the version in force marked.
    /// With <paramref name="currentOnly"/>, only the versions in force.
    /// </summary>
    public static IEnumerable<SearchDocument> FromCorpus(LawCorpus corpus, bool currentOnly = false)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var law in corpus.Laws)
        {
            for (var i = 0; i < law.Versions.Count; i++)
            {
                var version = law.Versions[i];
                if (currentOnly && !version.IsCurrent)
                {
                    continue;
                }

                var until = i + 1 < law.Versions.Count ? law.Versions[i + 1].Date : null;
                var versionId = law.Key + "@" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var doc in FromVersion(law.Key, law.Key, versionId, law.Title, law.Aliases, law.Level, law.Category, version.Date, until, version.IsCurrent, version.Articles, version.Body))
                {
                    yield return doc;
                }
            }
        }
    }

    /// <summary>The documents of one version: one per article, or one for the body of a version without articles.</summary>
    public static IEnumerable<SearchDocument> FromVersion(
        string lawKey,
        string lawId,
        string versionId,
        string title,
        IReadOnlyList<string> aliases,
        LawLevel level,
        string category,
        DateOnly? date,
        DateOnly? validUntil,
        bool isCurrent,
        IEnumerable<LawArticle> articles,
        string? body)
    {
        var any = false;
        foreach (var a in articles)
        {
            any = true;
            yield return new SearchDocument(lawKey, lawId, versionId, title, aliases, level, category, date, validUntil, isCurrent, a.Number, string.Join(" / ", a.Path), a.Text);
        }

        if (!any && !string.IsNullOrWhiteSpace(body))
        {
            yield return new SearchDocument(lawKey, lawId, versionId, title, aliases, level, category, date, validUntil, isCurrent, null, string.Empty, body);
        }
    }
}
