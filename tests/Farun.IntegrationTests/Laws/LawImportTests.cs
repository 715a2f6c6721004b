using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Laws;

public sealed class LawImportTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_NationalCorpus_CountsWithinOnePercentOfReference(string provider)
    {
        var library = await ImportedLibrary.GetAsync(provider);
        await using var scope = library.Factory.Scope();
        var db = library.Factory.Db(scope);

        // 1,342 is the reference count of laws whose in-force version has numbered articles; the corpus also holds
        // about 80 documents without articles (刑法修正案, 批复), kept as whole documents.
        var laws = await db.Laws.CountAsync(l => l.CurrentArticleCount > 0);
        var inForce = await db.LawArticles.CountAsync(a => db.LawVersions.Any(v => v.Id == a.VersionId && v.IsCurrent));
        Assert.InRange(laws, 1342 * 0.99, 1342 * 1.01);
        Assert.InRange(inForce, 58591 * 0.99, 58591 * 1.01);
        Assert.Equal(library.First.InForceArticles, inForce);
        Assert.Equal(await db.Laws.CountAsync(), await db.Laws.CountAsync(l => l.CurrentVersionId != null));
        Assert.True(await db.LawVersions.CountAsync(v => v.IsCurrent && v.Body != null) > 50);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SecondTimeUnchanged_WritesNothing(string provider)
    {
        var library = await ImportedLibrary.GetAsync(provider);
        Assert.True(library.First.NewVersions > 0);
        Assert.Equal(0, library.Second.NewLaws);
        Assert.Equal(0, library.Second.NewVersions);
        Assert.Equal(0, library.Second.ArticlesWritten);
        Assert.Equal(library.First.NewVersions, library.Second.UnchangedVersions);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_CompanyLaw_KeepsBothVersionsWithNewestInForce(string provider)
    {
        var library = await ImportedLibrary.GetAsync(provider);
        await using var scope = library.Factory.Scope();
        var db = library.Factory.Db(scope);

        var law = await db.Laws.SingleAsync(l => l.Title == "中华人民共和国公司法");
        var versions = await db.LawVersions.Where(v => v.LawId == law.Id).OrderBy(v => v.Date).ToListAsync();
        Assert.True(versions.Count >= 2);
        Assert.True(versions[^1].IsCurrent);
        Assert.All(versions[..^1], v => Assert.False(v.IsCurrent));
        Assert.Equal(versions[^1].Id, law.CurrentVersionId);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_ChangedAndCorruptedFiles_AddsVersionAndReportsSkip(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new FarunFactory(database);
        _ = factory.Server;
        var root = Path.Combine(database.DataDir, "laws");
        var folder = Directory.CreateDirectory(Path.Combine(root, "社会法")).FullName;
        var lawFile = Path.Combine(folder, "示例保护法(2020-01-01).md");
        await File.WriteAllTextAsync(lawFile, "# 中华人民共和国示例保护法\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了示例，制定本法。\n\n第二条 本法自公布之日起施行。\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "损坏的文件.md"), "这不是法律文件\u0000\u0001");

        LawImportSummary first, second;
        await using (var scope = factory.Scope())
            first = await scope.ServiceProvider.GetRequiredService<LawImporter>().ImportAsync(root, LawScope.National, null, CancellationToken.None);
        Assert.Equal(1, first.NewLaws);
        Assert.Equal(2, first.ArticlesWritten);
        var skipped = Assert.Single(first.Skipped);
        Assert.Contains("损坏的文件.md", skipped.RelativePath);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Reason));

        // The same law, amended: a new dated file becomes a new version and takes over as the one in force.
        await File.WriteAllTextAsync(Path.Combine(folder, "示例保护法(2024-06-01).md"), "# 中华人民共和国示例保护法\n\n2024年6月1日 修订\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了示例，制定本法。\n\n第二条 国家保护示例。\n\n第三条 本法自2024年6月1日起施行。\n");
        await using (var scope = factory.Scope())
            second = await scope.ServiceProvider.GetRequiredService<LawImporter>().ImportAsync(root, LawScope.National, null, CancellationToken.None);
        Assert.Equal(0, second.NewLaws);
        Assert.Equal(1, second.NewVersions);
        Assert.Equal(1, second.UnchangedVersions);

        await using var check = factory.Scope();
        var db = factory.Db(check);
        var law = await db.Laws.SingleAsync();
        var versions = await db.LawVersions.Where(v => v.LawId == law.Id).OrderBy(v => v.Date).ToListAsync();
        Assert.Equal(2, versions.Count);
        Assert.False(versions[0].IsCurrent);
        Assert.True(versions[1].IsCurrent);
        Assert.Equal(3, law.CurrentArticleCount);
        Assert.Equal(new DateOnly(2024, 6, 1), law.CurrentVersionDate);
    }
}
