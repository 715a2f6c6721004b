using Farun.Features.Consultations;

namespace Farun.Features.Assistant;

/// <summary>Where a conversation takes place.</summary>
public enum AssistantChannel
{
    /// <summary>The chat page of the citizen portal.</summary>
    Web = 1,

    /// <summary>The service-hall terminal.</summary>
    Kiosk = 2,

    /// <summary>The JSON API (citizen app, WeChat account).</summary>
    Api = 3,
}

/// <summary>A citizen's rating of an answer.</summary>
public enum AnswerRating
{
    /// <summary>有用.</summary>
    Useful = 1,

    /// <summary>没用.</summary>
    NotUseful = 2,
}

/// <summary>Where a turn is in the staff review queue.</summary>
public enum ReviewState
{
    /// <summary>Not queued (confident and not rated as useless).</summary>
    None = 0,

    /// <summary>Waiting for staff: low confidence or rated 没用.</summary>
    Pending = 1,

    /// <summary>Staff confirmed the right articles; the pair is a labelled question for retrieval.</summary>
    Confirmed = 2,

    /// <summary>Staff found nothing to learn (not a legal question, or no article applies).</summary>
    Dismissed = 3,
}

/// <summary>
/// A conversation with the legal assistant. Its id is random and unguessable: whoever holds it (the citizen, through
/// the page or the QR code on a kiosk slip) can read the conversation, which holds redacted text only.
/// </summary>
public sealed class AssistantConversation
{
    private AssistantConversation()
    {
    }

