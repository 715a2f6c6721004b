using System.Text;
using Farun.Features.Consultations;

namespace Farun.Features.Assistant;

/// <summary>An article found by retrieval, as the composer needs it (no web or index types).</summary>
/// <param name="ArticleId">law key + '#' + article key.</param>
/// <param name="LawTitle">The law's title.</param>
/// <param name="Display">第三十条.</param>
/// <param name="Text">The article's text.</param>
/// <param name="Url">Its permalink in the law library.</param>
/// <param name="Score">The ranker's score.</param>
/// <param name="Terms">Words of the question (and legal terms they were mapped to) found in the article.</param>
/// <param name="QuestionTerms">Words of the question itself found in the article (subset of <paramref name="Terms"/>).</param>
/// <param name="Cited">The question cites this article exactly.</param>
/// <param name="SimilarQuestion">A known question with this article among its answers, similar to this one.</param>
/// <param name="Confirmed">A staff member confirmed this article for a question like this one.</param>
public sealed record RetrievedArticle(
    string ArticleId, string LawTitle, string Display, string Text, string Url, float Score, IReadOnlyList<string> Terms,
    IReadOnlyList<string> QuestionTerms, bool Cited, string? SimilarQuestion, bool Confirmed = false)
{
    public string Name => $"《{LawTitle}》{Display}";
}

/// <summary>A piece of an article's text; key sentences are highlighted.</summary>
public sealed record TextSegment(string Text, bool Key);

/// <summary>An article in an answer, split into sentences with the key ones marked.</summary>
public sealed record AnswerArticle(RetrievedArticle Article, IReadOnlyList<TextSegment> Segments)
{
    public string? KeySentence => Segments.FirstOrDefault(s => s.Key)?.Text.Trim();
}

public enum AnswerKind
{
    /// <summary>An answer with articles and an explanation.</summary>
    Answer = 1,

    /// <summary>An answer with a clarifying question: the right rule depends on a fact not given.</summary>
    Clarify = 2,

    /// <summary>Not sure: possibly related articles, and the offer of a person.</summary>
    NotSure = 3,

    /// <summary>A danger signal: emergency numbers first.</summary>
    Danger = 4,
}

public enum ConfidenceLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>The domain guessed for a question and what pointed to it.</summary>
public sealed record DomainGuess(LegalDomain Domain, double Score, IReadOnlyList<string> Words, LegalDomain? RunnerUp);

/// <summary>What the composer is given.</summary>
/// <param name="Question">The question as searched (redacted; with the earlier question when it answers a clarifying one).</param>
/// <param name="Hits">Retrieved articles, best first.</param>
/// <param name="Danger">A danger signal in the question, if any.</param>
/// <param name="AskedBefore">Clarifying questions already asked in this conversation (never asked twice).</param>
public sealed record CompositionInput(string Question, IReadOnlyList<RetrievedArticle> Hits, DangerSignal? Danger, IReadOnlyCollection<string> AskedBefore);

/// <summary>The default answer, composed without a language model.</summary>
public sealed record ComposedAnswer(
    AnswerKind Kind,
    DomainGuess Domain,
    double Confidence,
    ConfidenceLevel Level,
    string Explanation,
    IReadOnlyList<AnswerArticle> Articles,
    string? ClarifyingQuestion,
    IReadOnlyList<string> Advice,
    DangerSignal? Danger,
    string Disclaimer)
{
    public string DomainName => Domain.Domain.DisplayName();
}

/// <summary>
/// Composes the assistant's default answer from retrieved articles and the per-domain templates: the domain, the top
/// articles with their key sentences highlighted, a plain-language explanation that quotes only those articles, practical
/// advice, a clarifying question when the answer depends on a fact not given, an honest "not sure" when confidence is
/// low, and emergency numbers first when there is a danger signal. Pure: no database, no clock, no model.
/// </summary>
public sealed class AnswerComposer(AssistantKnowledge knowledge)
{
    public const string Disclaimer = "以上是一般性的法律信息，不是律师的法律意见。每个人的情况不同，重要的事请咨询律师、公共法律服务中心，或拨打12348。";

    /// <summary>At or above: high confidence.</summary>
    public const double HighThreshold = 0.6;

    /// <summary>Below: low confidence, answered with "not sure" and the offer of a person.</summary>
    public const double LowThreshold = 0.4;

    /// <summary>Articles shown in an answer.</summary>
    public const int MaxArticles = 3;

