using System.Diagnostics;
using System.Globalization;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.Law.Search;
using Lucene.Net.Store;

namespace Farun.Law.Evaluation;

/// <summary>What to evaluate.</summary>
/// <param name="LawsDirectory">The LawRefBook-style law tree.</param>
/// <param name="QueriesPath">The STARD-format queries to score.</param>
/// <param name="TrainPath">A STARD-format file to learn from (then the queries are scored by a model that never saw them).</param>
/// <param name="Folds">k-fold cross-validation on the queries (when no train file is given); 0 or 1 = no learning.</param>
/// <param name="Scope">National (all but DLC/) or all.</param>
/// <param name="Options">The retrieval configuration.</param>
/// <param name="Seed">Seed of the fold assignment and of LightGBM.</param>
/// <param name="RunBaseline">Also score the plain BM25 baseline.</param>
/// <param name="IndexDirectory">Keep the built index here and reuse it on the next run (same corpus and analyzers); null = a temporary folder.</param>
public sealed record EvaluationSettings(
    string LawsDirectory,
    string QueriesPath,
    string? TrainPath,
    int Folds,
    LawScope Scope,
    RetrievalOptions Options,
    int Seed = 42,
    bool RunBaseline = true,
    string? IndexDirectory = null);

/// <summary>How many references of the scored queries resolve to an article of the corpus.</summary>
/// <param name="Queries">Queries scored.</param>
/// <param name="References">Relevant-article references in all.</param>
/// <param name="Found">References found in the corpus (in force).</param>
/// <param name="NotFound">References not found, by name.</param>
public sealed record Coverage(int Queries, int References, int Found, IReadOnlyList<string> NotFound);

/// <summary>The figures of an evaluation run.</summary>
/// <param name="System">The engine's figures.</param>
/// <param name="Baseline">The plain baseline's figures (null when not run).</param>
/// <param name="Folds">Per fold figures (cross-validation only).</param>
/// <param name="Coverage">Reference coverage.</param>
/// <param name="Config">The configuration.</param>
/// <param name="Timings">Timings in seconds or milliseconds (named).</param>
public sealed record EvaluationReport(
    MetricSet System,
    MetricSet? Baseline,
    IReadOnlyList<MetricSet> Folds,
    Coverage Coverage,
    IReadOnlyDictionary<string, string> Config,
    IReadOnlyDictionary<string, double> Timings);

