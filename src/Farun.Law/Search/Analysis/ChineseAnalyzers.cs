using System.Reflection;
using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Farun.Law.Search.Analysis;

/// <summary>Creates the analyzers of <see cref="AnalyzerKind"/>; the jieba dictionary is loaded once per process.</summary>
public static class ChineseAnalyzers
{
    /// <summary>The Lucene version the analyzers emulate.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Lazy<CharArraySet> Stopwords = new(LoadStopwords);
    private static readonly Lazy<bool> JiebaReady = new(InitJieba);

    /// <summary>Words of the legal user dictionary (embedded <c>legal-dict.txt</c>).</summary>
    public static IReadOnlyList<string> LegalWords { get; } = LoadLegalWords();

    /// <summary>Creates an analyzer.</summary>
    public static Analyzer Create(AnalyzerKind kind) => kind switch
    {
        AnalyzerKind.SmartCn => new SmartChineseAnalyzer(Version),
        AnalyzerKind.Bigram => new BigramAnalyzer(),
        AnalyzerKind.Jieba => new JiebaAnalyzer(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The terms an analyzer makes of a text, in order (for tests, explanations and query building).</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>A jieba segmenter with the legal user dictionary loaded.</summary>
    internal static JiebaSegmenter NewSegmenter()
    {
        _ = JiebaReady.Value;
        return new JiebaSegmenter();
    }

    private static bool InitJieba()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "Resources");
        if (File.Exists(Path.Combine(dir, "dict.txt")))
        {
            JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = dir;
        }

        var segmenter = new JiebaSegmenter();
        foreach (var word in LegalWords)
        {
            segmenter.AddWord(word);
        }

        return true;
    }

    private static IReadOnlyList<string> LoadLegalWords() =>
        ReadResourceLines("legal-dict.txt")
            .Select(l => l.Split(' ', '\t')[0])
            .Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static CharArraySet LoadStopwords()
    {
        var set = new CharArraySet(Version, 200, ignoreCase: true);
        foreach (var line in ReadResourceLines("stopwords.txt"))
        {
            set.Add(line);
        }

        return set;
    }

    /// <summary>Non-empty lines of an embedded data file, without comments (#).</summary>
    internal static IEnumerable<string> ReadResourceLines(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Farun.Law.Search.Data." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Character bigrams over CJK text; Latin words and digits as whole lower-cased tokens.</summary>
    private sealed class BigramAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new CJKWidthFilter(source);
            result = new LowerCaseFilter(Version, result);
            result = new CJKBigramFilter(result);
            result = new StopFilter(Version, result, Stopwords.Value);
            return new TokenStreamComponents(source, result);
        }
    }

    /// <summary>jieba search mode, lower-cased, without stopwords.</summary>
    private sealed class JiebaAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new JiebaTokenizer(NewSegmenter(), reader);
            TokenStream result = new LowerCaseFilter(Version, source);
            result = new StopFilter(Version, result, Stopwords.Value);
            return new TokenStreamComponents(source, result);
        }
    }
}