    // Words that carry no content for coverage: question words, pronouns, particles.
    private static readonly string[] FillerWords =
    [
        "怎么办", "怎么样", "怎么", "什么", "为什么", "可以", "能不能", "能否", "是否", "应该", "如何", "哪些", "有没有", "请问", "你好", "您好", "我们", "他们",
        "我", "你", "他", "她", "它", "的", "了", "吗", "呢", "吧", "啊", "是", "在", "有", "和", "就", "都", "也", "要", "会", "能", "把", "被", "给", "让", "还", "又", "该",
    ];

    public AnswerComposer()
        : this(AssistantKnowledge.Default)
    {
    }

    public AssistantKnowledge Knowledge { get; } = knowledge;

    public ComposedAnswer Compose(CompositionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var domain = DetectDomain(input.Question, input.Hits);
        var template = Knowledge.Template(domain.Domain);
        var articles = input.Hits.Take(MaxArticles).Select(h => new AnswerArticle(h, KeySentences(h.Text, h.Terms))).ToList();
        var confidence = Confidence(input.Question, input.Hits, domain, template);
        var level = confidence >= HighThreshold ? ConfidenceLevel.High : confidence >= LowThreshold ? ConfidenceLevel.Medium : ConfidenceLevel.Low;
        var advice = template?.Advice ?? [];

        if (input.Danger is { } danger)
        {
            var text = new StringBuilder();
            text.Append("您的人身安全最要紧。");
            text.Append(string.Join("；", danger.Contacts.Select(c => $"{c.When}：{c.Number}（{c.Name}）")));
            text.Append("。我们已经通知工作人员尽快跟进您的情况。");
            if (danger.Kinds.Contains(DangerKind.DomesticViolence))
                text.Append("遇到家庭暴力，可以报警，保存伤情照片和就医记录，还可以向人民法院申请人身安全保护令。");
            return new ComposedAnswer(AnswerKind.Danger, domain, confidence, level, text.ToString(), articles, null, advice, danger, Disclaimer);
        }

        if (articles.Count == 0 || level == ConfidenceLevel.Low)
        {
            var text = new StringBuilder("抱歉，我不太确定您的问题该适用哪条法律，不能给您可靠的解答。");
            text.Append(articles.Count > 0 ? "下面是可能有关的条文，仅供参考。" : "");
            text.Append("建议点“找人工”，由工作人员为您解答；也可以拨打12348公共法律服务热线，或到就近的公共法律服务中心咨询。");
            if (domain.Domain != LegalDomain.Other && template is not null)
                text.Append("看起来您问的可能是").Append(domain.Domain.DisplayName()).Append("方面的问题，说得越具体（什么时候、和谁、发生了什么），我越能帮上忙。");
            return new ComposedAnswer(AnswerKind.NotSure, domain, confidence, level, text.ToString(), articles, null, advice, null, Disclaimer);
        }

        var clarify = Clarifying(input.Question, domain, template, input.AskedBefore);
        var explanation = Explain(template, articles);
        return new ComposedAnswer(clarify is null ? AnswerKind.Answer : AnswerKind.Clarify, domain, confidence, level, explanation, articles, clarify, advice, null, Disclaimer);
    }

    /// <summary>The domain: words of the question point to domains; the laws of the top articles add weight.</summary>
    public DomainGuess DetectDomain(string question, IReadOnlyList<RetrievedArticle> hits)
    {
        var scores = new Dictionary<LegalDomain, double>();
        var words = new Dictionary<LegalDomain, List<string>>();
        foreach (var d in Knowledge.Domains.Domains)
        {
            foreach (var w in d.Keywords.SelectMany(k => k.Words).Distinct())
            {
                if (!question.Contains(w, StringComparison.Ordinal))
                    continue;
                scores[d.Domain] = scores.GetValueOrDefault(d.Domain) + 1;
                (words.TryGetValue(d.Domain, out var list) ? list : words[d.Domain] = []).Add(w);
            }
        }

        // A law shared by several domains (the Civil Code) counts for each of them in proportion.
        double[] weights = [1.5, 1.0, 0.5];
        for (var i = 0; i < Math.Min(weights.Length, hits.Count); i++)
        {
            var owners = Knowledge.Domains.Domains.Where(d => d.OwnsLaw(hits[i].LawTitle)).ToList();
            foreach (var owner in owners)
                scores[owner.Domain] = scores.GetValueOrDefault(owner.Domain) + weights[i] / owners.Count;
        }

        if (scores.Count == 0 || scores.Values.Max() < 1)
            return new DomainGuess(LegalDomain.Other, 0, [], null);
        var ranked = scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
        var best = ranked[0];
        LegalDomain? runnerUp = ranked.Count > 1 && ranked[1].Value >= best.Value * 0.8 && words.ContainsKey(ranked[1].Key) ? ranked[1].Key : null;
        return new DomainGuess(best.Key, best.Value, words.GetValueOrDefault(best.Key) ?? [], runnerUp);
    }

