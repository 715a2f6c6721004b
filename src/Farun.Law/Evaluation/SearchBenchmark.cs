using System.Diagnostics;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.Law.Search;
using Lucene.Net.Store;

namespace Farun.Law.Evaluation;

/// <summary>Figures of an in-process latency run.</summary>
/// <param name="Documents">Documents indexed.</param>
/// <param name="IndexBuildSeconds">Index build time.</param>
/// <param name="TrainSeconds">Model training time (0 without training data).</param>
/// <param name="Queries">Searches run.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P90Ms">90th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Slowest search.</param>
/// <param name="QueriesPerSecond">Throughput of one thread.</param>
/// <param name="CpuP50Ms">Median CPU time of the searching thread (null where not measurable).</param>
/// <param name="CpuP99Ms">99th percentile of the CPU time of the searching thread.</param>
/// <param name="LoadAverage">The machine's one-minute load average at the end of the run (Linux).</param>
/// <param name="WorkingSetMb">Process working set after the run.</param>
/// <param name="PeakWorkingSetMb">Peak working set of the process.</param>
/// <param name="ManagedHeapMb">Managed heap after a full collection.</param>
public sealed record BenchmarkResult(
    int Documents, double IndexBuildSeconds, double TrainSeconds, int Queries, double P50Ms, double P90Ms, double P99Ms, double MaxMs,
    double QueriesPerSecond, double? CpuP50Ms, double? CpuP99Ms, string? LoadAverage, double WorkingSetMb, double PeakWorkingSetMb, double ManagedHeapMb);

/// <summary>Measures in-process search latency the way the API searches (top results with snippets and explanations).</summary>
public static class SearchBenchmark
{
    /// <summary>Builds the index from the law tree (on disk, as in production), trains if asked, then times searches.</summary>
    public static BenchmarkResult Run(string lawsDirectory, string queriesPath, string? trainPath, LawScope scope, RetrievalOptions options, int count, int top, TextWriter log, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var corpus = LawCorpus.Load(lawsDirectory, scope);
        var documents = SearchDocuments.FromCorpus(corpus).ToList();
        var folder = Path.Combine(Path.GetTempPath(), "farun-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            IndexBuildResult build;
            using (var dir = FSDirectory.Open(folder))
            {
                build = LawIndexBuilder.Build(dir, documents, options.Analyzers, ct);
            }

            documents = null;
            log.WriteLine($"Index: {build.Documents} documents built in {build.Elapsed.TotalSeconds:F1} s");
            using var index = LawIndex.Open(FSDirectory.Open(folder), ownsDirectory: true);
            var names = LawNameIndex.FromLaws(corpus.Laws);
            var vocabulary = options.Expand ? LayVocabulary.Default : LayVocabulary.Empty;
            var watch = Stopwatch.StartNew();
            IReadOnlyList<LabelledQuestion> train = [];
            if (trainPath is not null)
            {
                var resolver = new ReferenceResolver(names, index.HasCurrentArticle);
                train = StardFile.ToLabelled(StardFile.Load(trainPath), resolver.Resolve, "train:");
            }

            using var model = SearchModelTrainer.Train(index, names, vocabulary, train, options);
            var trainSeconds = watch.Elapsed.TotalSeconds;
            log.WriteLine($"Model: {train.Count} labelled questions, trained in {trainSeconds:F1} s");
            using var engine = new StatuteSearchEngine(index, names, vocabulary, model, options);
            var questions = StardFile.Load(queriesPath).Select(q => q.Text).ToArray();
            corpus = null;

            // Warm up (JIT, caches), then measure.
            foreach (var q in questions.Take(50))
            {
                engine.Search(new SearchRequest(q, top));
            }

            var latencies = new double[count];
            var measureCpu = ThreadCpu.Milliseconds() is not null;
            var cpu = new double[measureCpu ? count : 0];
            var stages = new double[count][];
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            watch.Restart();
            for (var i = 0; i < count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var cpuStart = measureCpu ? ThreadCpu.Milliseconds()!.Value : 0;
                var start = Stopwatch.GetTimestamp();
                engine.Search(new SearchRequest(questions[i % questions.Length], top));
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                stages[i] = Profile.LastQuery();
                if (measureCpu)
                {
                    cpu[i] = ThreadCpu.Milliseconds()!.Value - cpuStart;
                }
            }

            var elapsed = watch.Elapsed.TotalSeconds;
            log.WriteLine($"Garbage collections during the run: gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}");
            if (Profile.IsEnabled)
            {
                // Where the slowest 1 % spend their time, against the median query.
                var order = Enumerable.Range(0, count).OrderBy(i => latencies[i]).ToArray();
                string Mean(IEnumerable<int> ids) => string.Join("  ", Enumerable.Range(0, stages[order[0]].Length)
                    .Select(s => $"s{s}={ids.Average(i => stages[i][s]):F1}"));
                log.WriteLine("Stages of the slowest 1 % (ms): " + Mean(order[^Math.Max(1, count / 100)..]));
                log.WriteLine("Stages of the middle 10 % (ms): " + Mean(order[(count * 45 / 100)..(count * 55 / 100)]));
                foreach (var i in order[^5..])
                {
                    log.WriteLine($"  slow: {latencies[i]:F1} ms ({string.Join(" ", stages[i].Select(x => x.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}) {questions[i % questions.Length]}");
                }
            }

            Array.Sort(latencies);
            Array.Sort(cpu);
            double P(double p) => latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * p))];
            double? Cpu(double p) => measureCpu ? cpu[Math.Min(cpu.Length - 1, (int)(cpu.Length * p))] : null;
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var result = new BenchmarkResult(build.Documents, build.Elapsed.TotalSeconds, trainSeconds, count, P(0.5), P(0.9), P(0.99), latencies[^1],
                count / elapsed, Cpu(0.5), Cpu(0.99), load, process.WorkingSet64 / 1048576.0, process.PeakWorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0);
            log.WriteLine($"Latency over {count} searches (top {top}): p50 {result.P50Ms:F1} ms, p90 {result.P90Ms:F1} ms, p99 {result.P99Ms:F1} ms, max {result.MaxMs:F1} ms; {result.QueriesPerSecond:F0} searches/s on one thread; load average {load}");
            if (measureCpu)
            {
                log.WriteLine($"CPU time of the searching thread: p50 {result.CpuP50Ms:F1} ms, p99 {result.CpuP99Ms:F1} ms");
            }

            if (Profile.Report() is { Length: > 0 } profile)
            {
                log.WriteLine("Stages (all searches incl. warm-up): " + profile);
            }

            log.WriteLine($"Memory: working set {result.WorkingSetMb:F0} MB (peak {result.PeakWorkingSetMb:F0} MB, includes corpus loading and training), managed heap {result.ManagedHeapMb:F0} MB");
            return result;
        }
        finally
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
