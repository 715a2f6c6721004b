namespace Farun.Features.Complaints;

/// <summary>Who a complaint is about.</summary>
public enum ComplaintSubjectKind
{
    /// <summary>律师 (the lawyer registry).</summary>
    Lawyer = 1,

    /// <summary>公证员 (a notary's staff account).</summary>
    Notary = 2,

    /// <summary>人民调解员 (the mediator registry).</summary>
    Mediator = 3,

    /// <summary>工作人员 (a staff account).</summary>
    Staff = 4,
}

/// <summary>Whether the matter is a complaint or a petition (信访).</summary>
public enum ComplaintKind
{
    /// <summary>投诉.</summary>
    Complaint = 1,

    /// <summary>信访.</summary>
    Petition = 2,
}

/// <summary>What the investigation found.</summary>
public enum ComplaintOutcome
{
    /// <summary>投诉属实.</summary>
    Substantiated = 1,

    /// <summary>部分属实.</summary>
    PartlySubstantiated = 2,

    /// <summary>投诉不属实.</summary>
    Unsubstantiated = 3,
}

/// <summary>The person complained about, resolved from a registry or the staff accounts.</summary>
/// <param name="Kind">Lawyer, notary, mediator or staff member.</param>
/// <param name="UserId">Their staff account, if they have one (a registry entry may have none).</param>
/// <param name="RegistryId">The lawyer or mediator registry id.</param>
/// <param name="Name">Their name.</param>
public sealed record ComplaintSubject(ComplaintSubjectKind Kind, Guid? UserId, Guid? RegistryId, string Name);

/// <summary>What is recorded when a complaint or petition is received.</summary>
public sealed record ComplaintIntake(ComplaintKind Kind, ComplaintSubject Subject, string Content, string? Demand);

/// <summary>A complaint's own data (投诉、信访), one row per complaint case.</summary>
public sealed class ComplaintDetails
{
    public const int MaxTextLength = 4000;

    private ComplaintDetails()
    {
    }

    internal ComplaintDetails(Guid caseId, ComplaintIntake i)
    {
        CaseId = caseId;
        Kind = i.Kind;
        SubjectKind = i.Subject.Kind;
        SubjectUserId = i.Subject.UserId;
        SubjectRegistryId = i.Subject.RegistryId;
        SubjectName = i.Subject.Name.Trim();
        Content = i.Content.Trim();
        Demand = string.IsNullOrWhiteSpace(i.Demand) ? null : i.Demand.Trim();
    }

    public Guid CaseId { get; private set; }

    public ComplaintKind Kind { get; private set; }

    public ComplaintSubjectKind SubjectKind { get; private set; }

    public Guid? SubjectUserId { get; private set; }

    public Guid? SubjectRegistryId { get; private set; }

    public string SubjectName { get; private set; } = "";

    /// <summary>投诉内容.</summary>
    public string Content { get; private set; } = "";

    /// <summary>投诉请求.</summary>
    public string? Demand { get; private set; }

    public string? InvestigationNote { get; internal set; }

    public DateTimeOffset? InvestigationStartedAt { get; internal set; }

    public ComplaintOutcome? Outcome { get; internal set; }

    /// <summary>The reply to the complainant.</summary>
    public string? Reply { get; internal set; }

    /// <summary>处理措施 taken against the subject (for substantiated complaints).</summary>
    public string? Measures { get; internal set; }

    public DateOnly? RepliedOn { get; internal set; }

    public string? RepliedByName { get; internal set; }
}

public static class ComplaintTexts
{
    public static string DisplayName(this ComplaintSubjectKind k) => k switch
    {
        ComplaintSubjectKind.Lawyer => "律师",
        ComplaintSubjectKind.Notary => "公证员",
        ComplaintSubjectKind.Mediator => "人民调解员",
        ComplaintSubjectKind.Staff => "工作人员",
        _ => k.ToString(),
    };

    public static string DisplayName(this ComplaintKind k) => k switch
    {
        ComplaintKind.Complaint => "投诉",
        ComplaintKind.Petition => "信访",
        _ => k.ToString(),
    };

    public static string DisplayName(this ComplaintOutcome o) => o switch
    {
        ComplaintOutcome.Substantiated => "属实",
        ComplaintOutcome.PartlySubstantiated => "部分属实",
        ComplaintOutcome.Unsubstantiated => "不属实",
        _ => o.ToString(),
    };
}