    /// <summary>
    /// A heuristic confidence in [0, 1]: an exact citation is near certain; otherwise how much of the question's content
    /// the top article's matched words cover, plus agreement between the domain and the top article's law and a known
    /// similar question. It is a ranking signal for "not sure" and the review queue, not a probability.
    /// </summary>
    public static double Confidence(string question, IReadOnlyList<RetrievedArticle> hits, DomainGuess domain, DomainTemplate? template)
    {
        if (hits.Count == 0)
            return 0;
        var top = hits[0];
        if (top.Cited)
            return 0.95;
        var c = 0.15 + (0.55 * Coverage(question, top.QuestionTerms));
        if (top.Confirmed)
            c += 0.2;
        else if (top.SimilarQuestion is not null)
            c += 0.1;
        if (domain.Domain == LegalDomain.Other)
            c -= 0.1;
        else if (template is not null && template.OwnsLaw(top.LawTitle))
            c += 0.15;
        return Math.Round(Math.Clamp(c, 0, 0.9), 3);
    }

    /// <summary>The share of the question's content characters covered by matched terms found in it.</summary>
    public static double Coverage(string question, IReadOnlyList<string> terms)
    {
        var content = new bool[question.Length];
        var contentCount = 0;
        var filler = new bool[question.Length];
        foreach (var f in FillerWords)
        {
            for (var at = question.IndexOf(f, StringComparison.Ordinal); at >= 0; at = question.IndexOf(f, at + 1, StringComparison.Ordinal))
            {
                for (var k = 0; k < f.Length; k++)
                    filler[at + k] = true;
            }
        }

        for (var i = 0; i < question.Length; i++)
        {
            if (IsHan(question[i]) && !filler[i])
            {
                content[i] = true;
                contentCount++;
            }
        }

        if (contentCount == 0)
            return 0;
        var covered = new bool[question.Length];
        foreach (var t in terms.Where(t => t.Length > 0))
        {
            for (var at = question.IndexOf(t, StringComparison.Ordinal); at >= 0; at = question.IndexOf(t, at + 1, StringComparison.Ordinal))
            {
                for (var k = 0; k < t.Length; k++)
                    covered[at + k] = true;
            }
        }

        var hit = 0;
        for (var i = 0; i < question.Length; i++)
        {
            if (content[i] && covered[i])
                hit++;
        }

        return (double)hit / contentCount;
    }

    /// <summary>Splits an article into sentences (。；！？ and line breaks) and marks the one or two sentences with the most matched terms.</summary>
    public static IReadOnlyList<TextSegment> KeySentences(string text, IReadOnlyList<string> terms)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '；' or '！' or '？' or '\n')
            {
                sentences.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
            sentences.Add(text[start..]);
        var scored = sentences.Select((s, i) => (i, Score: terms.Distinct().Count(t => t.Length > 0 && s.Contains(t, StringComparison.Ordinal)))).ToList();
        var best = scored.Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.i).Take(2).Select(s => s.i).ToHashSet();
        return sentences.Select((s, i) => new TextSegment(s, best.Contains(i))).ToList();
    }

    private string? Clarifying(string question, DomainGuess domain, DomainTemplate? template, IReadOnlyCollection<string> askedBefore)
    {
        if (template is not null)
        {
            foreach (var rule in template.Clarify)
            {
                if (askedBefore.Contains(rule.Ask))
                    continue;
                if (rule.When.Any(w => question.Contains(w, StringComparison.Ordinal)) && !rule.Unless.Any(u => question.Contains(u, StringComparison.Ordinal)))
                    return rule.Ask;
            }
        }

        if (domain.RunnerUp is { } other)
        {
            var ask = $"您的问题主要是{domain.Domain.DisplayName()}方面的，还是{other.DisplayName()}方面的？";
            if (!askedBefore.Contains(ask))
                return ask;
        }

        return null;
    }

    private static string Explain(DomainTemplate? template, IReadOnlyList<AnswerArticle> articles)
    {
        var b = new StringBuilder();
        if (template is not null)
            b.Append(template.Intro);
        var top = articles[0];
        b.Append("和您的问题最有关的规定是").Append(top.Article.Name);
        if (top.KeySentence is { } key)
            b.Append("，其中说：“").Append(key.TrimEnd('；', '。', '\n')).Append("。”");
        else
            b.Append('。');
        if (articles.Count > 1)
            b.Append("另外，").Append(string.Join("、", articles.Skip(1).Select(a => a.Article.Name))).Append("也可能和您的情况有关。");
        b.Append("下面列出了条文原文，黄色标出的是关键句。");
        return b.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