    public AssistantConversation(AssistantChannel channel, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Channel = channel;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public AssistantChannel Channel { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int TurnCount { get; private set; }

    /// <summary>The consultation case opened by 找人工 or a danger signal.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>Its reference number, shown to the citizen.</summary>
    public string? CaseNumber { get; private set; }

    /// <summary>A danger signal was seen: the case is urgent.</summary>
    public bool Urgent { get; private set; }

    public AssistantTurn AddTurn(AssistantTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        TurnCount++;
        UpdatedAt = turn.At;
        return turn;
    }

    public void LinkCase(Guid caseId, string number, DateTimeOffset now)
    {
        CaseId = caseId;
        CaseNumber = number;
        UpdatedAt = now;
    }

    public void MarkUrgent(DateTimeOffset now)
    {
        Urgent = true;
        UpdatedAt = now;
    }
}

/// <summary>One question and its answer, with personal data redacted (see <see cref="PersonalDataRedactor"/>).</summary>
public sealed class AssistantTurn
{
    public const int MaxQuestionLength = 2000;
    public const int MaxAnswerLength = 4000;
    public const char Separator = '|';

    private AssistantTurn()
    {
    }

    public AssistantTurn(AssistantConversation conversation, DateTimeOffset at, string question, IReadOnlyList<RedactionKind> redactions, ComposedAnswer answer,
        string explanation, bool usedLlm, IReadOnlyList<RemovedCitation> removed, int latencyMs, string answerJson)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(answer);
        Id = Guid.CreateVersion7(at);
        ConversationId = conversation.Id;
        Seq = conversation.TurnCount + 1;
        At = at;
        Question = Cut(question, MaxQuestionLength);
        Redactions = string.Join(',', redactions.Distinct());
        Kind = answer.Kind;
        Domain = answer.Domain.Domain;
        Confidence = answer.Confidence;
        Explanation = Cut(explanation, MaxAnswerLength);
        ClarifyingQuestion = answer.ClarifyingQuestion;
        ArticleIds = Cut(string.Join(Separator, answer.Articles.Select(a => a.Article.ArticleId)), 2000);
        ArticleNames = Cut(string.Join(Separator, answer.Articles.Select(a => a.Article.Name)), 2000);
        Danger = answer.Danger?.Summary;
        UsedLlm = usedLlm;
        RemovedCitations = removed.Count == 0 ? null : Cut(string.Join(Separator, removed.Select(r => $"{r.Cited}：{r.Reason}")), 2000);
        LatencyMs = latencyMs;
        AnswerJson = answerJson;
        ReviewState = answer.Kind == AnswerKind.NotSure || answer.Level == ConfidenceLevel.Low ? ReviewState.Pending : ReviewState.None;
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    public int Seq { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The question, redacted.</summary>
    public string Question { get; private set; } = "";

    /// <summary>The kinds of personal data removed (comma-separated names, never the data).</summary>
    public string Redactions { get; private set; } = "";

    public AnswerKind Kind { get; private set; }

    public LegalDomain Domain { get; private set; }

    public double Confidence { get; private set; }

    /// <summary>The explanation shown (template or verified model reply), redacted.</summary>
    public string Explanation { get; private set; } = "";

    public string? ClarifyingQuestion { get; private set; }

    /// <summary>Article ids shown, best first, separated by <see cref="Separator"/>.</summary>
    public string ArticleIds { get; private set; } = "";

    /// <summary>《law》第N条 of the articles shown, separated by <see cref="Separator"/>.</summary>
    public string ArticleNames { get; private set; } = "";

    /// <summary>The danger kinds seen, if any.</summary>
    public string? Danger { get; private set; }

    public bool UsedLlm { get; private set; }

    /// <summary>Citations removed from the model's reply, with the reason.</summary>
    public string? RemovedCitations { get; private set; }

    public int LatencyMs { get; private set; }

    /// <summary>The answer as shown (JSON of the web's answer view: redacted text, article text, next steps), to show the
    /// conversation again on another device.</summary>
    public string AnswerJson { get; private set; } = "";

    public AnswerRating? Rating { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public ReviewState ReviewState { get; private set; }

    /// <summary>The articles staff confirmed, as citations (e.g. 中华人民共和国劳动合同法第三十条), separated by <see cref="Separator"/>.</summary>
    public string? ConfirmedCitations { get; private set; }

    /// <summary>Their article ids at confirmation time, separated by <see cref="Separator"/>.</summary>
    public string? ConfirmedArticleIds { get; private set; }

    public string? ReviewNote { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public Guid? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    public IReadOnlyList<string> ArticleIdList => Split(ArticleIds);

    public IReadOnlyList<string> ArticleNameList => Split(ArticleNames);

    public IReadOnlyList<string> ConfirmedCitationList => Split(ConfirmedCitations);

    public IReadOnlyList<string> ConfirmedArticleIdList => Split(ConfirmedArticleIds);

    /// <summary>Records the citizen's rating (the last one counts); 没用 puts the turn in the review queue.</summary>
    public void Rate(AnswerRating rating, DateTimeOffset at)
    {
        Rating = rating;
        RatedAt = at;
        if (rating == AnswerRating.NotUseful && ReviewState == ReviewState.None)
            ReviewState = ReviewState.Pending;
    }

    /// <summary>Staff confirm the right articles: the question and these articles become a labelled question.</summary>
    public void Confirm(IReadOnlyList<(string Citation, string ArticleId)> articles, string? note, Guid byId, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
            throw new ArgumentException("At least one article is confirmed.", nameof(articles));
        ConfirmedCitations = string.Join(Separator, articles.Select(a => a.Citation));
        ConfirmedArticleIds = string.Join(Separator, articles.Select(a => a.ArticleId));
        Review(ReviewState.Confirmed, note, byId, byName, at);
    }

    /// <summary>Staff find nothing to learn from this turn.</summary>
    public void Dismiss(string? note, Guid byId, string byName, DateTimeOffset at)
    {
        ConfirmedCitations = null;
        ConfirmedArticleIds = null;
        Review(ReviewState.Dismissed, note, byId, byName, at);
    }

    private void Review(ReviewState state, string? note, Guid byId, string byName, DateTimeOffset at)
    {
        ReviewState = state;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : Cut(note.Trim(), 500);
        ReviewedAt = at;
        ReviewedById = byId;
        ReviewedByName = byName;
    }

    private static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}
