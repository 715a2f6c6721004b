using System.Diagnostics;
using System.Runtime.CompilerServices;
using Farun.Law.Corpus;
using Farun.Law.Search;

namespace Farun.Features.Assistant;

/// <summary>A question as the pipeline receives it.</summary>
/// <param name="Text">The question as typed.</param>
/// <param name="PreviousQuestion">The previous (redacted) question when the last answer asked a clarifying question:
/// the two are searched together.</param>
/// <param name="AskedBefore">Clarifying questions already asked in the conversation.</param>
public sealed record PipelineQuestion(string Text, string? PreviousQuestion = null, IReadOnlyCollection<string>? AskedBefore = null);

/// <summary>What the pipeline produced, before any language model.</summary>
/// <param name="Redaction">The question with personal data replaced.</param>
/// <param name="SearchText">What was searched (redacted).</param>
/// <param name="Answer">The composed default answer.</param>
/// <param name="Elapsed">Time spent.</param>
public sealed record PipelineResult(RedactionResult Redaction, string SearchText, ComposedAnswer Answer, TimeSpan Elapsed);

/// <summary>
/// The assistant's default answer in process, without a database or a model: danger check on the text as typed,
/// redaction, retrieval on the redacted text (articles confirmed by staff for a near-identical question first), then
/// composition. The web service and the latency benchmark both run this.
/// </summary>
public sealed class AssistantPipeline(AnswerComposer composer, Func<StoredArticle, string> urlOf)
{
    /// <summary>Articles retrieved (more than shown, so the composer and a model can choose).</summary>
    public const int RetrieveCount = 5;

    /// <summary>Id prefix of labelled questions confirmed by staff in the assistant's review queue.</summary>
    public const string ConfirmedPrefix = "assistant:";

    /// <summary>Bigram overlap above which a confirmed question counts as the same question.</summary>
    public const double SameQuestion = 0.6;

    public AnswerComposer Composer { get; } = composer;

    public PipelineResult Run(StatuteSearchEngine engine, PipelineQuestion question)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(question);
        var start = Stopwatch.GetTimestamp();
        var danger = DangerDetector.Detect(question.Text, Composer.Knowledge);
        var redaction = PersonalDataRedactor.Redact(question.Text);
        var searchText = question.PreviousQuestion is { Length: > 0 } previous ? previous + "。" + redaction.Text : redaction.Text;
        var hits = Retrieve(engine, searchText);
        var answer = Composer.Compose(new CompositionInput(searchText, hits, danger, question.AskedBefore ?? []));
        return new PipelineResult(redaction, searchText, answer, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The retrieved articles, with those that staff confirmed for the same question first.</summary>
    public IReadOnlyList<RetrievedArticle> Retrieve(StatuteSearchEngine engine, string searchText)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var response = engine.Search(new SearchRequest(Truncate(searchText, 500), RetrieveCount));
        var result = new List<RetrievedArticle>();
        var confirmed = ConfirmedArticles(engine, searchText);
        foreach (var (articleId, question) in confirmed)
        {
            var doc = engine.Index.CurrentDocs(articleId).FirstOrDefault(-1);
            if (doc < 0 || result.Any(r => r.ArticleId == articleId))
                continue;
            var stored = engine.Index.Read(doc);
            var hit = response.Hits.FirstOrDefault(h => Id(h.Article) == articleId);
            var terms = hit is null ? [] : Terms(hit);
            result.Add(new RetrievedArticle(articleId, stored.Title, Display(stored), stored.Text, urlOf(stored), hit?.Score ?? 0,
                terms, hit is null ? [] : QuestionTerms(hit), hit?.Explanation.Citation ?? false, question, Confirmed: true));
        }

        foreach (var h in response.Hits)
        {
            var id = Id(h.Article);
            if (h.Article.ArticleKey.Length == 0 || result.Any(r => r.ArticleId == id))
                continue;
            result.Add(new RetrievedArticle(id, h.Article.Title, Display(h.Article), h.Article.Text, urlOf(h.Article), h.Score, Terms(h),
                QuestionTerms(h), h.Explanation.Citation, h.Explanation.SimilarQuestion));
        }

        return result;
    }

    /// <summary>Articles of staff-confirmed questions that are nearly the same as this one (character bigram overlap).</summary>
    public static IReadOnlyList<(string ArticleId, string Question)> ConfirmedArticles(StatuteSearchEngine engine, string text)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Model.Memory is not { } memory || !HasConfirmed.GetValue(memory, Scan).Value)
            return [];
        var result = new List<(string, string)>();
        foreach (var similar in memory.Similar(text, 5))
        {
            if (!similar.Question.Id.StartsWith(ConfirmedPrefix, StringComparison.Ordinal) || Overlap(text, similar.Question.Text) < SameQuestion)
                continue;
            result.AddRange(similar.Question.ArticleIds.Select(a => (a, similar.Question.Text)));
        }

        return result;
    }

    // Whether a question memory holds any staff-confirmed question (scanned once per memory): most questions then skip
    // the extra similarity lookup.
    private static readonly ConditionalWeakTable<QuestionMemory, StrongBox<bool>> HasConfirmed = new();

    private static StrongBox<bool> Scan(QuestionMemory memory) =>
        new(memory.Questions.Any(q => q.Id.StartsWith(ConfirmedPrefix, StringComparison.Ordinal)));

    /// <summary>Dice coefficient of the Han-character bigrams of two texts (placeholders and punctuation ignored).</summary>
    public static double Overlap(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 || y.Count == 0)
            return 0;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var han = new string(text.Where(c => c is >= '\u4e00' and <= '\u9fff').ToArray());
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < han.Length; i++)
            set.Add(han.Substring(i, 2));
        return set;
    }

    private static string Id(StoredArticle a) => SearchKeys.Article(a.LawKey, a.ArticleKey);

    private static string Display(StoredArticle a) =>
        ArticleNumber.TryParse(a.ArticleKey, out var n) ? n.Display : "全文";

    private static List<string> Terms(SearchHit h) =>
        [.. h.Explanation.MatchedTerms, .. h.Explanation.Expansions.SelectMany(e => e.LegalTerms)];

    // Words of the question found in the article: matched terms, and everyday words whose legal terms the article uses
    // (老板 → 用人单位), so a question in plain words is as well covered as one in legal words.
    private static List<string> QuestionTerms(SearchHit h) =>
        [.. h.Explanation.MatchedTerms, .. h.Explanation.Expansions.Select(e => e.LayWord)];

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[^max..];
}
