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

        // The trees flattened into one array of nodes and one of weighted leaf values: a candidate walks 200 trees
        // for each of 300 candidates per question, and contiguous nodes keep that walk in cache.
        var nodes = new List<Node>();
        var leaves = new List<double>();
        var roots = new List<int>();
        foreach (var tree in trees)
        {
            var nodeOffset = nodes.Count;
            var leafOffset = leaves.Count;
            leaves.AddRange(tree.Leaves.Select(v => tree.Weight * v));
            if (tree.Feature.Length == 0)
            {
                roots.Add(~leafOffset);
                continue;
            }

            int Child(int c) => c >= 0 ? c + nodeOffset : ~(~c + leafOffset);
            for (var i = 0; i < tree.Feature.Length; i++)
            {
                nodes.Add(new Node(tree.Feature[i], tree.Threshold[i], Child(tree.Left[i]), Child(tree.Right[i])));
            }

            roots.Add(nodeOffset);
        }

        _nodes = [.. nodes];
        _leaves = [.. leaves];
        _roots = [.. roots];
    }

    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly int[] _roots;

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
        var nodes = _nodes;
        foreach (var root in _roots)
        {
            var node = root;
            while (node >= 0)
            {
                ref readonly var n = ref nodes[node];
                node = (n.Feature < features.Length ? features[n.Feature] : 0f) <= n.Threshold ? n.Left : n.Right;
            }

            s += _leaves[~node];
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

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
