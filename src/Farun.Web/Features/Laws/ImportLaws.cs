using System.Text.Json;
using Farun.Data;
using Farun.Features.Laws;
using Farun.Law.Corpus;
using Microsoft.EntityFrameworkCore;
using LawArticle = Farun.Features.Laws.LawArticle;

namespace Farun.Web.Features.Laws;

/// <summary>What an import did. Unchanged versions are matched by source hash, so a second import of the same tree adds nothing.</summary>
public sealed record LawImportSummary(
    int Laws,
    int Versions,
    int InForceArticles,
    int DocumentsWithoutArticles,
    int NewLaws,
    int NewVersions,
    int UnchangedVersions,
    int ArticlesWritten,
    IReadOnlyList<SkippedFile> Skipped,
    TimeSpan ParseTime,
    TimeSpan WriteTime);

/// <summary>Imports a LawRefBook-style Markdown tree into the database: new laws, new versions, current-version flags.</summary>
public sealed class LawImporter(FarunDbContext db, LawCatalog catalog, ILogger<LawImporter> logger)
{
    private static readonly JsonSerializerOptions TocJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<LawImportSummary> ImportAsync(string root, LawScope scope, IProgress<(int Done, int Total, string? Item)>? progress, CancellationToken ct)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"找不到法律法规目录：{root}");

        var parseWatch = System.Diagnostics.Stopwatch.StartNew();
        var corpus = LawCorpus.Load(root, scope, progress is null ? null : new Progress<CorpusProgress>(p => progress.Report((p.Processed, p.Total, "解析 " + p.CurrentFile))));
        parseWatch.Stop();
        var result = await WriteAsync(corpus, progress, ct);
        return result with { ParseTime = parseWatch.Elapsed };
    }

    /// <summary>Writes a loaded corpus. Laws are matched by key, versions by (law, source hash); nothing is written
    /// for a law whose metadata and versions are unchanged.</summary>
    public async Task<LawImportSummary> WriteAsync(LawCorpus corpus, IProgress<(int Done, int Total, string? Item)>? progress, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Change tracking is explicit here: tens of thousands of inserts would make automatic detection quadratic.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var existing = await db.Laws.AsNoTracking().ToDictionaryAsync(l => l.Key, ct);
        var existingVersions = (await db.LawVersions.AsNoTracking()
                .Select(v => new { v.LawId, v.SourceHash, v.Id, v.IsCurrent })
                .ToListAsync(ct))
            .GroupBy(v => v.LawId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.SourceHash, v => (v.Id, v.IsCurrent)));

        int newLaws = 0, newVersions = 0, unchanged = 0, articlesWritten = 0, pending = 0, done = 0;
        foreach (var corpusLaw in corpus.Laws)
        {
            ct.ThrowIfCancellationRequested();
            var isNew = !existing.TryGetValue(corpusLaw.Key, out var law);
            if (law is null)
            {
                law = new Farun.Features.Laws.LawDocument(corpusLaw.Key, corpusLaw.Title, corpusLaw.ShortTitle, corpusLaw.Category, corpusLaw.Level.ToString(), corpusLaw.Region);
                newLaws++;
            }

            var known = existingVersions.GetValueOrDefault(law.Id) ?? [];
            Guid? currentId = null;
            foreach (var v in corpusLaw.Versions)
            {
                if (known.TryGetValue(v.SourceHash, out var found))
                {
                    unchanged++;
                    if (v.IsCurrent)
                        currentId = found.Id;
                    continue;
                }

                var version = new LawVersion(law.Id, v.Date, v.SourceHash, string.Join('|', v.SourceFiles))
                {
                    Body = v.Body,
                    TocJson = JsonSerializer.Serialize(v.Toc.Select(t => new TocItem(t.Level, t.Title, t.FirstArticle?.Key)), TocJson),
                    ArticleCount = v.Articles.Count,
                    IsCurrent = v.IsCurrent,
                };
                db.LawVersions.Add(version);
                foreach (var a in v.Articles)
                    db.LawArticles.Add(new LawArticle(version.Id, a.Number.Number, a.Number.Suffix, a.Ordinal, string.Join(" / ", a.Path), a.Text));
                articlesWritten += v.Articles.Count;
                pending += v.Articles.Count + 1;
                newVersions++;
                if (v.IsCurrent)
                    currentId = version.Id;
            }

            // Stored versions whose in-force flag changes because a newer version arrived.
            foreach (var (_, (id, isCurrent)) in known)
            {
                if (isCurrent != (id == currentId))
                {
                    var flag = id == currentId;
                    await db.LawVersions.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsCurrent, flag), ct);
                }
            }

            if (isNew | ApplyMetadata(law, corpusLaw, currentId))
            {
                if (isNew)
                    db.Laws.Add(law);
                else
                    db.Laws.Update(law);
                pending++;
            }

            done++;
            if (pending > 5000)
            {
                await FlushAsync(ct);
                pending = 0;
            }

            progress?.Report((done, corpus.Laws.Count, "写入 " + corpusLaw.Title));
        }

        await FlushAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        catalog.Invalidate();
        watch.Stop();
        var s = corpus.Summary;
        logger.LogInformation("Law import: {Laws} laws, {NewLaws} new, {NewVersions} new versions, {Unchanged} unchanged, {Skipped} skipped, in {Elapsed}",
            s.Laws, newLaws, newVersions, unchanged, s.Skipped, watch.Elapsed);
        return new LawImportSummary(s.Laws, s.Versions, s.InForceArticles, s.DocumentsWithoutArticles, newLaws, newVersions, unchanged,
            articlesWritten, corpus.Skipped, corpus.LoadTime, watch.Elapsed);
    }

    /// <summary>Copies the corpus metadata onto the law; true when anything changed.</summary>
    private static bool ApplyMetadata(Farun.Features.Laws.LawDocument law, CorpusLaw c, Guid? currentId)
    {
        var aliases = string.Join('|', c.Aliases);
        var names = string.Join('|', new[] { c.Title, c.ShortTitle }.Concat(c.Aliases).Distinct()).ToLowerInvariant();
        var level = c.Level.ToString();
        var changed = law.Aliases != aliases || law.SearchNames != names || law.Category != c.Category || law.Level != level
            || law.Region != c.Region || law.CurrentVersionId != currentId || law.CurrentVersionDate != c.Current.Date
            || law.CurrentArticleCount != c.Current.Articles.Count;
        law.Aliases = aliases;
        law.SearchNames = names;
        law.Category = c.Category;
        law.Level = level;
        law.Region = c.Region;
        law.CurrentVersionId = currentId;
        law.CurrentVersionDate = c.Current.Date;
        law.CurrentArticleCount = c.Current.Articles.Count;
        return changed;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

/// <summary>A table-of-contents heading as stored with a version.</summary>
public sealed record TocItem(int Level, string Title, string? First);
