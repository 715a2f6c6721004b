using System.Diagnostics;
using System.Text;

namespace Farun.Law.Corpus;

/// <summary>
/// The law corpus loaded from the LawRefBook Markdown tree: files grouped by normalised title into laws, each with
/// its versions (the newest is in force).
/// </summary>
/// <remarks>
/// Version rules: files of one title whose parsed text (articles, or the body when there are none) is identical
/// are one version, whichever folder they sit in and whatever their headers say; the parts of a split law (files
/// with a second <c># </c> line and no file-name date, i.e. the Civil Code's 8 编) form one version with their
/// articles in order. Versions are ordered by date; an undated version is older than any dated one; ties go to
/// the version with a file-name date, then to the one with more articles, then to the first path.
/// </remarks>
public sealed class LawCorpus
{
    private const string LocalFolder = "DLC";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, CorpusLaw> _byKey;

    private LawCorpus(string root, LawScope scope, IReadOnlyList<CorpusLaw> laws, IReadOnlyList<SkippedFile> skipped, int files, TimeSpan loadTime)
    {
        Root = root;
        Scope = scope;
        Laws = laws;
        Skipped = skipped;
        LoadTime = loadTime;
        _byKey = laws.ToDictionary(l => l.Key, StringComparer.Ordinal);
        Summary = new CorpusSummary(
            files,
            laws.Count,
            laws.Count(l => l.Current.Articles.Count > 0),
            laws.Sum(l => l.Versions.Count),
            laws.Sum(l => l.Current.Articles.Count),
            laws.Count(l => l.Current.Articles.Count == 0),
            skipped.Count);
    }

    /// <summary>The corpus root folder.</summary>
    public string Root { get; }

    /// <summary>The scope loaded.</summary>
    public LawScope Scope { get; }

    /// <summary>The laws, ordered by level and key.</summary>
    public IReadOnlyList<CorpusLaw> Laws { get; }

    /// <summary>Files that could not be imported, with the reason in Chinese.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; }

    /// <summary>Counts of laws, versions, articles and skipped files.</summary>
    public CorpusSummary Summary { get; }

    /// <summary>How long <see cref="Load"/> took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>Finds a law by <see cref="CorpusLaw.Key"/>.</summary>
    public CorpusLaw? FindLaw(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>
    /// Loads the Markdown files under <paramref name="root"/>: every <c>*.md</c> in a sub-folder except
    /// <c>_index.md</c> and <c>法律法规模版.md</c> (files in the root itself, such as SOURCE.md, are not laws);
    /// <see cref="LawScope.National"/> skips <c>DLC/</c>. A malformed file is recorded in <see cref="Skipped"/>
    /// and never stops the load.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root folder does not exist.</exception>
    public static LawCorpus Load(string root, LawScope scope, IProgress<CorpusProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var stopwatch = Stopwatch.StartNew();
        root = Path.GetFullPath(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"法律法规目录不存在：{root}");
        }

        var paths = EnumerateLawFiles(root, scope);
        var results = new (ParsedLawFile? File, SkippedFile? Skip)[paths.Count];
        var processed = 0;
        Parallel.For(0, paths.Count, i =>
        {
            results[i] = ReadAndParse(root, paths[i]);
            var n = Interlocked.Increment(ref processed);
            progress?.Report(new CorpusProgress(n, paths.Count, paths[i]));
        });

        var files = results.Where(r => r.File is not null).Select(r => r.File!).ToList();
        var skipped = results.Where(r => r.Skip is not null).Select(r => r.Skip!).ToList();
        var laws = BuildLaws(files);
        return new LawCorpus(root, scope, laws, skipped, files.Count, stopwatch.Elapsed);
    }

    /// <summary>Builds a corpus from files already parsed (tests and tools).</summary>
    internal static LawCorpus Build(LawScope scope, IReadOnlyList<ParsedLawFile> files, IReadOnlyList<SkippedFile> skipped) =>
        new(string.Empty, scope, BuildLaws(files), skipped, files.Count, TimeSpan.Zero);

    private static List<string> EnumerateLawFiles(string root, LawScope scope)
    {
        var paths = new List<string>();
        foreach (var full in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(root, full).Replace('\\', '/');
            var segments = rel.Split('/');
            var name = segments[^1];
            if (segments.Length < 2 || name is "_index.md" or "法律法规模版.md"
                || segments.Any(s => s.StartsWith('.'))
                || (scope == LawScope.National && segments[0] == LocalFolder))
            {
                continue;
            }

            paths.Add(rel);
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    private static (ParsedLawFile? File, SkippedFile? Skip) ReadAndParse(string root, string relativePath)
    {
        string content;
        try
        {
            var bytes = File.ReadAllBytes(Path.Combine(root, relativePath));
            content = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, new SkippedFile(relativePath, "文件不是有效的 UTF-8 文本"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new SkippedFile(relativePath, $"读取文件失败：{e.Message}"));
        }

        try
        {
            return (LawMarkdownParser.Parse(relativePath, content), null);
        }
        catch (LawFormatException e)
        {
            return (null, new SkippedFile(relativePath, e.Reason));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, new SkippedFile(relativePath, $"解析失败：{e.Message}"));
        }
    }

    private static List<CorpusLaw> BuildLaws(IReadOnlyList<ParsedLawFile> files)
    {
        var aliasesByTitle = LawAbbreviations.Entries
            .GroupBy(e => LawTitles.Normalize(e.Title), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Alias).ToArray(), StringComparer.Ordinal);

        var groups = new Dictionary<string, List<ParsedLawFile>>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            var key = LawTitles.Normalize(file.Title);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(file);
        }

