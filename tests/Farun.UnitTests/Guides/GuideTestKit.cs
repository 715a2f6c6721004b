using Farun.Common.Calendar;
using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Citations;
using Farun.Law.Corpus;
using Farun.UnitTests.Law;
using Farun.Web.Features.Guides.Engine;

namespace Farun.UnitTests.Guides;

/// <summary>Shared pieces of the guide tests: a fixed clock, a small hand-made law library, the real one (a subset of
/// the shared corpus copied to a temporary folder), and a minimal valid guide to break in different ways.</summary>
internal static class GuideTestKit
{
    /// <summary>Monday 15 June 2026, a working day.</summary>
    public static readonly GuideClock Clock = new(new DateOnly(2026, 6, 15), WorkingDayCalendar.China);

    private static readonly Lazy<ILawArticleLookup> RealLaws = new(() =>
    {
        var root = GuideLawSubset.CopyTo(TestPaths.SharedCorpus, Path.GetTempPath());
        try
        {
            return new CorpusArticleLookup(LawCorpus.Load(root, LawScope.National));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    });

    /// <summary>The laws the shipped guides cite, from the shared corpus; skips (or fails under CI) without it.</summary>
    public static ILawArticleLookup CorpusLaws()
    {
        if (!Directory.Exists(TestPaths.SharedCorpus))
        {
            var reason = $"法律法规语料目录不存在：{TestPaths.SharedCorpus}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(reason);
            Skip.If(true, reason);
        }

        return RealLaws.Value;
    }

    /// <summary>A hand-made library: 法律援助法 articles 31 (one paragraph, three items), 32 and 43 (two paragraphs).</summary>
    public static ILawArticleLookup FakeLaws { get; } = new PreloadedArticleLookup(
        LawNameIndex.Create([new LawNameEntry("法律援助法", ["中华人民共和国法律援助法", "法律援助法"])]),
        new Dictionary<string, string> { ["法律援助法"] = "中华人民共和国法律援助法" },
        new Dictionary<(string, ArticleNumber), string>
        {
            [("法律援助法", new ArticleNumber(31, 0))] = "下列事项的当事人，因经济困难没有委托代理人的，可以向法律援助机构申请法律援助：\n（一）依法请求国家赔偿；\n（二）请求给予社会保险待遇或者社会救助；\n（三）请求发给抚恤金。",
            [("法律援助法", new ArticleNumber(32, 0))] = "有下列情形之一，当事人申请法律援助的，不受经济困难条件的限制：\n（一）英雄烈士近亲属为维护英雄烈士的人格权益；",
            [("法律援助法", new ArticleNumber(43, 0))] = "法律援助机构应当自收到法律援助申请之日起七日内进行审查。\n申请人提交的申请材料不齐全的，法律援助机构应当一次性告知。",
        });

    public const string ValidGuide = """
        id: test-guide
        version: 1
        title: 测试问卷
        summary: 用于测试的问卷
        audience: 开发人员
        parameters:
          - id: limit
            type: money
            label: 收入标准
            default: 1000
            source: 测试用
        questions:
          - id: kind
            type: choice
            text: 是哪一类事情？
            options:
              - value: a
                label: 甲类
              - value: b
                label: 乙类
            next:
              - if: kind == "a"
                goto: income
              - goto: done_b
          - id: income
            type: money
            text: 每月收入多少元？
            min: 0
            next:
              - if: income <= limit
                goto: done_a
              - goto: done_b
        computed:
          - id: double_income
            value: income * 2
        outcomes:
          - id: done_a
            verdict: eligible
            title: 符合条件，收入{{ income }}
            basis:
              - 《中华人民共和国法律援助法》第三十一条第二项
            action:
              kind: legal_aid
              label: 在线申请
              fields:
                matter: '"social_insurance"'
                means_test_exemption: '"none"'
                summary: '"测试"'
                income_per_capita: income
          - id: done_b
            verdict: not_eligible
            title: 不符合条件
            basis:
              - cite: 法律援助法第四十三条第一款
                why: 七日内审查
        """;

    public static IReadOnlyList<GuideDiagnostic> Diagnose(string yaml) => GuideValidator.ReadAndValidate(yaml, FakeLaws).Diagnostics;

    public static GuideDefinition Load(string yaml) => GuideValidator.Load(yaml, FakeLaws);

    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>.</summary>
    public static int LineOf(string yaml, string marker)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(marker, StringComparison.Ordinal))
                return i + 1;
        }

        throw new InvalidOperationException("marker not found: " + marker);
    }

    /// <summary>The 1-based column of <paramref name="marker"/> on its line.</summary>
    public static int ColumnOf(string yaml, string marker)
    {
        var line = yaml.Split('\n')[LineOf(yaml, marker) - 1];
        return line.IndexOf(marker, StringComparison.Ordinal) + 1;
    }

    public static GuideDiagnostic Single(IReadOnlyList<GuideDiagnostic> diagnostics, DiagnosticKind kind)
    {
        var matching = diagnostics.Where(d => d.Kind == kind).ToList();
        Assert.True(matching.Count == 1, $"expected one {kind}, got: {string.Join(" | ", diagnostics)}");
        return matching[0];
    }
}
