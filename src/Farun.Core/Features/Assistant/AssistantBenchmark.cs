using System.Diagnostics;
using System.Globalization;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.Law.Evaluation;
using Farun.Law.Search;
using Lucene.Net.Store;

namespace Farun.Features.Assistant;

/// <summary>Latency of one timed operation over the question set.</summary>
public sealed record LatencyFigures(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double PerSecond)
{
    public static LatencyFigures From(double[] latencies, double elapsedSeconds)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        var sorted = latencies.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];
        return new LatencyFigures(sorted.Length, P(0.5), P(0.9), P(0.99), sorted[^1], sorted.Length / elapsedSeconds);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {P50Ms:F1} ms, p90 {P90Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F1} ms, {PerSecond:F0}/s on one thread");
}

/// <summary>What an assistant benchmark run measured.</summary>
/// <param name="Documents">Documents in the index.</param>
/// <param name="IndexBuildSeconds">Index build time (0 when an index was reused).</param>
/// <param name="TrainSeconds">Model training time.</param>
/// <param name="TrainingQuestions">Labelled questions the model learned from.</param>
/// <param name="Answer">The whole default answer (danger check, redaction, retrieval, composition), per question, wall clock.</param>
/// <param name="AnswerCpu">The same, in CPU time of the answering thread (Linux: /proc/thread-self/schedstat): what the
/// answer costs without waiting for a core, i.e. close to the wall clock of an idle machine. Null elsewhere.</param>
/// <param name="Search">Retrieval alone (the engine's search of the same number of articles), one pass, wall clock.</param>
/// <param name="Kinds">How many answers of each kind (Answer, Clarify, NotSure, Danger).</param>
/// <param name="Domains">How many answers per detected domain.</param>
/// <param name="ShownHitRate">Share of questions where an article shown (top 3) is among the labelled references.</param>
/// <param name="LoadAverage">The machine's 1-minute load average at the end (Linux), to read the figures.</param>
public sealed record AssistantBenchmarkResult(
    int Documents, double IndexBuildSeconds, double TrainSeconds, int TrainingQuestions, LatencyFigures Answer, LatencyFigures? AnswerCpu,
    LatencyFigures Search, IReadOnlyDictionary<string, int> Kinds, IReadOnlyDictionary<string, int> Domains, double ShownHitRate, string? LoadAverage);