        return groups
            .Select(g => BuildLaw(g.Key, g.Value, aliasesByTitle.GetValueOrDefault(g.Key) ?? []))
            .OrderBy(l => l.Level)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static CorpusLaw BuildLaw(string key, List<ParsedLawFile> files, string[] abbreviations)
    {
        // Candidates: the parts of a split law together, every other file alone.
        var parts = files.Where(f => f.Subtitle is not null && !f.HasFileNameDate).ToList();
        var candidates = new List<List<ParsedLawFile>>();
        if (parts.Count > 0)
        {
            candidates.Add(parts
                .OrderBy(f => f.Articles.Count > 0 ? f.Articles[0].Number : new ArticleNumber(int.MaxValue))
                .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
                .ToList());
        }

        candidates.AddRange(files.Except(parts).Select(f => new List<ParsedLawFile> { f }));

        // Identical text (whatever the header) = one version.
        var versions = candidates
            .GroupBy(c => string.Join('|', c.Select(f => f.TextHash)), StringComparer.Ordinal)
            .Select(g => BuildVersion(g.ToList()))
            .OrderBy(v => v.Version.Date ?? DateOnly.MinValue)
            .ThenBy(v => v.HasFileNameDate)
            .ThenBy(v => v.Version.Articles.Count)
            .ThenByDescending(v => v.Version.SourceFiles[0], StringComparer.Ordinal)
            .ToList();

        var current = versions[^1];
        current.Version.IsCurrent = true;
        var primary = current.Primary;
        var (category, level, region) = Classify(primary.RelativePath);
        var shortTitle = LawTitles.ShortTitle(primary.Title);
        var aliases = new List<string>();
        if (shortTitle != primary.Title)
        {
            aliases.Add(shortTitle);
        }

        aliases.AddRange(abbreviations.Where(a => a != primary.Title && a != shortTitle));
        return new CorpusLaw(key, primary.Title, aliases.Distinct().ToArray(), category, level, region, versions.Select(v => v.Version).ToArray());
    }

    private static (CorpusVersion Version, bool HasFileNameDate, ParsedLawFile Primary) BuildVersion(List<List<ParsedLawFile>> copies)
    {
        // Prefer a copy dated by its file name, then the first path, for the header and the articles.
        var main = copies
            .OrderByDescending(c => c[0].HasFileNameDate)
            .ThenBy(c => c[0].RelativePath, StringComparer.Ordinal)
            .First();
        var all = copies.SelectMany(c => c).OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        var fileDated = all.Where(f => f.HasFileNameDate).ToList();
        var date = fileDated.Count > 0 ? fileDated.Max(f => f.Date) : all.Max(f => f.Date);

        IReadOnlyList<LawArticle> articles;
        IReadOnlyList<TocEntry> toc;
        string? body;
        if (main.Count == 1)
        {
            articles = main[0].Articles;
            toc = main[0].Toc;
            body = main[0].Body;
        }
        else
        {
            var ordinal = 0;
            articles = main.SelectMany(f => f.Articles).Select(a => a with { Ordinal = ++ordinal }).ToArray();
            toc = main.SelectMany(f => f.Toc).ToArray();
            body = articles.Count == 0 ? string.Join("\n\n", main.Select(f => f.Body)) : null;
        }

        var sourceHash = all.Count == 1
            ? all[0].ContentHash
            : LawMarkdownParser.Sha256Hex(string.Join('\n', all.Select(f => f.ContentHash)));
        var version = new CorpusVersion(date, all.Select(f => f.RelativePath).ToArray(), sourceHash, articles, body, toc, main[0].HeaderEvents);
        return (version, fileDated.Count > 0, main[0]);
    }

    private static (string Category, LawLevel Level, string? Region) Classify(string relativePath)
    {
        var segments = relativePath.Split('/');
        var top = segments[0];
        if (top == LocalFolder)
        {
            var regionFolder = segments.Length > 2 ? segments[1] : top;
            var region = regionFolder.EndsWith("地方法规", StringComparison.Ordinal) && regionFolder.Length > 4
                ? regionFolder[..^4]
                : regionFolder;
            return (regionFolder, LawLevel.LocalRegulation, region);
        }

        var level = top switch
        {
            "宪法" => LawLevel.Constitution,
            "行政法规" => LawLevel.AdministrativeRegulation,
            "司法解释" => LawLevel.JudicialInterpretation,
            "部门规章" => LawLevel.DepartmentalRule,
            _ => LawLevel.Law,
        };
        return (top, level, null);
    }
}
