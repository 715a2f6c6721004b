using Farun.Features.Assistant;

namespace Farun.Web.Features.Assistant;

/// <summary>What the API returns and the pages show (written by hand; redacted text only).</summary>
public static class AssistantDtos
{
    public sealed record Segment(string Text, bool Key);

    public sealed record Article(string ArticleId, string Name, string LawTitle, string Display, string Url, bool Confirmed, IReadOnlyList<Segment> Segments);

    public sealed record Emergency(string Number, string Name, string When);

    public sealed record Removed(string Cited, string Reason);

    /// <summary>The consultation case a conversation was handed to: its reference number, and for the citizen to follow it,
    /// its state and the staff's answer once given.</summary>
    public sealed record CaseRef(string Number, string? State, string? AnswerSummary, bool Urgent);

    public sealed record Answer(
        Guid TurnId,
        int Seq,
        DateTimeOffset At,
        string Question,
        IReadOnlyList<string> Redacted,
        string Kind,
        string Domain,
        string DomainName,
        double Confidence,
        string ConfidenceLevel,
        string Explanation,
        IReadOnlyList<Article> Articles,
        string? ClarifyingQuestion,
        IReadOnlyList<string> Advice,
        IReadOnlyList<NextStep> NextSteps,
        IReadOnlyList<Emergency> Emergency,
        bool UsedLlm,
        IReadOnlyList<Removed> RemovedCitations,
        bool OfferHandoff,
        string Disclaimer,
        string? Rating = null,
        CaseRef? Case = null)
    {
        /// <summary>A sentence telling the citizen which personal data was hidden.</summary>
        public string? PrivacyNote => Redacted.Count == 0 ? null : $"为保护您的隐私，问题中的{string.Join("、", Redacted)}已用【】代替。";
    }

    public sealed record Conversation(Guid Id, string Channel, DateTimeOffset CreatedAt, IReadOnlyList<Answer> Turns, CaseRef? Case);

    public static Answer ToAnswer(Guid turnId, int seq, DateTimeOffset at, RedactionResult redaction, ComposedAnswer a, string explanation, bool usedLlm,
        IReadOnlyList<RemovedCitation> removed, IReadOnlyList<NextStep> steps) => new(
        turnId,
        seq,
        at,
        redaction.Text,
        redaction.Found.Select(KindName).Distinct().ToList(),
        a.Kind.ToString(),
        a.Domain.Domain.ToString(),
        a.DomainName,
        a.Confidence,
        a.Level.ToString(),
        explanation,
        a.Articles.Select(x => new Article(x.Article.ArticleId, x.Article.Name, x.Article.LawTitle, x.Article.Display, x.Article.Url, x.Article.Confirmed,
            x.Segments.Select(s => new Segment(s.Text, s.Key)).ToList())).ToList(),
        a.ClarifyingQuestion,
        a.Advice,
        steps,
        (a.Danger?.Contacts ?? []).Select(c => new Emergency(c.Number, c.Name, c.When)).ToList(),
        usedLlm,
        removed.Select(r => new Removed(r.Cited, r.Reason)).ToList(),
        a.Kind is AnswerKind.NotSure || a.Level != ConfidenceLevel.High,
        a.Disclaimer);

    public static string KindName(RedactionKind kind) => kind switch
    {
        RedactionKind.Name => "姓名",
        RedactionKind.IdNumber => "身份证号",
        RedactionKind.Phone => "电话",
        RedactionKind.Address => "住址",
        RedactionKind.Email => "邮箱",
        _ => "号码",
    };
}