/// <summary>
/// Measures the assistant's default answer without a language model, in process, on a law tree and a STARD question
/// file: the same <see cref="AssistantPipeline"/> the web service runs (the database write of the turn and the next
/// steps, which come from an in-memory cache, are not included).
/// </summary>
public static class AssistantBenchmark
{
    /// <param name="lawsDirectory">LawRefBook-style tree.</param>
    /// <param name="queriesPath">STARD-format questions (the load).</param>
    /// <param name="trainPath">STARD-format labelled questions the model learns from, as in production; null: untrained.</param>
    /// <param name="indexDirectory">Keep the index here and reuse it next time (same corpus); null: a temporary folder.</param>
    /// <param name="options">Retrieval options.</param>
    /// <param name="passes">Times the question set is asked.</param>
    /// <param name="log">Progress.</param>
    /// <param name="ct">Cancellation.</param>
    public static AssistantBenchmarkResult Run(
        string lawsDirectory, string queriesPath, string? trainPath, string? indexDirectory, RetrievalOptions options, int passes, TextWriter log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var corpus = LawCorpus.Load(lawsDirectory, LawScope.National);
        var documents = SearchDocuments.FromCorpus(corpus).ToList();
        var keep = indexDirectory is not null;
        var folder = indexDirectory ?? Path.Combine(Path.GetTempPath(), "farun-assistant-bench-" + Guid.NewGuid().ToString("N"));
        var stampFile = Path.Combine(folder, "bench-stamp.txt");
        var stamp = $"{corpus.Summary.Files}:{corpus.Summary.Versions}:{documents.Count}:{string.Join('+', options.Analyzers)}";
        try
        {
            double buildSeconds = 0;
            if (keep && File.Exists(stampFile) && File.ReadAllText(stampFile) == stamp)
            {
                log.WriteLine($"Index: reusing {folder}");
            }
            else
            {
                using (var dir = FSDirectory.Open(folder))
                {
                    buildSeconds = LawIndexBuilder.Build(dir, documents, options.Analyzers, ct).Elapsed.TotalSeconds;
                }

                if (keep)
                    File.WriteAllText(stampFile, stamp);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Index: {documents.Count} documents built in {buildSeconds:F1} s"));
            }

            var documentCount = documents.Count;
            documents = null;
            using var index = LawIndex.Open(FSDirectory.Open(folder), ownsDirectory: true);
            var names = LawNameIndex.FromLaws(corpus.Laws);
            corpus = null;
            var vocabulary = options.Expand ? LayVocabulary.Default : LayVocabulary.Empty;
            var resolver = new ReferenceResolver(names, index.HasCurrentArticle);
            var watch = Stopwatch.StartNew();
            IReadOnlyList<LabelledQuestion> train = trainPath is null ? [] : StardFile.ToLabelled(StardFile.Load(trainPath), resolver.Resolve, "train:");
            using var model = SearchModelTrainer.Train(index, names, vocabulary, train, options);
            var trainSeconds = watch.Elapsed.TotalSeconds;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Model: {train.Count} labelled questions, trained in {trainSeconds:F1} s"));
            using var engine = new StatuteSearchEngine(index, names, vocabulary, model, options);
            var pipeline = new AssistantPipeline(new AnswerComposer(), a => $"/laws/{a.LawKey}#a{a.ArticleKey}");
            var questions = StardFile.Load(queriesPath);

            foreach (var q in questions.Take(50))
                pipeline.Run(engine, new PipelineQuestion(q.Text));

            var latencies = new double[questions.Count * passes];
            var cpu = new double[questions.Count * passes];
            var measureCpu = Farun.Law.Evaluation.ThreadCpu.Milliseconds() is not null;
            var kinds = new Dictionary<string, int>();
            var domains = new Dictionary<string, int>();
            var hits = 0;
            watch.Restart();
            for (var pass = 0; pass < passes; pass++)
            {
                for (var i = 0; i < questions.Count; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    var cpuStart = measureCpu ? Farun.Law.Evaluation.ThreadCpu.Milliseconds() : null;
                    var start = Stopwatch.GetTimestamp();
                    var result = pipeline.Run(engine, new PipelineQuestion(questions[i].Text));
                    latencies[(pass * questions.Count) + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (measureCpu)
                        cpu[(pass * questions.Count) + i] = Farun.Law.Evaluation.ThreadCpu.Milliseconds()!.Value - cpuStart!.Value;
                    if (pass > 0)
                        continue;
                    var answer = result.Answer;
                    kinds[answer.Kind.ToString()] = kinds.GetValueOrDefault(answer.Kind.ToString()) + 1;
                    domains[answer.Domain.Domain.ToString()] = domains.GetValueOrDefault(answer.Domain.Domain.ToString()) + 1;
                    var relevant = questions[i].References.Select(resolver.Resolve).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    if (answer.Articles.Any(a => relevant.Contains(a.Article.ArticleId)))
                        hits++;
                }
            }

            var figures = LatencyFigures.From(latencies, watch.Elapsed.TotalSeconds);
            var cpuFigures = measureCpu ? LatencyFigures.From(cpu, cpu.Sum() / 1000) : null;
            var search = new double[questions.Count];
            watch.Restart();
            for (var i = 0; i < questions.Count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                engine.Search(new SearchRequest(questions[i].Text, AssistantPipeline.RetrieveCount));
                search[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            var searchFigures = LatencyFigures.From(search, watch.Elapsed.TotalSeconds);
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
            log.WriteLine($"Default answer over {figures.Count} questions: {figures}; load average {load}");
            if (cpuFigures is not null)
                log.WriteLine($"Default answer, CPU time of the answering thread: {cpuFigures}");
            log.WriteLine($"Retrieval alone (top {AssistantPipeline.RetrieveCount}), one pass: {searchFigures}");
            log.WriteLine($"Kinds: {string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"))}");
            return new AssistantBenchmarkResult(documentCount, buildSeconds, trainSeconds, train.Count, figures, cpuFigures, searchFigures, kinds, domains,
                (double)hits / questions.Count, load);
        }
        finally
        {
            if (!keep)
            {
                try
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Temporary folder.
                }
            }
        }
    }
}
