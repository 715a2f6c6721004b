using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.LegalAid;

namespace Farun.Web.Features.Cases;

/// <summary>
/// Local case-handling policy, configuration section <c>Farun:Cases</c>. Anything left out keeps the example default of
/// <see cref="CaseRules.Default"/>; every configured period, channel and standard names its source document.
/// </summary>
public sealed class CaseOptions
{
    public const string Section = "Farun:Cases";

    public PeriodOptions? ConsultationReply { get; set; }

    public PeriodOptions? MaterialsSupplement { get; set; }

    public GreenChannelOptions? GreenChannel { get; set; }

    public QualityOptions? Quality { get; set; }

    public SubsidyOptions? Subsidy { get; set; }

    public int? DueSoonWorkingDays { get; set; }

    /// <summary>Case numbers each app node reserves at a time (see <see cref="CaseNumberAllocator"/>): fewer writes to the
    /// shared counter, at the price of numbers out of creation order across nodes and an unused remainder (a gap) when a
    /// node stops. 1 takes every number from the counter in the creating transaction.</summary>
    public int NumberBlockSize { get; set; } = 20;

    /// <summary>Workers of the group commit of <c>POST /api/cases</c> (<see cref="CaseCreationBatcher"/>); 0 creates each case
    /// in its own request and transaction.</summary>
    public int CreateWorkers { get; set; } = 2;

    /// <summary>Most creations a worker saves in one transaction.</summary>
    public int CreateBatchMax { get; set; } = 16;

    /// <summary>How a new legal-aid application is assigned: Queue (default), RoundRobin or LeastLoaded.</summary>
    public AssignmentStrategy LegalAidAssignment { get; set; } = AssignmentStrategy.Queue;

    public sealed class PeriodOptions
    {
        public DeadlineKind Kind { get; set; } = DeadlineKind.WorkingDays;

        public int Days { get; set; }

        public string Source { get; set; } = "";
    }

    public sealed class GreenChannelOptions
    {
        public bool Enabled { get; set; } = true;

        public string Source { get; set; } = "";

        public int? ReviewDays { get; set; }
    }

    public sealed class QualityOptions
    {
        public List<CriterionOptions> Criteria { get; set; } = [];

        public string Source { get; set; } = "";
    }

    public sealed class CriterionOptions
    {
        public string Key { get; set; } = "";

        public string Name { get; set; } = "";

        public int MaxPoints { get; set; }
    }

    public sealed class SubsidyOptions
    {
        public List<RateOptions> Rates { get; set; } = [];

        public decimal TerminatedShare { get; set; } = 0.5m;

        public string Source { get; set; } = "";
    }

    public sealed class RateOptions
    {
        public LegalAidCategory Category { get; set; }

        public LegalAidStage Stage { get; set; }

        public decimal Amount { get; set; }
    }

    /// <summary>The rules in force; throws with every problem (in Chinese) when the configuration is inconsistent.</summary>
    public CaseRules ToRules()
    {
        var d = CaseRules.Default;
        var problems = new List<string>();
        var rules = d with
        {
            ConsultationReply = Period(ConsultationReply, d.ConsultationReply, "ConsultationReply", problems),
            MaterialsSupplement = Period(MaterialsSupplement, d.MaterialsSupplement, "MaterialsSupplement", problems),
            GreenChannel = GreenChannel is { } g
                ? new GreenChannelPolicy(g.Enabled, Required(g.Source, "GreenChannel:Source", problems), g.ReviewDays)
                : d.GreenChannel,
            Quality = Quality is { Criteria.Count: > 0 } q
                ? new QualityStandard([.. q.Criteria.Select(c => new QualityCriterion(c.Key, c.Name, c.MaxPoints))], Required(q.Source, "Quality:Source", problems))
                : d.Quality,
            Subsidy = Subsidy is { Rates.Count: > 0 } s
                ? new SubsidyStandard([.. s.Rates.Select(r => new SubsidyRate(r.Category, r.Stage, r.Amount))], s.TerminatedShare, Required(s.Source, "Subsidy:Source", problems))
                : d.Subsidy,
            DueSoonWorkingDays = DueSoonWorkingDays ?? d.DueSoonWorkingDays,
        };
        if (rules.GreenChannel.ReviewDays is < 0 or > LegalAidRules.ReviewDays)
            problems.Add($"{Section}:GreenChannel:ReviewDays 须在0到{LegalAidRules.ReviewDays}之间（不得长于法定审查期限）。");
        if (rules.DueSoonWorkingDays < 0)
            problems.Add($"{Section}:DueSoonWorkingDays 不能为负数。");
        problems.AddRange(rules.Quality.Validate().Select(p => $"{Section}:Quality：{p}"));
        problems.AddRange(rules.Subsidy.Validate().Select(p => $"{Section}:Subsidy：{p}"));
        if (problems.Count > 0)
            throw new InvalidOperationException("服务事项配置有误：" + string.Join("；", problems));
        return rules;
    }

    private static ConfiguredPeriod Period(PeriodOptions? o, ConfiguredPeriod fallback, string name, List<string> problems)
    {
        if (o is null)
            return fallback;
        if (o.Days is < 0 or > 365)
            problems.Add($"{Section}:{name}:Days 须在0到365之间。");
        return new ConfiguredPeriod(o.Kind, o.Days, Required(o.Source, $"{name}:Source", problems));
    }

    private static string Required(string? value, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
            problems.Add($"{Section}:{key} 未填写：配置的期限、政策和标准须注明依据。");
        return value ?? "";
    }
}
