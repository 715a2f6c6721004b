using System.Diagnostics.CodeAnalysis;
using Farun.Law.Corpus;

namespace Farun.Law.Citations;

/// <summary>A law key with the names it is known by (title, short title, abbreviations).</summary>
/// <param name="Key">The law key (<see cref="CorpusLaw.Key"/>).</param>
/// <param name="Names">Names as written; they are normalised by the index.</param>
public sealed record LawNameEntry(string Key, IReadOnlyList<string> Names);

/// <summary>Where a known law name was found in a text.</summary>
/// <param name="Start">Index of the first character of the name (including a leading 中华人民共和国).</param>
/// <param name="Length">Length of the name in the text.</param>
/// <param name="Key">The law key.</param>
public readonly record struct LawNameMatch(int Start, int Length, string Key);

/// <summary>
/// Resolves law names to law keys using the STARD normalisation (<see cref="LawTitles.Normalize"/>): 中华人民共和国
/// dropped at the start and after 《/〈, 、 and spaces ignored, ASCII and full-width brackets alike. Immutable and
/// safe to share between threads.
/// </summary>
public sealed class LawNameIndex
{
    private readonly Dictionary<string, string> _byName;
    private readonly Node _reversedTrie = new();

    private LawNameIndex(Dictionary<string, string> byName)
    {
        _byName = byName;
        foreach (var (name, key) in byName)
        {
            var node = _reversedTrie;
            for (var i = name.Length - 1; i >= 0; i--)
            {
                node = node.GetOrAdd(name[i]);
            }

            node.Key = key;
        }
    }

    /// <summary>Number of distinct normalised names.</summary>
    public int Count => _byName.Count;

    /// <summary>
    /// Builds an index. When two laws share a name, the first entry that lists it wins; names listed first in an
    /// entry (titles) are registered before later ones (abbreviations) of every entry.
    /// </summary>
    public static LawNameIndex Create(IEnumerable<LawNameEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var maxNames = list.Count == 0 ? 0 : list.Max(e => e.Names.Count);
        for (var rank = 0; rank < maxNames; rank++)
        {
            foreach (var entry in list.Where(e => rank < e.Names.Count))
            {
                var normalized = LawTitles.Normalize(entry.Names[rank]);
                if (normalized.Length > 0)
                {
                    byName.TryAdd(normalized, entry.Key);
                }
            }
        }

        return new LawNameIndex(byName);
    }

    /// <summary>Builds an index from corpus laws: key, title, short title and aliases of each.</summary>
    public static LawNameIndex FromLaws(IEnumerable<CorpusLaw> laws)
    {
        ArgumentNullException.ThrowIfNull(laws);
        return Create(laws.Select(l => new LawNameEntry(l.Key, [l.Title, l.Key, l.ShortTitle, .. l.Aliases])));
    }

    /// <summary>Resolves a name such as 《中华人民共和国劳动合同法》, 劳动合同法 or 民诉法 to its law key.</summary>
    public bool TryResolve(string name, [NotNullWhen(true)] out string? key)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(LawTitles.Normalize(name), out key);
    }

    /// <summary>
    /// Finds the longest known law name that ends right before <paramref name="end"/> in free text, e.g. in
    /// 依照中华人民共和国劳动合同法第八十二条 the name ending before 第 is 中华人民共和国劳动合同法 (劳动合同法, not 合同法).
    /// Spaces and 、 inside the name are skipped; a leading 中华人民共和国 is included in the match.
    /// </summary>
    public bool TryMatchEndingAt(string text, int end, out LawNameMatch match)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        match = default;
        if (end <= 0 || LawTitles.IsIgnorable(text[end - 1]))
        {
            return false;
        }

        var node = _reversedTrie;
        var bestStart = -1;
        string? bestKey = null;
        var i = end - 1;
        while (i >= 0)
        {
            var c = LawTitles.MapChar(text[i]);
            if (LawTitles.IsIgnorable(c))
            {
                i--;
                continue;
            }

            // 《中华人民共和国民事诉讼法》: the prefix after 《 is not part of the normalised name.
            if (c == '国' && EndsWithStatePrefixAfterBookMark(text, i))
            {
                i -= LawTitles.StatePrefix.Length;
                continue;
            }

            node = node.Next(c);
            if (node is null)
            {
                break;
            }

            if (node.Key is not null)
            {
                bestStart = i;
                bestKey = node.Key;
            }

            i--;
        }

        if (bestKey is null)
        {
            return false;
        }

        var start = bestStart;
        var p = LawTitles.StatePrefix;
        if (start >= p.Length && string.CompareOrdinal(text, start - p.Length, p, 0, p.Length) == 0)
        {
            start -= p.Length;
        }

        match = new LawNameMatch(start, end - start, bestKey);
        return true;
    }

    private static bool EndsWithStatePrefixAfterBookMark(string text, int lastIndex)
    {
        var p = LawTitles.StatePrefix;
        var first = lastIndex - p.Length + 1;
        return first >= 1
            && string.CompareOrdinal(text, first, p, 0, p.Length) == 0
            && text[first - 1] is '《' or '〈';
    }

    private sealed class Node
    {
        private Dictionary<char, Node>? _children;

        public string? Key { get; set; }

        public Node GetOrAdd(char c)
        {
            _children ??= [];
            if (!_children.TryGetValue(c, out var child))
            {
                _children[c] = child = new Node();
            }

            return child;
        }

        public Node? Next(char c) => _children is not null && _children.TryGetValue(c, out var child) ? child : null;
    }
}
