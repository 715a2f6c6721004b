using Farun.Features.Cases;

namespace Farun.Features.LegalAid;

/// <summary>The police, procuratorate or court notice that starts a notified defence (《法律援助法》第三十五条、第三十六条).</summary>
/// <param name="Authority">Police, procuratorate or court.</param>
/// <param name="AuthorityName">E.g. 示范区人民法院.</param>
/// <param name="NoticeNumber">The notice's document number.</param>
/// <param name="ReceivedOn">The day the notice was received; the 3-day assignment period runs from it.</param>
/// <param name="Reason">Why defence is mandatory.</param>
public sealed record LegalAidNotice(ExternalBody Authority, string AuthorityName, string NoticeNumber, DateOnly ReceivedOn, NoticeReason Reason);

/// <summary>An application as received (online, at a window, or converted from a consultation).</summary>
/// <param name="Matter">What aid is sought for.</param>
/// <param name="Description">The facts and the request, in the applicant's words.</param>
/// <param name="ReceivedOn">The day the application was received (the review period starts the next day).</param>
/// <param name="HardshipCommitment">The applicant's personal commitment on economic hardship (第四十一条).</param>
/// <param name="NoFixedIncome">The applicant has no fixed income (第四十二条第一项).</param>
/// <param name="LimitationDate">When a limitation period or procedural deadline ends, if one is near (第四十四条).</param>
/// <param name="Notice">For notified defence: the notice.</param>
/// <param name="ApplicantGroups">The applicant's special groups, which decide exemptions and the green channel.</param>
public sealed record LegalAidApplication(
    LegalAidMatter Matter,
    string Description,
    DateOnly ReceivedOn,
    bool HardshipCommitment,
    bool NoFixedIncome,
    DateOnly? LimitationDate,
    LegalAidNotice? Notice,
    Persons.SpecialGroups ApplicantGroups);

/// <summary>A legal-aid case's own data (法律援助), one row per legal-aid case.</summary>
public sealed class LegalAidDetails
{
    public const int MaxTextLength = 4000;

    private LegalAidDetails()
    {
    }

    internal LegalAidDetails(Guid caseId, LegalAidApplication a, MeansTest meansTest, string meansTestBasis, bool greenChannel, string? greenChannelSource)
    {
        CaseId = caseId;
        Matter = a.Matter;
        Description = a.Description.Trim();
        ReceivedOn = a.ReceivedOn;
        HardshipCommitment = a.HardshipCommitment;
        NoFixedIncome = a.NoFixedIncome;
        LimitationDate = a.LimitationDate;
        MeansTest = meansTest;
        MeansTestBasis = meansTestBasis;
        GreenChannel = greenChannel;
        GreenChannelSource = greenChannelSource;
        if (a.Notice is { } n)
        {
            NoticeAuthority = n.Authority;
            NoticeAuthorityName = n.AuthorityName.Trim();
            NoticeNumber = n.NoticeNumber.Trim();
            NoticeReceivedOn = n.ReceivedOn;
            NoticeReason = n.Reason;
        }
    }

    public Guid CaseId { get; private set; }

    public LegalAidMatter Matter { get; private set; }

    public string Description { get; private set; } = "";

    public DateOnly ReceivedOn { get; private set; }

    public bool HardshipCommitment { get; private set; }

    public bool NoFixedIncome { get; private set; }

    public DateOnly? LimitationDate { get; private set; }

    public MeansTest MeansTest { get; private set; }

    public string MeansTestBasis { get; private set; } = "";

    /// <summary>Handled through the migrant-worker green channel (local policy, <see cref="GreenChannelSource"/>).</summary>
    public bool GreenChannel { get; private set; }

    public string? GreenChannelSource { get; private set; }

    public ExternalBody? NoticeAuthority { get; private set; }

    public string? NoticeAuthorityName { get; private set; }

    public string? NoticeNumber { get; private set; }

    public DateOnly? NoticeReceivedOn { get; private set; }

    public NoticeReason? NoticeReason { get; private set; }

    /// <summary>The one-time notice of missing materials (第四十三条第二款).</summary>
    public string? MaterialsRequested { get; internal set; }

    public DateTimeOffset? MaterialsRequestedAt { get; internal set; }

    public DateTimeOffset? MaterialsCompletedAt { get; internal set; }

    /// <summary>Prior aid was granted (第四十四条) and on what ground.</summary>
    public bool PriorAid { get; internal set; }

    public string? PriorAidReason { get; internal set; }

    public DateTimeOffset? DecidedAt { get; internal set; }

    public string? DecidedByName { get; internal set; }

    public string? DecisionNote { get; internal set; }

    /// <summary>The reasons given in the refusal letter (第四十三条第一款: 书面告知申请人并说明理由).</summary>
    public string? RefusalReasons { get; internal set; }

    public DateOnly? ObjectionReceivedOn { get; internal set; }

    public string? ObjectionText { get; internal set; }

    /// <summary>True when the justice bureau upheld the refusal, false when it ordered correction (第四十九条).</summary>
    public bool? ObjectionUpheld { get; internal set; }

    public string? ObjectionDecisionReasons { get; internal set; }

    public Guid? LawyerId { get; internal set; }

    public string? LawyerName { get; internal set; }

    public Guid? LawFirmId { get; internal set; }

    public string? LawFirmName { get; internal set; }

    public DateTimeOffset? LawyerAssignedAt { get; internal set; }

    /// <summary>Why a possible conflict of interest was accepted at assignment.</summary>
    public string? ConflictOverrideReason { get; internal set; }

    public ClosureOutcome? Outcome { get; internal set; }

    public LegalAidStage? Stage { get; internal set; }

    public string? ClosureSummary { get; internal set; }

    public DateTimeOffset? ClosureSubmittedAt { get; internal set; }

    /// <summary>Quality score out of 100 and the points per criterion as "key=points;…".</summary>
    public int? QualityScore { get; internal set; }

    public string? QualityBreakdown { get; internal set; }

    /// <summary>The third-party quality review's score (质量评查), when the case was sampled.</summary>
    public int? ReviewScore { get; internal set; }

    /// <summary>The quality score with the review weighed in (see the review weight's source), or the closure score.</summary>
    public int? FinalQualityScore { get; internal set; }

    public decimal? Subsidy { get; internal set; }

    public string? SubsidySource { get; internal set; }
}
