using System.Text.RegularExpressions;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.Law.Search;

namespace Farun.Law.Evaluation;

/// <summary>
/// Resolves STARD article names (中华人民共和国民法典第五十四条, 最高人民法院关于适用《民法典》有关担保制度的解释第二条)
/// to article ids, following STARD's SOURCE.md rule: law names normalised on both sides (中华人民共和国 dropped at the
/// start and after 《/〈, 、 and spaces ignored, brackets alike), article numbers compared as integers with the 之Y suffix.
/// </summary>
public sealed partial class ReferenceResolver(LawNameIndex names, Func<string, bool> articleExists)
{
    /// <summary>Splits a name into law name and article number; false when it has no trailing 第X条(之Y).</summary>
    public static bool TrySplit(string name, out string lawName, out ArticleNumber number)
    {
        ArgumentNullException.ThrowIfNull(name);
        lawName = string.Empty;
        number = default;
        var m = ArticleSuffix().Match(name.Trim());
        if (!m.Success || !ArticleNumber.TryParse(m.Groups["n"].Value, out number))
        {
            return false;
        }

        lawName = name.Trim()[..m.Index];
        return lawName.Length > 0;
    }

    /// <summary>The article id, or null when the law or the article is not in the corpus.</summary>
    public string? Resolve(string name)
    {
        if (!TrySplit(name, out var lawName, out var number) || !names.TryResolve(lawName, out var key))
        {
            return null;
        }

        var id = SearchKeys.Article(key, number.Key);
        return articleExists(id) ? id : null;
    }

    [GeneratedRegex(@"(?<n>第[零〇一二两三四五六七八九十百千0-9０-９]+条(之[一二三四五六七八九十0-9]+)?)\s*$")]
    private static partial Regex ArticleSuffix();
}