/// <summary>
/// Rebuilds the corpus and the index from the law tree, then scores STARD-format queries with the engine (learning
/// only from the train file, or from the other folds) and with the plain baseline, in STARD's metric convention.
/// </summary>
public static class StatuteEvaluation
{
    /// <summary>Runs an evaluation; progress lines go to <paramref name="log"/>.</summary>
    public static EvaluationReport Run(EvaluationSettings settings, TextWriter? log = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        log ??= TextWriter.Null;
        var timings = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var corpus = LawCorpus.Load(settings.LawsDirectory, settings.Scope);
        timings["corpusLoadSeconds"] = watch.Elapsed.TotalSeconds;
        log.WriteLine($"Corpus: {corpus.Summary.Laws} laws, {corpus.Summary.InForceArticles} in-force articles, {corpus.Summary.Versions} versions ({watch.Elapsed.TotalSeconds:F1} s)");

        var documents = SearchDocuments.FromCorpus(corpus).ToList();
        var keep = settings.IndexDirectory is not null;
        var stamp = $"{corpus.Summary.Files}:{corpus.Summary.Versions}:{documents.Count}";
        var indexDir = settings.IndexDirectory ?? Path.Combine(Path.GetTempPath(), "farun-eval-" + Guid.NewGuid().ToString("N"));
        var stampFile = Path.Combine(indexDir, "eval-stamp.txt");
        try
        {
            watch.Restart();
            IndexBuildResult build;
            // A kept index is reused when it was built from the same corpus with (at least) the analyzers asked for.
            var stampLines = keep && File.Exists(stampFile) ? File.ReadAllLines(stampFile) : [];
            if (stampLines.Length == 2 && stampLines[0] == stamp
                && settings.Options.Analyzers.All(a => stampLines[1].Split('+').Contains(a.ToString())))
            {
                build = new IndexBuildResult(documents.Count, documents.Count(d => d.IsCurrent), TimeSpan.Zero);
                log.WriteLine($"Index: reusing {indexDir}");
            }
            else
            {
                using (var dir = FSDirectory.Open(indexDir))
                {
                    build = LawIndexBuilder.Build(dir, documents, settings.Options.Analyzers, ct);
                }

                if (keep)
                {
                    File.WriteAllLines(stampFile, [stamp, string.Join('+', settings.Options.Analyzers)]);
                }

                timings["indexBuildSeconds"] = build.Elapsed.TotalSeconds;
                log.WriteLine($"Index: {build.Documents} documents ({build.CurrentDocuments} in force) in {build.Elapsed.TotalSeconds:F1} s");
            }

            using var index = LawIndex.Open(FSDirectory.Open(indexDir), ownsDirectory: true);
            var names = LawNameIndex.FromLaws(corpus.Laws);
            var resolver = new ReferenceResolver(names, index.HasCurrentArticle);

            var queries = StardFile.Load(settings.QueriesPath);
            var references = queries.SelectMany(q => q.References).ToList();
            var notFound = references.Where(r => resolver.Resolve(r) is null).Distinct().ToList();
            var coverage = new Coverage(queries.Count, references.Count, references.Count(r => resolver.Resolve(r) is not null), notFound);
            log.WriteLine($"Queries: {queries.Count}, references: {references.Count}, found in corpus: {coverage.Found}");
            var relevant = queries.Select(q => (IReadOnlyCollection<string>)q.References.Select(resolver.Resolve).OfType<string>().ToHashSet(StringComparer.Ordinal)).ToArray();

            // Queries whose references are missing from the corpus keep them in the denominator (Recall counts them as not found).
            var denominators = queries.Select(q => q.References.Distinct().Count()).ToArray();

            MetricSet? baseline = null;
            if (settings.RunBaseline)
            {
                watch.Restart();
                using var baselineSearcher = new BaselineSearcher(documents);
                var buildSeconds = watch.Elapsed.TotalSeconds;
                var perQuery = new MetricSet[queries.Count];
                for (var i = 0; i < queries.Count; i++)
                {
                    perQuery[i] = Score(baselineSearcher.Search(queries[i].Text, 100), relevant[i], denominators[i]);
                }

                baseline = MetricSet.Mean(perQuery);
                timings["baselineSeconds"] = watch.Elapsed.TotalSeconds;
                log.WriteLine($"Baseline ({baselineSearcher.Count} articles, built in {buildSeconds:F1} s): {Format(baseline)}");
            }

            var vocabulary = settings.Options.Expand ? LayVocabulary.Default : LayVocabulary.Empty;
            var systemScores = new MetricSet[queries.Count];
            var folds = new List<MetricSet>();
            var latencies = new List<double>();
            watch.Restart();
            var labelledQueries = queries.Select((q, i) => new LabelledQuestion("stard:" + q.Id, q.Text, relevant[i].ToArray())).ToArray();
            if (settings.TrainPath is not null)
            {
                var train = StardFile.ToLabelled(StardFile.Load(settings.TrainPath), resolver.Resolve, "train:");
                log.WriteLine($"Training questions: {train.Count}");
                var testIds = Enumerable.Range(0, queries.Count).ToArray();
                RunFold(index, names, vocabulary, settings, train, queries, testIds, relevant, denominators, systemScores, latencies, timings, "train", log);
            }
            else if (settings.Folds > 1)
            {
                var order = Enumerable.Range(0, queries.Count).ToArray();
                new Random(settings.Seed).Shuffle(order);
                for (var fold = 0; fold < settings.Folds; fold++)
                {
                    ct.ThrowIfCancellationRequested();
                    var testIds = order.Where((_, position) => position % settings.Folds == fold).ToArray();
                    var testSet = testIds.ToHashSet();
                    var train = order.Where(i => !testSet.Contains(i)).Select(i => labelledQueries[i]).Where(q => q.ArticleIds.Count > 0).ToArray();
                    RunFold(index, names, vocabulary, settings, train, queries, testIds, relevant, denominators, systemScores, latencies, timings, "fold" + fold.ToString(CultureInfo.InvariantCulture), log);
                    folds.Add(MetricSet.Mean(testIds.Select(i => systemScores[i]).ToArray()));
                    log.WriteLine($"  fold {fold}: {Format(folds[^1])}");
                }
            }
            else
            {
                RunFold(index, names, vocabulary, settings, [], queries, Enumerable.Range(0, queries.Count).ToArray(), relevant, denominators, systemScores, latencies, timings, "untrained", log);
            }

            var system = MetricSet.Mean(systemScores);
            timings["systemSeconds"] = watch.Elapsed.TotalSeconds;
            latencies.Sort();
            if (latencies.Count > 0)
            {
                timings["queryP50Ms"] = latencies[latencies.Count / 2];
                timings["queryP99Ms"] = latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))];
            }

            timings["totalSeconds"] = total.Elapsed.TotalSeconds;
            log.WriteLine($"System: {Format(system)}");
            if (Profile.Report() is { Length: > 0 } profile)
            {
                log.WriteLine("Profile: " + profile);
            }

            var config = new Dictionary<string, string>(settings.Options.Describe())
            {
                ["scope"] = settings.Scope.ToString(),
                ["queries"] = Path.GetFileName(settings.QueriesPath),
                ["train"] = settings.TrainPath is null ? "" : Path.GetFileName(settings.TrainPath),
                ["folds"] = settings.Folds.ToString(CultureInfo.InvariantCulture),
                ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
                ["vocabularyVersion"] = vocabulary.Version,
                ["indexDocuments"] = build.Documents.ToString(CultureInfo.InvariantCulture),
            };
            return new EvaluationReport(system, baseline, folds, coverage, config, timings);
        }
        finally
        {
            try
            {
                if (!keep)
                {
                    System.IO.Directory.Delete(indexDir, recursive: true);
                }
            }
            catch (IOException)
            {
                // Temporary folder; the OS cleans it.
            }
        }
    }

    /// <summary>The figures as one line.</summary>
    public static string Format(MetricSet m) => string.Create(CultureInfo.InvariantCulture,
        $"R@1 {m.Recall1:F3}  R@5 {m.Recall5:F3}  R@10 {m.Recall10:F3}  R@20 {m.Recall20:F3}  R@100 {m.Recall100:F3}  MRR@10 {m.Mrr10:F3}  nDCG@10 {m.Ndcg10:F3}");

    private static void RunFold(
        LawIndex index, LawNameIndex names, LayVocabulary vocabulary, EvaluationSettings settings, IReadOnlyList<LabelledQuestion> train,
        IReadOnlyList<StardQuery> queries, int[] testIds, IReadOnlyCollection<string>[] relevant, int[] denominators, MetricSet[] scores,
        List<double> latencies, Dictionary<string, double> timings, string label, TextWriter log)
    {
        var options = settings.Options;
        var watch = Stopwatch.StartNew();
        using var model = SearchModelTrainer.Train(index, names, vocabulary, train, options, settings.Seed, log);
        timings[label + ".trainSeconds"] = watch.Elapsed.TotalSeconds;
        using var engine = new StatuteSearchEngine(index, names, vocabulary, model, options);
        var local = new double[testIds.Length];
        double candidateRecall = 0, rerankRecall = 0, candidateCount = 0;
        for (var n = 0; n < testIds.Length; n++)
        {
            var i = testIds[n];
            var start = Stopwatch.GetTimestamp();
            var candidates = engine.RankCandidates(queries[i].Text);
            var ranked = candidates.Take(100).Select(c => c.ArticleId).ToArray();
            local[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            scores[i] = Score(ranked, relevant[i], denominators[i]);
            if (relevant[i].Count > 0)
            {
                candidateRecall += (double)candidates.Count(c => relevant[i].Contains(c.ArticleId)) / denominators[i];
                rerankRecall += (double)candidates.Take(options.RerankDepth).Count(c => relevant[i].Contains(c.ArticleId)) / denominators[i];
                candidateCount += candidates.Count;
            }
        }

        lock (latencies)
        {
            latencies.AddRange(local);
        }

        timings[label + ".candidateRecall"] = candidateRecall / testIds.Length;
        timings[label + ".rerankDepthRecall"] = rerankRecall / testIds.Length;
        timings[label + ".candidates"] = candidateCount / testIds.Length;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: candidates {candidateCount / testIds.Length:F0}, recall of all candidates {candidateRecall / testIds.Length:F3}, of the reranked top {options.RerankDepth} {rerankRecall / testIds.Length:F3}"));
    }

    private static MetricSet Score(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant, int denominator)
    {
        // Unresolvable references stay relevant: pad the relevant set with names that cannot be ranked.
        var padded = new HashSet<string>(relevant, StringComparer.Ordinal);
        for (var i = padded.Count; i < denominator; i++)
        {
            padded.Add("\u0000missing" + i.ToString(CultureInfo.InvariantCulture));
        }

        return RankingMetrics.Evaluate(ranked, padded);
    }
}
