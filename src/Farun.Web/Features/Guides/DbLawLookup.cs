using Farun.Data;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.Web.Features.Guides.Engine;
using Farun.Web.Features.Laws;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides;

/// <summary>Builds the validator's view of the law library from the database, for the citations of one guide.</summary>
public sealed class DbLawLookup(FarunDbContext db, LawCatalog catalog)
{
    public async Task<ILawArticleLookup> ForAsync(GuideDefinition guide, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        var parser = new CitationParser(snapshot.Names);
        var wanted = guide.Outcomes.SelectMany(o => o.Basis)
            .SelectMany(b => parser.Parse(b.Cite).Citations)
            .Where(c => c.LawKey is not null && snapshot.LawIdsByKey.ContainsKey(c.LawKey))
            .Select(c => (Key: c.LawKey!, c.ArticleNumber))
            .Distinct()
            .ToList();
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var articles = new Dictionary<(string Law, ArticleNumber Number), string>();
        foreach (var group in wanted.GroupBy(w => w.Key))
        {
            var lawId = snapshot.LawIdsByKey[group.Key];
            var law = await db.Laws.AsNoTracking().Where(l => l.Id == lawId).Select(l => new { l.Title, l.CurrentVersionId }).FirstAsync(ct);
            titles[group.Key] = law.Title;
            if (law.CurrentVersionId is not { } versionId)
                continue;
            var numbers = group.Select(g => g.ArticleNumber.Number).Distinct().ToList();
            var rows = await db.LawArticles.AsNoTracking()
                .Where(a => a.VersionId == versionId && numbers.Contains(a.Number))
                .Select(a => new { a.Number, a.Suffix, a.Text }).ToListAsync(ct);
            foreach (var r in rows)
                articles[(group.Key, new ArticleNumber(r.Number, r.Suffix))] = r.Text;
        }

        return new PreloadedArticleLookup(snapshot.Names, titles, articles);
    }
}
