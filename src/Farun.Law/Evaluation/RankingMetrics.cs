namespace Farun.Law.Evaluation;

/// <summary>The figures of one query or their mean over queries.</summary>
/// <param name="Recall1">Recall@1.</param>
/// <param name="Recall5">Recall@5.</param>
/// <param name="Recall10">Recall@10.</param>
/// <param name="Recall20">Recall@20.</param>
/// <param name="Recall100">Recall@100.</param>
/// <param name="Mrr10">MRR@10.</param>
/// <param name="Ndcg10">nDCG@10.</param>
public sealed record MetricSet(double Recall1, double Recall5, double Recall10, double Recall20, double Recall100, double Mrr10, double Ndcg10)
{
    /// <summary>The figures under the JSON key names of the report (recall@1 … ndcg@10).</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["recall@1"] = Recall1,
        ["recall@5"] = Recall5,
        ["recall@10"] = Recall10,
        ["recall@20"] = Recall20,
        ["recall@100"] = Recall100,
        ["mrr@10"] = Mrr10,
        ["ndcg@10"] = Ndcg10,
    };

    /// <summary>The mean of several query figures (all zero for none).</summary>
    public static MetricSet Mean(IReadOnlyCollection<MetricSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0)
        {
            return new MetricSet(0, 0, 0, 0, 0, 0, 0);
        }

        return new MetricSet(
            sets.Average(s => s.Recall1),
            sets.Average(s => s.Recall5),
            sets.Average(s => s.Recall10),
            sets.Average(s => s.Recall20),
            sets.Average(s => s.Recall100),
            sets.Average(s => s.Mrr10),
            sets.Average(s => s.Ndcg10));
    }
}

/// <summary>
/// Ranking metrics in STARD's convention: Recall@k = relevant found in the top k / relevant (per query, then the mean
/// over queries); MRR@10 = 1 / rank of the first relevant within the top 10, else 0; nDCG@10 with binary gains
/// (gain 1 / log2(rank + 1)) over the ideal ranking of min(relevant, 10) documents. Duplicates in the ranking count
/// once, at their first position.
/// </summary>
public static class RankingMetrics
{
    /// <summary>The figures of one ranking against its relevant set. A query without relevant items scores zero.</summary>
    public static MetricSet Evaluate(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        if (relevant.Count == 0)
        {
            return new MetricSet(0, 0, 0, 0, 0, 0, 0);
        }

        var relevantSet = relevant as IReadOnlySet<string> ?? new HashSet<string>(relevant, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var positions = new List<int>(); // 1-based ranks of relevant items
        var rank = 0;
        foreach (var item in ranked)
        {
            if (!seen.Add(item))
            {
                continue;
            }

            rank++;
            if (relevantSet.Contains(item))
            {
                positions.Add(rank);
            }
        }

        double Recall(int k) => (double)positions.Count(p => p <= k) / relevantSet.Count;
        var mrr = positions.Count > 0 && positions[0] <= 10 ? 1.0 / positions[0] : 0.0;
        var dcg = positions.Where(p => p <= 10).Sum(p => 1.0 / Math.Log2(p + 1));
        var idcg = Enumerable.Range(1, Math.Min(10, relevantSet.Count)).Sum(p => 1.0 / Math.Log2(p + 1));
        return new MetricSet(Recall(1), Recall(5), Recall(10), Recall(20), Recall(100), mrr, dcg / idcg);
    }
}
