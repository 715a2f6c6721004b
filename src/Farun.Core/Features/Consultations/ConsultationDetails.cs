namespace Farun.Features.Consultations;

/// <summary>The legal domain of a consultation (also a lawyer's specialty).</summary>
public enum LegalDomain
{
    /// <summary>劳动.</summary>
    Labour = 1,

    /// <summary>婚姻家庭.</summary>
    MarriageFamily = 2,

    /// <summary>借贷合同.</summary>
    LoanContract = 3,

    /// <summary>交通事故.</summary>
    TrafficAccident = 4,

    /// <summary>房产物业.</summary>
    RealEstate = 5,

    /// <summary>消费.</summary>
    Consumer = 6,

    /// <summary>侵权.</summary>
    Tort = 7,

    /// <summary>刑事.</summary>
    Criminal = 8,

    /// <summary>行政.</summary>
    Administrative = 9,

    /// <summary>继承.</summary>
    Inheritance = 10,

    /// <summary>其他.</summary>
    Other = 99,
}

public static class LegalDomainNames
{
    public static string DisplayName(this LegalDomain domain) => domain switch
    {
        LegalDomain.Labour => "劳动",
        LegalDomain.MarriageFamily => "婚姻家庭",
        LegalDomain.LoanContract => "借贷合同",
        LegalDomain.TrafficAccident => "交通事故",
        LegalDomain.RealEstate => "房产物业",
        LegalDomain.Consumer => "消费",
        LegalDomain.Tort => "侵权",
        LegalDomain.Criminal => "刑事",
        LegalDomain.Administrative => "行政",
        LegalDomain.Inheritance => "继承",
        LegalDomain.Other => "其他",
        _ => domain.ToString(),
    };
}

/// <summary>A consultation's own data (法律咨询), one row per consultation case.</summary>
public sealed class ConsultationDetails
{
    public const int MaxQuestionLength = 4000;
    public const int MaxAnswerLength = 8000;

    private ConsultationDetails()
    {
    }

    internal ConsultationDetails(Guid caseId, string question, LegalDomain domain)
    {
        CaseId = caseId;
        Question = question;
        Domain = domain;
    }

    public Guid CaseId { get; private set; }

    public string Question { get; private set; } = "";

    public LegalDomain Domain { get; private set; }

    public string? AnswerSummary { get; private set; }

    /// <summary>How long the consultation took, in minutes.</summary>
    public int? DurationMinutes { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? AnsweredByName { get; private set; }

    public string? CloseReason { get; private set; }

    /// <summary>The case this consultation became (legal aid now, mediation next).</summary>
    public Guid? ConvertedToCaseId { get; private set; }

    public List<ConsultationCitation> Citations { get; private set; } = [];

    internal void SetAnswer(ConsultationAnswer answer, DateTimeOffset at, string by)
    {
        AnswerSummary = answer.Summary.Trim();
        DurationMinutes = answer.DurationMinutes;
        AnsweredAt = at;
        AnsweredByName = by;
        Citations.Clear();
        var ordinal = 0;
        foreach (var c in answer.Citations)
            Citations.Add(new ConsultationCitation(CaseId, ++ordinal, c));
    }

    internal void SetClosed(string reason) => CloseReason = reason;

    internal void SetConverted(Guid caseId) => ConvertedToCaseId = caseId;
}

/// <summary>An article cited in an answer, resolved through the citation parser into the law library when possible.</summary>
/// <param name="Cited">The citation as written, e.g. 《劳动合同法》第八十二条.</param>
/// <param name="LawId">The law in the library, when resolved.</param>
/// <param name="LawTitle">Its title.</param>
/// <param name="ArticleKey">The article key (82, 82-1 …).</param>
/// <param name="ArticleDisplay">第八十二条.</param>
/// <param name="Url">The article's permalink in the library.</param>
/// <param name="Problem">Why it could not be resolved.</param>
public sealed record CitedArticle(string Cited, Guid? LawId, string? LawTitle, string? ArticleKey, string? ArticleDisplay, string? Url, string? Problem);

/// <summary>The answer to a consultation.</summary>
public sealed record ConsultationAnswer(string Summary, IReadOnlyList<CitedArticle> Citations, int? DurationMinutes);

/// <summary>What the hotline agent or window records at intake; with an answer the consultation is answered at once.</summary>
public sealed record ConsultationIntake(string Question, LegalDomain Domain, ConsultationAnswer? Answer);

public sealed class ConsultationCitation
{
    private ConsultationCitation()
    {
    }

    internal ConsultationCitation(Guid caseId, int ordinal, CitedArticle c)
    {
        Id = Guid.CreateVersion7();
        CaseId = caseId;
        Ordinal = ordinal;
        Cited = c.Cited;
        LawId = c.LawId;
        LawTitle = c.LawTitle;
        ArticleKey = c.ArticleKey;
        ArticleDisplay = c.ArticleDisplay;
        Url = c.Url;
        Problem = c.Problem;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public int Ordinal { get; private set; }

    public string Cited { get; private set; } = "";

    public Guid? LawId { get; private set; }

    public string? LawTitle { get; private set; }

    public string? ArticleKey { get; private set; }

    public string? ArticleDisplay { get; private set; }

    public string? Url { get; private set; }

    public string? Problem { get; private set; }

    public bool IsResolved => Url is not null;
}
