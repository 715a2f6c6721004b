using System.Text.Json;
using System.Text.Json.Serialization;

namespace Farun.Law.Search;

/// <summary>Scores a candidate from its feature vector.</summary>
public interface IRanker
{
    /// <summary>The score; higher ranks first.</summary>
    float Score(ReadOnlySpan<float> features);
}

/// <summary>The sum of the first <c>count</c> features (the normalised BM25 scores): the unsupervised ranker.</summary>
public sealed class Bm25SumRanker(int count) : IRanker
{
    /// <inheritdoc />
    public float Score(ReadOnlySpan<float> features)
    {
        var s = 0f;
        for (var i = 0; i < count && i < features.Length; i++)
        {
            s += features[i];
        }

        return s;
    }
}

/// <summary>A weighted sum of features.</summary>
public sealed class LinearRanker(float[] weights) : IRanker
{
    /// <summary>The weights, one per feature.</summary>
    public float[] Weights { get; } = weights;

    /// <inheritdoc />
    public float Score(ReadOnlySpan<float> features)
    {
        var s = 0f;
        for (var i = 0; i < Weights.Length && i < features.Length; i++)
        {
            s += Weights[i] * features[i];
        }

        return s;
    }
}

/// <summary>
/// A boosted tree ensemble (trained by LightGBM through ML.NET) evaluated without ML.NET: fast, thread-safe and
/// serialisable as JSON.
/// </summary>
public sealed class TreeEnsembleRanker : IRanker
{
    /// <summary>Creates the ranker from its trees.</summary>
    public TreeEnsembleRanker(IReadOnlyList<Tree> trees, double bias)
    {
        Trees = trees;
        Bias = bias;
    }

    /// <summary>The trees.</summary>
    [JsonPropertyName("trees")]
    public IReadOnlyList<Tree> Trees { get; }

    /// <summary>The constant added to the sum of the trees.</summary>
    [JsonPropertyName("bias")]
    public double Bias { get; }

    /// <inheritdoc />
    public float Score(ReadOnlySpan<float> features)
    {
        var s = Bias;
        foreach (var tree in Trees)
        {
            s += tree.Evaluate(features);
        }

        return (float)s;
    }

    /// <summary>Serialises the ensemble.</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>Reads an ensemble written by <see cref="ToJson"/>.</summary>
    public static TreeEnsembleRanker FromJson(string json) =>
        JsonSerializer.Deserialize<TreeEnsembleRanker>(json) ?? throw new JsonException("Empty ranker model.");

    /// <summary>One regression tree: internal nodes split on feature &lt;= threshold; negative children are leaves (~index).</summary>
    /// <param name="Weight">The tree weight.</param>
    /// <param name="Feature">Split feature per internal node.</param>
    /// <param name="Threshold">Split threshold per internal node.</param>
    /// <param name="Left">Left child per internal node (a leaf when negative: ~leaf).</param>
    /// <param name="Right">Right child per internal node.</param>
    /// <param name="Leaves">Leaf values.</param>
    public sealed record Tree(
        [property: JsonPropertyName("w")] double Weight,
        [property: JsonPropertyName("f")] int[] Feature,
        [property: JsonPropertyName("t")] float[] Threshold,
        [property: JsonPropertyName("l")] int[] Left,
        [property: JsonPropertyName("r")] int[] Right,
        [property: JsonPropertyName("v")] double[] Leaves)
    {
        /// <summary>The weighted leaf value for a feature vector.</summary>
        public double Evaluate(ReadOnlySpan<float> x)
        {
            if (Feature.Length == 0)
            {
                return Weight * Leaves[0];
            }

            var node = 0;
            while (node >= 0)
            {
                var f = Feature[node];
                node = (f < x.Length ? x[f] : 0f) <= Threshold[node] ? Left[node] : Right[node];
            }

            return Weight * Leaves[~node];
        }
    }
}
