namespace Farun.Law.Search;

/// <summary>
/// How often laws and articles are relevant in labelled questions: a smoothed log-prior per law and per article,
/// learned from training questions only.
/// </summary>
public sealed class LawPrior
{
    private readonly Dictionary<string, int> _lawCounts;
    private readonly Dictionary<string, int> _articleCounts;
    private readonly int _total;

    /// <summary>Counts the relevant articles of <paramref name="questions"/>.</summary>
    public LawPrior(IEnumerable<LabelledQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        _lawCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        _articleCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            foreach (var law in q.ArticleIds.Select(SearchKeys.LawOf).Distinct(StringComparer.Ordinal))
            {
                _lawCounts[law] = _lawCounts.GetValueOrDefault(law) + 1;
                _total++;
            }

            foreach (var a in q.ArticleIds.Distinct(StringComparer.Ordinal))
            {
                _articleCounts[a] = _articleCounts.GetValueOrDefault(a) + 1;
            }
        }
    }

    /// <summary>Questions (law mentions) counted.</summary>
    public int Total => _total;

    /// <summary>
    /// log((n + 0.5) / (N + 0.5)) for a law relevant in n of N question-law pairs; stays finite for unseen laws.
    /// With <paramref name="without"/>, that question's own labels are not counted (leave-one-out for training).
    /// </summary>
    public float LawLogPrior(string lawKey, LabelledQuestion? without = null)
    {
        var n = _lawCounts.GetValueOrDefault(lawKey);
        var total = _total;
        if (without is not null)
        {
            var laws = without.ArticleIds.Select(SearchKeys.LawOf).Distinct(StringComparer.Ordinal).ToList();
            total -= laws.Count;
            if (laws.Contains(lawKey, StringComparer.Ordinal))
            {
                n--;
            }
        }

        return (float)Math.Log((n + 0.5) / (total + 0.5));
    }

    /// <summary>log(1 + n) for an article relevant to n training questions (leaving out <paramref name="without"/>).</summary>
    public float ArticleLogCount(string articleId, LabelledQuestion? without = null)
    {
        var n = _articleCounts.GetValueOrDefault(articleId);
        if (without is not null && without.ArticleIds.Contains(articleId, StringComparer.Ordinal))
        {
            n--;
        }

        return (float)Math.Log(1 + n);
    }

    /// <summary>True when the law was relevant to at least one training question.</summary>
    public bool Knows(string lawKey) => _lawCounts.ContainsKey(lawKey);
}
