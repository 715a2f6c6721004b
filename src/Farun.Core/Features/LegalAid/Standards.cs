using Farun.Features.Cases;

namespace Farun.Features.LegalAid;

/// <summary>One criterion of the quality assessment and the points it carries.</summary>
public sealed record QualityCriterion(string Key, string Name, int MaxPoints);

/// <summary>
/// The quality assessment of a closed legal-aid case (百分制): configurable criteria whose points add up to 100. The
/// default criteria are an example; a district sets its own from its assessment rules.
/// </summary>
public sealed record QualityStandard(IReadOnlyList<QualityCriterion> Criteria, string Source)
{
    public static readonly QualityStandard Default = new(
        [
            new("timeliness", "办案及时性", 20),
            new("communication", "与受援人沟通", 20),
            new("documents", "法律文书质量", 30),
            new("effect", "办案效果", 20),
            new("filing", "卷宗归档规范", 10),
        ],
        "本地法律援助案件质量评估办法（示例配置）");

    /// <summary>Problems with the configuration itself (duplicate keys, points not adding up to 100).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Criteria.Count == 0)
            problems.Add("质量评估标准没有任何评分项。");
        if (Criteria.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != Criteria.Count)
            problems.Add("质量评估标准的评分项编号重复。");
        if (Criteria.Any(c => c.MaxPoints <= 0))
            problems.Add("质量评估标准的每项分值须大于0。");
        if (Criteria.Sum(c => c.MaxPoints) != 100)
            problems.Add($"质量评估标准各项分值合计须为100分，现为{Criteria.Sum(c => c.MaxPoints)}分。");
        return problems;
    }

    /// <summary>The total of the given points, each checked against its criterion; every criterion must be scored.</summary>
    public int Score(IReadOnlyDictionary<string, int> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var unknown = points.Keys.Where(k => Criteria.All(c => c.Key != k)).ToList();
        if (unknown.Count > 0)
            throw new CaseFieldException("scores", $"未知的评分项：{string.Join("、", unknown)}。评分项为：{string.Join("、", Criteria.Select(c => $"{c.Key}（{c.Name}）"))}。");
        var total = 0;
        foreach (var c in Criteria)
        {
            if (!points.TryGetValue(c.Key, out var p))
                throw new CaseFieldException($"scores.{c.Key}", $"请为“{c.Name}”评分（0至{c.MaxPoints}分）。");
            if (p < 0 || p > c.MaxPoints)
                throw new CaseFieldException($"scores.{c.Key}", $"“{c.Name}”的得分须在0至{c.MaxPoints}分之间。");
            total += p;
        }

        return total;
    }
}

/// <summary>A subsidy amount for one category and stage.</summary>
public sealed record SubsidyRate(LegalAidCategory Category, LegalAidStage Stage, decimal Amount);

/// <summary>
/// 法律援助补贴标准: the amount paid for a closed case by category and stage, set by the province or city
/// (《法律援助法》第五十二条: 补贴标准由省、自治区、直辖市人民政府司法行政部门会同同级财政部门…确定). A terminated case gets
/// the configured share of it. The default rates are examples, not any province's figures.
/// </summary>
public sealed record SubsidyStandard(IReadOnlyList<SubsidyRate> Rates, decimal TerminatedShare, string Source)
{
    public static readonly SubsidyStandard Default = new(
        [
            new(LegalAidCategory.Criminal, LegalAidStage.Investigation, 1200m),
            new(LegalAidCategory.Criminal, LegalAidStage.Prosecution, 1200m),
            new(LegalAidCategory.Criminal, LegalAidStage.FirstInstance, 2000m),
            new(LegalAidCategory.Criminal, LegalAidStage.SecondInstance, 1800m),
            new(LegalAidCategory.Criminal, LegalAidStage.Review, 2500m),
            new(LegalAidCategory.Civil, LegalAidStage.Arbitration, 1500m),
            new(LegalAidCategory.Civil, LegalAidStage.FirstInstance, 2200m),
            new(LegalAidCategory.Civil, LegalAidStage.SecondInstance, 1800m),
            new(LegalAidCategory.Civil, LegalAidStage.NonLitigation, 800m),
            new(LegalAidCategory.Administrative, LegalAidStage.FirstInstance, 2200m),
            new(LegalAidCategory.Administrative, LegalAidStage.SecondInstance, 1800m),
            new(LegalAidCategory.Administrative, LegalAidStage.NonLitigation, 800m),
        ],
        0.5m,
        "本地法律援助补贴标准（示例配置，依《法律援助法》第五十二条由省级司法行政部门会同财政部门制定）");

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Rates.Any(r => r.Amount < 0))
            problems.Add("补贴金额不能为负数。");
        if (Rates.GroupBy(r => (r.Category, r.Stage)).Any(g => g.Count() > 1))
            problems.Add("补贴标准中同一类别和阶段出现多次。");
        if (TerminatedShare is < 0 or > 1)
            problems.Add("终止案件的补贴比例须在0到1之间。");
        return problems;
    }

    /// <summary>The subsidy for a case of <paramref name="category"/> closed at <paramref name="stage"/> with <paramref name="outcome"/>.</summary>
    public decimal Compute(LegalAidCategory category, LegalAidStage stage, ClosureOutcome outcome)
    {
        var rate = Rates.FirstOrDefault(r => r.Category == category && r.Stage == stage)
            ?? throw new CaseFieldException("stage", $"补贴标准中没有{category.DisplayName()}案件“{stage.DisplayName()}”阶段的标准，请核对办案阶段。");
        var amount = outcome == ClosureOutcome.Terminated ? rate.Amount * TerminatedShare : rate.Amount;
        return decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
    }
}
