using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Farun.Data;
using Farun.Law.Corpus;
using Farun.Law.Evaluation;
using Farun.Law.Search;
using Farun.Web.Common;
using Farun.Web.Features.Laws;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Search;

/// <summary>Settings under "Farun:Search".</summary>
public sealed class SearchSettings
{
    public const string Section = "Farun:Search";

    /// <summary>A STARD-format file of labelled questions to learn from (e.g. the STARD train split); never committed.</summary>
    public string? TrainingQuestions { get; set; }

    /// <summary>Retrieval overrides as key=value (see <see cref="RetrievalOptions.With"/>).</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>How often a node checks whether the law tables changed, in seconds.</summary>
    public int CheckIntervalSeconds { get; set; } = 10;
}

/// <summary>A loaded engine and what it was built from.</summary>
public sealed record SearchSnapshot(StatuteSearchEngine Engine, string Revision, DateTimeOffset BuiltAt, int Documents, int TrainingQuestions, string Folder);

/// <summary>The state of the index for the health check.</summary>
public sealed record SearchIndexStatus(bool Ready, bool Building, string? Revision, int Documents, string? Error);

/// <summary>
/// Owns the search index of this node under <c>&lt;DataDir&gt;/index</c>. The index is a cache of the database: each node
/// builds its own copy when it has none for the current database revision (a fingerprint of the law tables), so
/// nodes stay stateless. Labelled questions come from <see cref="ILabelledQuestionSource"/>s; the ranker trained on
/// them is stored beside the index, keyed by revision and training data.
/// </summary>
public sealed class SearchIndexService(
    IServiceScopeFactory scopes,
    LawCatalog catalog,
    IEnumerable<ILabelledQuestionSource> sources,
    IOptions<SearchSettings> settings,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<SearchIndexService> logger) : IDisposable
{
    private const string MetaFile = "farun-index.json";
    private const string RankerFile = "ranker.json";
    // Not disposed with the service: a build still running when the app stops releases it afterwards.
    private readonly SemaphoreSlim _buildGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private SearchSnapshot? _snapshot;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private Task? _background;
    private string? _error;

    /// <summary>The folder holding the index folders.</summary>
    public string Root { get; } = Path.Combine(FarunOptions.ResolveDataDir(configuration), "index");

    /// <summary>The retrieval configuration.</summary>
    public RetrievalOptions Options { get; } = RetrievalOptions.Default.With(settings.Value.Options);

    /// <summary>The current state.</summary>
    public SearchIndexStatus Status => new(_snapshot is not null, _buildGate.CurrentCount == 0, _snapshot?.Revision, _snapshot?.Documents ?? 0, _error);

    /// <summary>
    /// The engine for the current database revision: loaded from disk or built from the database when missing.
    /// When the database changed since the loaded index was built, the old index keeps serving while a new one builds.
    /// </summary>
    public async Task<SearchSnapshot> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null)
        {
            if (time.GetUtcNow() - _checkedAt >= TimeSpan.FromSeconds(settings.Value.CheckIntervalSeconds))
            {
                _checkedAt = time.GetUtcNow();
                var revision = await RevisionAsync(ct);
                if (revision != current.Revision && _background is null or { IsCompleted: true })
                    _background = Task.Run(() => EnsureAsync(force: false, _stopping.Token), CancellationToken.None);
            }

            return current;
        }

        return await EnsureAsync(force: false, ct);
    }

    /// <summary>Starts loading or building the index in the background (at start-up).</summary>
    public void Warm() => _background ??= Task.Run(async () =>
    {
        try
        {
            await EnsureAsync(force: false, _stopping.Token);
        }
        catch (Exception e) when (_stopping.IsCancellationRequested)
        {
            // The app stopped (a test host disposed, a node shut down) before the index was ready: not an error.
            logger.LogDebug(e, "Search index warm-up stopped with the app");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Search index warm-up failed");
        }
    });

    /// <summary>Rebuilds the index from the database (after an import, or on <c>laws reindex</c>).</summary>
    public Task<SearchSnapshot> RebuildAsync(CancellationToken ct) => EnsureAsync(force: true, ct);

    /// <summary>
    /// Adds labelled questions to this node's engine at once (e.g. a question whose articles staff just confirmed),
    /// without retraining: similar-question lookups and priors see them now, the ranker learns from them at the next
    /// build. Other nodes load them from their <see cref="ILabelledQuestionSource"/>s when their index or model is next
    /// built or reopened (a law import, <c>laws reindex</c>, a restart).
    /// </summary>
    public async Task AddLabelledQuestionsAsync(IReadOnlyList<LabelledQuestion> questions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(questions);
        await _buildGate.WaitAsync(ct);
        try
        {
            if (_snapshot is not { } current || questions.Count == 0)
                return;
            var old = current.Engine;
            var ids = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var all = (old.Model.Memory?.Questions ?? []).Where(q => !ids.Contains(q.Id)).Concat(questions).ToList();
            var model = new SearchModel(new QuestionMemory(all, Options.Analyzers), new LawPrior(all), old.Model.Ranker, old.Model.Source);
            var engine = new StatuteSearchEngine(old.Index, old.Names, Options.Expand ? LayVocabulary.Default : LayVocabulary.Empty, model, Options);
            _snapshot = current with { Engine = engine, TrainingQuestions = all.Count };
            // Requests may still use the old engine: release its model a little later (the index is shared and stays).
            _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ =>
            {
                old.Model.Dispose();
                old.Dispose();
            }, TaskScheduler.Default);
        }
        finally
        {
            _buildGate.Release();
        }
    }

    private async Task<SearchSnapshot> EnsureAsync(bool force, CancellationToken ct)
    {
        await _buildGate.WaitAsync(ct);
        try
        {
            var revision = await RevisionAsync(ct);
            _checkedAt = time.GetUtcNow();
            if (!force && _snapshot is { } loaded && loaded.Revision == revision)
                return loaded;

            var folder = Path.Combine(Root, FolderName(revision));
            SearchSnapshot snapshot;
            if (!force && IsComplete(folder))
            {
                snapshot = await OpenAsync(folder, revision, ct);
            }
            else
            {
                await BuildAsync(folder, ct);
                snapshot = await OpenAsync(folder, revision, ct);
            }

            var previous = Interlocked.Exchange(ref _snapshot, snapshot);
            _error = null;
            if (previous is not null && previous.Folder != snapshot.Folder)
                Retire(previous);
            else if (previous is not null && !ReferenceEquals(previous.Engine, snapshot.Engine))
                Retire(previous, deleteFolder: false);
            CleanUp(snapshot.Folder);
            if (_stopping.IsCancellationRequested && Interlocked.Exchange(ref _snapshot, null) is { } orphan)
            {
                // Stopped while building: Dispose has run, or will find nothing to dispose.
                DisposeEngine(orphan);
                throw new OperationCanceledException(_stopping.Token);
            }

            return snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = e.Message;
            throw;
        }
        finally
        {
            _buildGate.Release();
        }
    }

    private async Task<string> RevisionAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        return await LawCatalog.RevisionAsync(db, ct);
    }

    private static string FolderName(string revision) =>
        "rev-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(revision)))[..16];

    private static bool IsComplete(string folder) => File.Exists(Path.Combine(folder, MetaFile));

    /// <summary>Builds into a temporary folder and moves it into place, so a crash never leaves a half-built index.</summary>
    private async Task BuildAsync(string folder, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var documents = await LoadDocumentsAsync(ct);
        var temp = folder + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        System.IO.Directory.CreateDirectory(temp);
        IndexBuildResult result;
        using (var dir = FSDirectory.Open(temp))
            result = LawIndexBuilder.Build(dir, documents, Options.Analyzers, ct);
        await File.WriteAllTextAsync(Path.Combine(temp, MetaFile), JsonSerializer.Serialize(new
        {
            result.Documents,
            result.CurrentDocuments,
            BuiltAt = time.GetUtcNow(),
            Analyzers = Options.Analyzers.Select(a => a.ToString()),
        }), ct);
        if (System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
        System.IO.Directory.Move(temp, folder);
        logger.LogInformation("Search index built: {Documents} documents in {Elapsed}", result.Documents, watch.Elapsed);
    }

    private async Task<List<SearchDocument>> LoadDocumentsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var laws = await db.Laws.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        var versions = await db.LawVersions.AsNoTracking()
            .Select(v => new { v.Id, v.LawId, v.Date, v.IsCurrent, v.Body, v.ArticleCount })
            .ToListAsync(ct);
        var articles = (await db.LawArticles.AsNoTracking()
                .Select(a => new { a.VersionId, a.Number, a.Suffix, a.Ordinal, a.Path, a.Text })
                .ToListAsync(ct))
            .GroupBy(a => a.VersionId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Ordinal).ToList());
        var documents = new List<SearchDocument>();
        foreach (var group in versions.GroupBy(v => v.LawId))
        {
            if (!laws.TryGetValue(group.Key, out var law))
                continue;
            // Oldest first; the version in force last (undated versions are older than any dated one).
            var ordered = group.OrderBy(v => v.IsCurrent).ThenBy(v => v.Date ?? DateOnly.MinValue).ToList();
            var level = Enum.TryParse<LawLevel>(law.Level, out var l) ? l : LawLevel.DepartmentalRule;
            var aliases = law.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < ordered.Count; i++)
            {
                var v = ordered[i];
                var until = v.IsCurrent || i + 1 >= ordered.Count ? null : ordered[i + 1].Date;
                var versionArticles = articles.GetValueOrDefault(v.Id) ?? [];
                documents.AddRange(SearchDocuments.FromVersion(
                    law.Key, law.Id.ToString(), v.Id.ToString(), law.Title, aliases, level, law.Category, v.Date, until, v.IsCurrent,
                    versionArticles.Select(a => new Farun.Law.Corpus.LawArticle(new ArticleNumber(a.Number, a.Suffix), a.Path.Length == 0 ? [] : a.Path.Split(" / "), a.Text, a.Ordinal)),
                    v.Body));
            }
        }

        return documents;
    }

    private async Task<SearchSnapshot> OpenAsync(string folder, string revision, CancellationToken ct)
    {
        var index = LawIndex.Open(FSDirectory.Open(folder), ownsDirectory: true);
        try
        {
            var names = (await catalog.GetAsync(ct, revision)).Names;
            var resolver = new ReferenceResolver(names, index.HasCurrentArticle);
            var questions = new List<LabelledQuestion>();
            var sourceNames = new List<string>();
            foreach (var source in sources)
            {
                var loaded = await source.LoadAsync(resolver.Resolve, ct);
                questions.AddRange(loaded);
                sourceNames.Add($"{source.Name} ({loaded.Count})");
            }

            var vocabulary = Options.Expand ? LayVocabulary.Default : LayVocabulary.Empty;
            var model = await Task.Run(() => LoadOrTrainModel(folder, index, names, vocabulary, questions, string.Join(", ", sourceNames)), ct);
            var engine = new StatuteSearchEngine(index, names, vocabulary, model, Options);
            var builtAt = File.GetLastWriteTimeUtc(Path.Combine(folder, MetaFile));
            return new SearchSnapshot(engine, revision, new DateTimeOffset(builtAt, TimeSpan.Zero), index.DocumentCount, questions.Count, folder);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>The ranker is trained once per index and training data, then read from disk.</summary>
    private SearchModel LoadOrTrainModel(string folder, LawIndex index, Farun.Law.Citations.LawNameIndex names, LayVocabulary vocabulary, List<LabelledQuestion> questions, string source)
    {
        var baseModel = SearchModel.FromQuestions(questions, Options.Analyzers, source);
        if (questions.Count == 0 || Options.Ranker == RankerKind.Bm25)
            return baseModel;

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', questions.Select(q => q.Id + "\t" + q.Text + "\t" + string.Join(',', q.ArticleIds)))
            + "\n" + string.Join(';', Options.Describe().Select(kv => kv.Key + "=" + kv.Value)))))[..16];
        var path = Path.Combine(folder, $"{fingerprint}.{RankerFile}");
        if (File.Exists(path))
        {
            try
            {
                IRanker stored = Options.Ranker == RankerKind.LightGbm
                    ? TreeEnsembleRanker.FromJson(File.ReadAllText(path))
                    : new LinearRanker(JsonSerializer.Deserialize<float[]>(File.ReadAllText(path)) ?? []);
                return baseModel.WithRanker(stored);
            }
            catch (JsonException e)
            {
                logger.LogWarning(e, "Stored ranker {Path} is unreadable; training again", path);
            }
        }

        baseModel.Dispose();
        var watch = Stopwatch.StartNew();
        var model = SearchModelTrainer.Train(index, names, vocabulary, questions, Options);
        var json = model.Ranker switch
        {
            TreeEnsembleRanker t => t.ToJson(),
            LinearRanker l => JsonSerializer.Serialize(l.Weights),
            _ => null,
        };
        if (json is not null)
            File.WriteAllText(path, json);
        logger.LogInformation("Search ranker trained on {Count} labelled questions in {Elapsed}", questions.Count, watch.Elapsed);
        return model;
    }

    private void Retire(SearchSnapshot old, bool deleteFolder = true)
    {
        // Requests may still be using the old engine: dispose it a little later.
        _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ =>
        {
            try
            {
                old.Engine.Index.Dispose();
                old.Engine.Model.Dispose();
                old.Engine.Dispose();
                if (deleteFolder && System.IO.Directory.Exists(old.Folder))
                    System.IO.Directory.Delete(old.Folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                logger.LogWarning(e, "Could not remove the old search index {Folder}", old.Folder);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>Removes leftovers of interrupted builds and indexes of other revisions.</summary>
    private void CleanUp(string keep)
    {
        if (!System.IO.Directory.Exists(Root))
            return;
        foreach (var dir in System.IO.Directory.EnumerateDirectories(Root))
        {
            if (dir == keep || (_snapshot is not null && dir == _snapshot.Folder))
                continue;
            if (Path.GetFileName(dir).Contains(".tmp-", StringComparison.Ordinal) || Path.GetFileName(dir).StartsWith("rev-", StringComparison.Ordinal))
            {
                try
                {
                    // Indexes of other revisions are removed once no engine uses them (Retire handles the one just replaced).
                    if (!IsInUse(dir))
                        System.IO.Directory.Delete(dir, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogDebug(e, "Could not remove {Folder}", dir);
                }
            }
        }
    }

    private bool IsInUse(string dir) => _snapshot?.Folder == dir;

    public void Dispose()
    {
        _stopping.Cancel();
        if (Interlocked.Exchange(ref _snapshot, null) is { } s)
            DisposeEngine(s);
    }

    private static void DisposeEngine(SearchSnapshot s)
    {
        s.Engine.Index.Dispose();
        s.Engine.Model.Dispose();
        s.Engine.Dispose();
    }
}

/// <summary>Loads or builds the search index when the web app starts, without delaying start-up.</summary>
internal sealed class SearchIndexWarmup(SearchIndexService service) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        service.Warm();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
