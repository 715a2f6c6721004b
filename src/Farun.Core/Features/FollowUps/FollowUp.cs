using System.Security.Cryptography;
using System.Text;
using Farun.Common.Calendar;
using Farun.Features.Cases;
using Farun.Features.Services;

namespace Farun.Features.FollowUps;

/// <summary>The five levels of 好差评, worst to best.</summary>
public enum SatisfactionLevel
{
    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,

    /// <summary>基本满意.</summary>
    BasicallySatisfied = 3,

    /// <summary>满意.</summary>
    Satisfied = 4,

    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}

/// <summary>How a follow-up reached the person served.</summary>
public enum FollowUpMethod
{
    /// <summary>电话回访, by someone other than the handler.</summary>
    Phone = 1,

    /// <summary>网上评价链接 (sent by SMS), rated by the person served.</summary>
    OnlineLink = 2,
}

public enum FollowUpStatus
{
    /// <summary>待回访.</summary>
    Pending = 1,

    /// <summary>已评价.</summary>
    Rated = 2,

    /// <summary>多次未接通，无法回访.</summary>
    Unreachable = 3,
}

/// <summary>The satisfaction rules of the district: what counts as satisfied, what opens a rectification, how the rate is defined.</summary>
public static class Satisfaction
{
    /// <summary>Calls without an answer after which a follow-up is given up (the rating is then not counted).</summary>
    public const int MaxPhoneAttempts = 3;

    /// <summary>The definition shown next to every satisfaction rate.</summary>
    public const string RateDefinition =
        "满意率 =（非常满意 + 满意 + 基本满意）件数 ÷ 参评件数 × 100%，保留一位小数。参评件数为统计期内首次回访作出评价的服务事项件数（每件只计首次评价）；" +
        "无法回访、拒绝评价的不计入；差评整改后的再次回访结果单独统计，不替换首次评价。（示例口径，参照《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号））";

    public static bool IsBad(this SatisfactionLevel level) => level <= SatisfactionLevel.Dissatisfied;

    public static bool CountsAsSatisfied(this SatisfactionLevel level) => level >= SatisfactionLevel.BasicallySatisfied;

    public static string DisplayName(this SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => "非常满意",
        SatisfactionLevel.Satisfied => "满意",
        SatisfactionLevel.BasicallySatisfied => "基本满意",
        SatisfactionLevel.Dissatisfied => "不满意",
        SatisfactionLevel.VeryDissatisfied => "非常不满意",
        _ => level.ToString(),
    };

    public static string DisplayName(this FollowUpMethod m) => m switch
    {
        FollowUpMethod.Phone => "电话回访",
        FollowUpMethod.OnlineLink => "网上评价",
        _ => m.ToString(),
    };

    public static string DisplayName(this FollowUpStatus s) => s switch
    {
        FollowUpStatus.Pending => "待回访",
        FollowUpStatus.Rated => "已评价",
        FollowUpStatus.Unreachable => "无法回访",
        _ => s.ToString(),
    };

    /// <summary>Whether a case that reaches <paramref name="state"/> (no longer open) gets a follow-up: not when it continues
    /// elsewhere (converted, referred out) or was withdrawn by the applicant.</summary>
    public static bool FollowsUp(CaseState state) => state is not (CaseState.Converted or CaseState.ReferredOut or CaseState.Withdrawn);

    /// <summary>SHA-256 of a rating-link token, the only form in which it is stored.</summary>
    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Thrown when a follow-up step is not allowed now (already rated, rectification already done).</summary>
public sealed class FollowUpStateException(string message) : Exception(message);

/// <summary>
/// A follow-up task (回访) of a finished case: the first when it closes, a further one after each rectification. Done by
/// phone by someone other than the handler, or by the person served through an online rating link.
/// </summary>
public sealed class FollowUp
{
    private FollowUp()
    {
    }

    private FollowUp(Case c, Guid? handlerId, string? handlerName, int round, Guid? afterRectificationId, Deadline due, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CaseId = c.Id;
        CaseNumber = c.Number;
        CaseType = c.Type;
        ServicePointId = c.ServicePointId;
        HandlerId = handlerId;
        HandlerName = handlerName;
        Round = round;
        AfterRectificationId = afterRectificationId;
        DueOn = due.Due;
        Basis = due.LegalBasis;
        CreatedAt = now;
        Status = FollowUpStatus.Pending;
    }

