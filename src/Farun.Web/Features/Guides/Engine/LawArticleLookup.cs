using Farun.Law.Citations;
using Farun.Law.Corpus;

namespace Farun.Web.Features.Guides.Engine;

/// <summary>The law library as the validator sees it: names to keys, and the text of articles in force.</summary>
public interface ILawArticleLookup
{
    LawNameIndex Names { get; }

    /// <summary>The title of a law, e.g. 中华人民共和国法律援助法; null when the key is unknown.</summary>
    string? Title(string lawKey);

    /// <summary>The text of an article of the version in force, or null when that version has no such article.</summary>
    string? ArticleText(string lawKey, ArticleNumber number);
}

/// <summary>A lookup over a corpus loaded from Markdown (tests, tools).</summary>
public sealed class CorpusArticleLookup(LawCorpus corpus) : ILawArticleLookup
{
    public LawNameIndex Names { get; } = LawNameIndex.FromLaws(corpus.Laws);

    public string? Title(string lawKey) => corpus.FindLaw(lawKey)?.Title;

    public string? ArticleText(string lawKey, ArticleNumber number) => corpus.FindLaw(lawKey)?.Current.FindArticle(number)?.Text;
}

/// <summary>A lookup over articles already fetched (e.g. from the database for the citations of one guide).</summary>
public sealed class PreloadedArticleLookup(LawNameIndex names, IReadOnlyDictionary<string, string> titles, IReadOnlyDictionary<(string Law, ArticleNumber Number), string> articles)
    : ILawArticleLookup
{
    public LawNameIndex Names { get; } = names;

    public string? Title(string lawKey) => titles.GetValueOrDefault(lawKey);

    public string? ArticleText(string lawKey, ArticleNumber number) => articles.GetValueOrDefault((lawKey, number));
}

/// <summary>Paragraphs (款) and items (项) of an article's text, to check citations down to the item.</summary>
public static class ArticleStructure
{
    private static readonly string[] ItemMarks =
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

    /// <summary>Paragraphs are the article's lines that are not items; items belong to the paragraph before them.</summary>
    public static IReadOnlyList<(string Text, int Items)> Paragraphs(string articleText)
    {
        var result = new List<(string Text, int Items)>();
        foreach (var line in articleText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var isItem = (line.StartsWith('（') || line.StartsWith('(')) && ItemMarks.Any(m => line.Length > m.Length + 1
                && line.AsSpan(1).StartsWith(m) && line[m.Length + 1] is '）' or ')');
            if (isItem && result.Count > 0)
                result[^1] = (result[^1].Text, result[^1].Items + 1);
            else
                result.Add((line, 0));
        }

        return result;
    }
}
