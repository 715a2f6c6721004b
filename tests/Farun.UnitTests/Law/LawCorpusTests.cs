using System.Text;
using Farun.Law.Corpus;

namespace Farun.UnitTests.Law;

public class LawCorpusTests
{
    private static readonly Lazy<LawCorpus> All = new(() => LawCorpus.Load(TestPaths.FixtureCorpus, LawScope.All));

    [Fact]
    public void Load_AllScope_CountsLawsVersionsArticlesAndSkippedFiles()
    {
        var summary = All.Value.Summary;

        Assert.Equal(new CorpusSummary(Files: 12, Laws: 6, LawsWithArticles: 5, Versions: 8, InForceArticles: 20, DocumentsWithoutArticles: 1, Skipped: 2), summary);
    }

    [Fact]
    public void Load_NationalScope_SkipsDlcFolder()
    {
        var corpus = LawCorpus.Load(TestPaths.FixtureCorpus, LawScope.National);

        Assert.Equal(5, corpus.Summary.Laws);
        Assert.Equal(18, corpus.Summary.InForceArticles);
        Assert.DoesNotContain(corpus.Laws, l => l.Level == LawLevel.LocalRegulation);
        Assert.All(corpus.Laws.SelectMany(l => l.Versions).SelectMany(v => v.SourceFiles), f => Assert.False(f.StartsWith("DLC/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_RootFilesIndexesAndTemplate_AreNotLaws()
    {
        var files = All.Value.Laws.SelectMany(l => l.Versions).SelectMany(v => v.SourceFiles).ToList();

        Assert.DoesNotContain(files, f => f.EndsWith("_index.md", StringComparison.Ordinal) || f.Contains("法律法规模版", StringComparison.Ordinal) || !f.Contains('/', StringComparison.Ordinal));
        Assert.Null(All.Value.FindLaw("某条法律的标题"));
    }

    [Fact]
    public void Load_CivilCodeParts_FormOneVersionWithContinuousArticles()
    {
        var law = All.Value.FindLaw("民法典");

        Assert.NotNull(law);
        var version = Assert.Single(law.Versions);
        Assert.True(version.IsCurrent);
        Assert.Equal("中华人民共和国民法典", law.Title);
        Assert.Equal(3, version.SourceFiles.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], version.Articles.Select(a => a.Number.Key));
        Assert.Equal([1, 2, 3, 4, 5], version.Articles.Select(a => a.Ordinal));
        Assert.Equal(["总则", "第一章 基本规定"], version.Articles[0].Path);
        Assert.Equal(["物权编", "第一分编 通则", "第一章 一般规定"], version.Articles[2].Path);
        Assert.Equal(["附则"], version.Articles[4].Path);
        Assert.Equal(new DateOnly(2021, 1, 1), version.Date);
        Assert.Equal(["总则", "物权编", "附则"], version.Toc.Where(t => t.Level == 1).Select(t => t.Title));
        Assert.Equal("国家巩固和发展公有制经济。", version.FindArticle(new ArticleNumber(3))!.Text.Split('\n')[1]);
    }

    [Fact]
    public void Load_TwoDatedVersionsAndACopy_NewestIsCurrentAndCopiesCollapse()
    {
        var law = All.Value.FindLaw("劳动合同法");

        Assert.NotNull(law);
        Assert.Equal(2, law.Versions.Count);
        var (old, current) = (law.Versions[0], law.Versions[1]);
        Assert.False(old.IsCurrent);
        Assert.True(current.IsCurrent);
        Assert.Same(current, law.Current);
        Assert.Equal(new DateOnly(2008, 1, 1), old.Date);
        Assert.Equal(new DateOnly(2012, 12, 28), current.Date);
        Assert.Equal(["社会法/劳动合同法(2012-12-28).md", "行政法/劳动合同法(2012-12-28).md"], current.SourceFiles);
        Assert.Equal(["1", "2", "3", "3-1", "82"], current.Articles.Select(a => a.Number.Key));
        Assert.Equal(3, old.Articles.Count);
        Assert.Equal("社会法", law.Category);
        Assert.Equal(LawLevel.Law, law.Level);
        Assert.Null(law.Region);
        Assert.Equal("劳动合同法", law.ShortTitle);
        Assert.Contains("劳动合同法", law.Aliases);
        Assert.NotEqual(old.SourceHash, current.SourceHash);
    }

    [Fact]
    public void Load_UndatedCopyWithSameText_MergesIntoDatedVersion()
    {
        var law = All.Value.FindLaw("最高人民法院最高人民检察院关于办理测试案件适用法律若干问题的解释");

        Assert.NotNull(law);
        var version = Assert.Single(law.Versions);
        Assert.Equal(2, version.SourceFiles.Count);
        Assert.Equal(new DateOnly(2019, 1, 31), version.Date);
        Assert.Equal("最高人民法院 最高人民检察院关于办理测试案件适用法律若干问题的解释", law.Title);
        Assert.Equal(LawLevel.JudicialInterpretation, law.Level);
        Assert.Equal(2, version.Articles.Count);
    }

    [Fact]
    public void Load_UndatedVersionWithOtherText_IsOlderThanDatedVersion()
    {
        var law = All.Value.FindLaw("北京市测试条例");

        Assert.NotNull(law);
        Assert.Equal(LawLevel.LocalRegulation, law.Level);
        Assert.Equal("北京", law.Region);
        Assert.Equal("北京地方法规", law.Category);
        Assert.Equal(2, law.Versions.Count);
        Assert.Null(law.Versions[0].Date);
        Assert.Equal(new DateOnly(2022, 5, 25), law.Current.Date);
        Assert.Equal(2, law.Current.Articles.Count);
    }

    [Fact]
    public void Load_DocumentWithoutArticles_KeepsBody()
    {
        var law = All.Value.FindLaw("最高人民法院关于测试问题的批复");

        Assert.NotNull(law);
        Assert.Empty(law.Current.Articles);
        Assert.Contains("同意你院意见。", law.Current.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CriminalLaw_KeepsSuffixedArticlesAndDropsAttachment()
    {
        var law = All.Value.FindLaw("刑法");

        Assert.NotNull(law);
        Assert.Equal(LawLevel.Law, law.Level);
        Assert.Equal(["1", "287", "287-1", "287-2", "288", "452"], law.Current.Articles.Select(a => a.Number.Key));
        Assert.Equal("本法从1997年10月1日起施行。", law.Current.FindArticle(new ArticleNumber(452))!.Text);
        Assert.Equal(["第二编 分则", "第六章 妨害社会管理秩序罪"], law.Current.FindArticle(new ArticleNumber(287, 2))!.Path);
        Assert.Null(law.Current.FindArticle(new ArticleNumber(2)));
    }

    [Fact]
    public void Load_MalformedFiles_AreSkippedWithChineseReason()
    {
        var skipped = All.Value.Skipped.OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList();

        Assert.Equal(2, skipped.Count);
        Assert.Equal("行政法规/空文件(2020-01-01).md", skipped[0].RelativePath);
        Assert.Equal("文件为空", skipped[0].Reason);
        Assert.Equal("行政法规/缺少文件头结束标记的条例(2020-01-01).md", skipped[1].RelativePath);
        Assert.Contains("INFO END", skipped[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BinaryAndInvalidUtf8Files_AreSkippedAndLoadingContinues()
    {
        var root = Directory.CreateTempSubdirectory("farun-law-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "行政法规"));
            File.WriteAllBytes(Path.Combine(root, "行政法规", "乱码.md"), [0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28]);
            File.WriteAllText(Path.Combine(root, "行政法规", "二进制.md"), "# 标题\0\0\0<!-- INFO END -->", Encoding.UTF8);
            File.WriteAllText(Path.Combine(root, "行政法规", "测试条例.md"), "# 测试条例\n\n<!-- INFO END -->\n\n第一条 内容。\n", Encoding.UTF8);

            var corpus = LawCorpus.Load(root, LawScope.National);

            Assert.Equal(1, corpus.Summary.Laws);
            Assert.Equal(LawLevel.AdministrativeRegulation, corpus.Laws[0].Level);
            Assert.Equal(2, corpus.Skipped.Count);
            Assert.Contains(corpus.Skipped, s => s.RelativePath == "行政法规/乱码.md" && s.Reason.Contains("UTF-8", StringComparison.Ordinal));
            Assert.Contains(corpus.Skipped, s => s.RelativePath == "行政法规/二进制.md" && s.Reason.Contains("二进制", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Load_WithProgress_ReportsEveryFile()
    {
        var progress = new RecordingProgress();

        var corpus = LawCorpus.Load(TestPaths.FixtureCorpus, LawScope.All, progress);

        var reports = progress.Reports;
        Assert.Equal(corpus.Summary.Files + corpus.Summary.Skipped, reports.Count);
        Assert.All(reports, r => Assert.Equal(reports.Count, r.Total));
        Assert.Equal(reports.Count, reports.Max(r => r.Processed));
        Assert.Equal(reports.Count, reports.Select(r => r.CurrentFile).Distinct().Count());
    }

    [Fact]
    public void Load_MissingRoot_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => LawCorpus.Load(Path.Combine(TestPaths.FixtureCorpus, "不存在"), LawScope.All));
    }

    [Fact]
    public void DisplayName_EachLevel_ReturnsChineseName()
    {
        Assert.Equal("宪法", LawLevel.Constitution.DisplayName());
        Assert.Equal("法律", LawLevel.Law.DisplayName());
        Assert.Equal("行政法规", LawLevel.AdministrativeRegulation.DisplayName());
        Assert.Equal("司法解释", LawLevel.JudicialInterpretation.DisplayName());
        Assert.Equal("部门规章", LawLevel.DepartmentalRule.DisplayName());
        Assert.Equal("地方性法规", LawLevel.LocalRegulation.DisplayName());
    }

    private sealed class RecordingProgress : IProgress<CorpusProgress>
    {
        private readonly Lock _lock = new();
        private readonly List<CorpusProgress> _reports = [];

        public IReadOnlyList<CorpusProgress> Reports
        {
            get
            {
                lock (_lock)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(CorpusProgress value)
        {
            lock (_lock)
            {
                _reports.Add(value);
            }
        }
    }
}