    /// <summary>The first follow-up of a case that has just finished; the handler is its assignee, or whoever finished it.</summary>
    public static FollowUp ForClosure(Case c, CaseContext ctx, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(rules);
        var p = rules.FollowUp;
        var handlerId = c.AssigneeId ?? ctx.Actor.UserId;
        var handlerName = c.AssigneeId is not null ? c.AssigneeName : ctx.Actor.Name;
        return new FollowUp(c, handlerId, handlerName, 1, null, Deadline.Compute(ctx.Calendar, p.Kind, p.Days, ctx.Today, p.Source), ctx.Now);
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public CaseType CaseType { get; private set; }

    public Guid ServicePointId { get; private set; }

    /// <summary>The staff member whose service is rated (and who may not make the phone follow-up).</summary>
    public Guid? HandlerId { get; private set; }

    public string? HandlerName { get; private set; }

    /// <summary>1 for the follow-up on closure, 2 after the first rectification, and so on.</summary>
    public int Round { get; private set; }

    public Guid? AfterRectificationId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string Basis { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public FollowUpMethod? Method { get; private set; }

    public SatisfactionLevel? Level { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public Guid? RatedById { get; private set; }

    public string? RatedByName { get; private set; }

    public int PhoneAttempts { get; private set; }

    public string? LinkTokenHash { get; private set; }

    public DateTimeOffset? LinkIssuedAt { get; private set; }

    /// <summary>Whether <paramref name="actor"/> may make the phone follow-up: staff other than the handler.</summary>
    public bool MayCall(CaseActor actor) => actor is { IsStaff: true, UserId: { } id } && id != HandlerId;

    /// <summary>Records a phone follow-up's rating; a bad rating opens a rectification with its own deadline.</summary>
    public Rectification? RecordPhoneRating(CaseActor caller, SatisfactionLevel level, string? comment, CaseContext ctx, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayCall(caller))
            throw new FollowUpStateException("回访须由承办人以外的工作人员进行。");
        return Rate(FollowUpMethod.Phone, level, comment, caller.UserId, caller.Name, ctx, rules);
    }

    /// <summary>Records the rating given through the online link; the link is used up.</summary>
    public Rectification? RecordOnlineRating(string token, SatisfactionLevel level, string? comment, CaseContext ctx, ServiceRules rules)
    {
        if (LinkTokenHash is null || !string.Equals(LinkTokenHash, Satisfaction.HashToken(token), StringComparison.Ordinal))
            throw new FollowUpStateException("评价链接无效。");
        var r = Rate(FollowUpMethod.OnlineLink, level, comment, null, "服务对象（网上评价）", ctx, rules);
        LinkTokenHash = null;
        return r;
    }

    /// <summary>Issues a new online rating link (any earlier link stops working); returns the token to send.</summary>
    public string IssueLink(DateTimeOffset now)
    {
        EnsurePending();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        LinkTokenHash = Satisfaction.HashToken(token);
        LinkIssuedAt = now;
        return token;
    }

    /// <summary>A call nobody answered; after <see cref="Satisfaction.MaxPhoneAttempts"/> the follow-up is given up.</summary>
    public void RecordNoAnswer(CaseActor caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        EnsurePending();
        if (!MayCall(caller))
            throw new FollowUpStateException("回访须由承办人以外的工作人员进行。");
        PhoneAttempts++;
        if (PhoneAttempts >= Satisfaction.MaxPhoneAttempts)
            Status = FollowUpStatus.Unreachable;
    }

    public bool IsOverdueOn(DateOnly today) => Status == FollowUpStatus.Pending && today > DueOn;

    private Rectification? Rate(FollowUpMethod method, SatisfactionLevel level, string? comment, Guid? byId, string byName, CaseContext ctx, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(rules);
        EnsurePending();
        if (!Enum.IsDefined(level))
            throw new CaseFieldException("level", "请选择评价等级：非常满意、满意、基本满意、不满意、非常不满意。");
        if (level.IsBad() && string.IsNullOrWhiteSpace(comment))
            throw new CaseFieldException("comment", "评价为不满意或非常不满意的，请记录不满意的具体原因，以便整改。");
        Status = FollowUpStatus.Rated;
        Method = method;
        Level = level;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = ctx.Now;
        RatedById = byId;
        RatedByName = byName;
        if (!level.IsBad())
            return null;
        var p = rules.Rectification;
        return new Rectification(this, Deadline.Compute(ctx.Calendar, p.Kind, p.Days, ctx.Today, p.Source), ctx.Now);
    }

    private void EnsurePending()
    {
        if (Status != FollowUpStatus.Pending)
            throw new FollowUpStateException($"该回访已{Status.DisplayName()}，不能重复操作。");
    }

    internal static FollowUp After(Rectification r, Case c, Deadline due, DateTimeOffset now, int round) =>
        new(c, r.ResponsibleId, r.ResponsibleName, round, r.Id, due, now);
}

/// <summary>A rectification task (整改) opened by a rating of 不满意 or worse: the handler (or their manager) records the
/// measures by the deadline, and a further follow-up is scheduled.</summary>
public sealed class Rectification
{
    private Rectification()
    {
    }

    internal Rectification(FollowUp f, Deadline due, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        FollowUpId = f.Id;
        CaseId = f.CaseId;
        CaseNumber = f.CaseNumber;
        ServicePointId = f.ServicePointId;
        ResponsibleId = f.HandlerId;
        ResponsibleName = f.HandlerName;
        Round = f.Round;
        Problem = $"{f.Level!.Value.DisplayName()}：{f.Comment}";
        DueOn = due.Due;
        Basis = due.LegalBasis;
        OpenedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid FollowUpId { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public Guid ServicePointId { get; private set; }

    public Guid? ResponsibleId { get; private set; }

    public string? ResponsibleName { get; private set; }

    /// <summary>The round of the follow-up that opened it.</summary>
    public int Round { get; private set; }

    public string Problem { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public string Basis { get; private set; } = "";

    public DateTimeOffset OpenedAt { get; private set; }

    public string? Measures { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedByName { get; private set; }

    public bool CompletedOnTime { get; private set; }

    public bool IsOpen => CompletedAt is null;

    /// <summary>Records the measures taken and schedules the next follow-up (再次回访).</summary>
    public FollowUp Complete(Case c, string measures, CaseContext ctx, ServiceRules rules)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(rules);
        if (!IsOpen)
            throw new FollowUpStateException("该整改已完成。");
        if (string.IsNullOrWhiteSpace(measures))
            throw new CaseFieldException("measures", "请填写整改措施。");
        Measures = measures.Trim();
        CompletedAt = ctx.Now;
        CompletedByName = ctx.Actor.Name;
        CompletedOnTime = ctx.Today <= DueOn;
        var p = rules.FollowUp;
        return FollowUp.After(this, c, Deadline.Compute(ctx.Calendar, p.Kind, p.Days, ctx.Today, $"差评整改后再次回访；{p.Source}"), ctx.Now, Round + 1);
    }
}

/// <summary>A closed case drawn at random for quality review (质量评查), scored as a third-party reviewer would.</summary>
public sealed class QualityReview
{
    private QualityReview()
    {
    }

    public QualityReview(Case c, string batch, string sampledBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        Id = Guid.CreateVersion7(now);
        CaseId = c.Id;
        CaseNumber = c.Number;
        CaseType = c.Type;
        ServicePointId = c.ServicePointId;
        HandlerName = c.AssigneeName;
        Batch = batch;
        SampledAt = now;
        SampledByName = sampledBy;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public CaseType CaseType { get; private set; }

    public Guid ServicePointId { get; private set; }

    public string? HandlerName { get; private set; }

    /// <summary>The sampling batch, e.g. 2026-11 (each case is sampled at most once).</summary>
    public string Batch { get; private set; } = "";

    public DateTimeOffset SampledAt { get; private set; }

    public string SampledByName { get; private set; } = "";

    public int? Score { get; private set; }

    /// <summary>Points per criterion as "key=points;…".</summary>
    public string? Breakdown { get; private set; }

    public string? Comment { get; private set; }

    public string? ReviewerName { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Scores the case against <paramref name="standard"/> (every criterion, within its points).</summary>
    public int Record(Farun.Features.LegalAid.QualityStandard standard, IReadOnlyDictionary<string, int> points, string? comment, string reviewer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (ReviewedAt is not null)
            throw new FollowUpStateException("该事项已评查。");
        var score = standard.Score(points);
        Score = score;
        Breakdown = string.Join(';', standard.Criteria.Select(c => $"{c.Key}={points[c.Key]}"));
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ReviewerName = reviewer;
        ReviewedAt = now;
        return score;
    }
}
