using Farun.Features.Laws;
using Farun.Law.Corpus;
using LawArticle = Farun.Features.Laws.LawArticle;

namespace Farun.Web.Features.Laws;

public sealed record LawSummaryDto(
    Guid Id, string Title, string ShortTitle, string Category, string Level, string LevelName, string? Region,
    DateOnly? CurrentVersionDate, int ArticleCount);

public sealed record LawVersionDto(Guid Id, DateOnly? Date, bool InForce, int ArticleCount);

public sealed record LawDetailDto(
    Guid Id, string Title, string ShortTitle, IReadOnlyList<string> Aliases, string Category, string Level, string LevelName,
    string? Region, IReadOnlyList<LawVersionDto> Versions);

public sealed record ArticleDto(
    Guid LawId, string LawTitle, Guid VersionId, DateOnly? VersionDate, bool InForce,
    int Number, int Suffix, string Key, string Display, string Path, string Text, string Url);

public static class LawMapping
{
    public static string LevelName(string level) =>
        Enum.TryParse<LawLevel>(level, out var l) ? l.DisplayName() : level;

    public static LawSummaryDto ToSummary(Farun.Features.Laws.LawDocument l) =>
        new(l.Id, l.Title, l.ShortTitle, l.Category, l.Level, LevelName(l.Level), l.Region, l.CurrentVersionDate, l.CurrentArticleCount);

    public static LawVersionDto ToDto(LawVersion v) => new(v.Id, v.Date, v.IsCurrent, v.ArticleCount);

    public static string ArticleKey(int number, int suffix) => new ArticleNumber(number, suffix).Key;

    /// <summary>The permalink of an article: a law page, a version and the article's anchor.</summary>
    public static string ArticleUrl(Guid lawId, Guid versionId, bool inForce, int number, int suffix) =>
        $"/laws/{lawId}{(inForce ? "" : $"?version={versionId}")}#a{ArticleKey(number, suffix)}";

    public static ArticleDto ToDto(Farun.Features.Laws.LawDocument law, LawVersion version, LawArticle a)
    {
        var n = new ArticleNumber(a.Number, a.Suffix);
        return new ArticleDto(law.Id, law.Title, version.Id, version.Date, version.IsCurrent, a.Number, a.Suffix, n.Key, n.Display,
            a.Path, a.Text, ArticleUrl(law.Id, version.Id, version.IsCurrent, a.Number, a.Suffix));
    }
}
