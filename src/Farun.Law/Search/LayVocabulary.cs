using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Farun.Law.Search;

/// <summary>One curated mapping from everyday words to legal terms.</summary>
/// <param name="Lay">Everyday words (老板, 欠钱 …).</param>
/// <param name="Legal">The legal terms they stand for (用人单位, 借款 …).</param>
/// <param name="Note">Why the mapping holds, in Chinese.</param>
public sealed record VocabularyEntry(
    [property: JsonPropertyName("lay")] IReadOnlyList<string> Lay,
    [property: JsonPropertyName("legal")] IReadOnlyList<string> Legal,
    [property: JsonPropertyName("note")] string Note);

/// <summary>An entry found in a query: the everyday word as written and the legal terms added for it.</summary>
/// <param name="LayWord">The everyday word found in the query.</param>
/// <param name="LegalTerms">Legal terms added to the query (those not already in it).</param>
/// <param name="Note">Why, in Chinese.</param>
public sealed record QueryExpansion(string LayWord, IReadOnlyList<string> LegalTerms, string Note);

/// <summary>
/// The lay-to-legal vocabulary: a curated, versioned data file (<c>Search/Data/lay-vocabulary.json</c>, embedded)
/// mapping everyday words to legal terms, each entry with a note. Used to expand queries; immutable.
/// </summary>
public sealed class LayVocabulary
{
    private static readonly Lazy<LayVocabulary> Embedded = new(LoadEmbedded);
    private readonly (string Word, VocabularyEntry Entry)[] _words;

    /// <summary>Creates a vocabulary from entries.</summary>
    public LayVocabulary(string version, IReadOnlyList<VocabularyEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Version = version;
        Entries = entries;
        // Longest words first, so 拖欠工资 is reported rather than 工资 when both match.
        _words = entries
            .SelectMany(e => e.Lay.Where(w => w.Length > 0).Select(w => (w, e)))
            .OrderByDescending(x => x.w.Length)
            .ThenBy(x => x.w, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The data file version.</summary>
    public string Version { get; }

    /// <summary>The entries.</summary>
    public IReadOnlyList<VocabularyEntry> Entries { get; }

    /// <summary>The vocabulary shipped with the application.</summary>
    public static LayVocabulary Default => Embedded.Value;

    /// <summary>An empty vocabulary (no expansion).</summary>
    public static LayVocabulary Empty { get; } = new("none", []);

    /// <summary>Parses the JSON format of the data file.</summary>
    /// <exception cref="JsonException">The JSON is malformed or an entry lacks lay words, legal terms or a note.</exception>
    public static LayVocabulary Parse(string json)
    {
        var file = JsonSerializer.Deserialize<VocabularyFile>(json) ?? throw new JsonException("词汇表为空。");
        foreach (var e in file.Entries)
        {
            if (e.Lay is not { Count: > 0 } || e.Legal is not { Count: > 0 } || string.IsNullOrWhiteSpace(e.Note))
            {
                throw new JsonException("词汇表条目须有日常用语、法律术语和说明。");
            }
        }

        return new LayVocabulary(file.Version, file.Entries);
    }

    /// <summary>
    /// The entries whose everyday words occur in <paramref name="query"/>, each with the legal terms that the query
    /// does not already contain. An entry is reported once, with its longest word found.
    /// </summary>
    public IReadOnlyList<QueryExpansion> Expand(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = new List<QueryExpansion>();
        var seen = new HashSet<VocabularyEntry>(ReferenceEqualityComparer.Instance);
        foreach (var (word, entry) in _words)
        {
            if (seen.Contains(entry) || !query.Contains(word, StringComparison.Ordinal))
            {
                continue;
            }

            seen.Add(entry);
            var terms = entry.Legal.Where(t => !query.Contains(t, StringComparison.Ordinal)).ToArray();
            if (terms.Length > 0)
            {
                result.Add(new QueryExpansion(word, terms, entry.Note));
            }
        }

        return result;
    }

    private static LayVocabulary LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Farun.Law.Search.Data.lay-vocabulary.json")
            ?? throw new InvalidOperationException("Embedded resource lay-vocabulary.json is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private sealed record VocabularyFile(
        [property: JsonPropertyName("version")] string Version,
        [property: JsonPropertyName("entries")] IReadOnlyList<VocabularyEntry> Entries);
}
