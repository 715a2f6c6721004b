using System.Diagnostics;
using System.Text.Json;
using Farun.Data;
using Farun.Features.Assistant;
using Farun.Law.Corpus;
using Farun.Law.Search;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Laws;
using Farun.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Assistant;

/// <summary>A question to the assistant from any channel.</summary>
/// <param name="ConversationId">The conversation to continue, or null to start one.</param>
/// <param name="Question">The question as typed (never stored as typed).</param>
/// <param name="Channel">Web, kiosk or API.</param>
/// <param name="ServicePointId">The street or community the citizen chose, or the kiosk's own service point.</param>
public sealed record AskInput(Guid? ConversationId, string Question, AssistantChannel Channel, Guid? ServicePointId);

/// <summary>The answer and the conversation it was added to.</summary>
public sealed record AskResult(AssistantConversation Conversation, AssistantTurn Turn, AssistantDtos.Answer Answer);

/// <summary>
/// The legal assistant: answers a question from any channel (default answer, optionally explained by a language model
/// whose citations are verified), logs the turn with personal data redacted, opens an urgent case on a danger signal.
/// </summary>
public sealed class AssistantService(
    FarunDbContext db,
    SearchIndexService index,
    AssistantPipeline pipeline,
    ILlmAnswerer llm,
    INextStepProvider nextSteps,
    AssistantCases cases,
    AuditLog audit,
    TimeProvider time,
    ILogger<AssistantService> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public async Task<AskResult> AskAsync(AskInput input, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        AssistantConversation conversation;
        AssistantTurn? previous = null;
        IReadOnlyCollection<string> asked = [];
        if (input.ConversationId is { } id)
        {
            conversation = await db.Set<AssistantConversation>().FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw BadRequestException.ForField("conversationId", "找不到这个对话，请重新开始提问。");
            var turns = await db.Set<AssistantTurn>().AsNoTracking().Where(t => t.ConversationId == id).OrderBy(t => t.Seq).ToListAsync(ct);
            previous = turns.LastOrDefault();
            asked = turns.Where(t => t.ClarifyingQuestion != null).Select(t => t.ClarifyingQuestion!).ToHashSet();
        }
        else
        {
            conversation = new AssistantConversation(input.Channel, now);
            db.Add(conversation);
        }

        var snapshot = await index.GetAsync(ct);
        var result = pipeline.Run(snapshot.Engine, new PipelineQuestion(
            input.Question, previous is { Kind: AnswerKind.Clarify } ? previous.Question : null, asked));
        var answer = result.Answer;

        var explanation = answer.Explanation;
        var usedLlm = false;
        IReadOnlyList<RemovedCitation> removed = [];
        if (llm.Enabled && answer.Kind is AnswerKind.Answer or AnswerKind.Clarify && answer.Articles.Count > 0)
        {
            var articles = answer.Articles.Select(a => a.Article).ToList();
            var reply = await llm.ExplainAsync(result.SearchText, articles, ct);
            if (reply is not null)
            {
                var verified = CitationVerifier.Verify(reply.Text, snapshot.Engine.Names, snapshot.Engine.Index.HasCurrentArticle, articles.Select(a => a.ArticleId).ToHashSet());
                // A reply may echo personal data it was never given; it is redacted like everything shown or logged.
                var text = PersonalDataRedactor.Redact(verified.Text).Text.Trim();
                removed = verified.Removed;
                if (text.Length > 0)
                {
                    explanation = text;
                    usedLlm = true;
                }

                if (removed.Count > 0)
                    logger.LogWarning("Language model cited {Count} unverified articles; removed", removed.Count);
            }
        }

        var steps = await nextSteps.GetAsync(new NextStepQuery(answer.Domain.Domain, input.Question, input.ServicePointId), ct);
        var latency = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var turnId = Guid.CreateVersion7(now);
        var dto = AssistantDtos.ToAnswer(turnId, conversation.TurnCount + 1, now, result.Redaction, answer, explanation, usedLlm, removed, steps);
        var turn = new AssistantTurn(conversation, now, result.Redaction.Text, result.Redaction.Found, answer, explanation, usedLlm, removed, latency,
            JsonSerializer.Serialize(dto with { TurnId = Guid.Empty }, Json));
        db.Add(conversation.AddTurn(turn));
        // The audit entry names the turn only: its redacted text is in the assistant's own log.
        audit.Record("assistant.ask", "AssistantTurn", turn.Id,
            new { conversation = conversation.Id, channel = input.Channel.ToString(), kind = answer.Kind.ToString(), usedLlm, removedCitations = removed.Count });
        dto = dto with { TurnId = turn.Id };
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Concurrent question in conversation {Conversation}", conversation.Id);
            throw new ConflictException("上一个问题还在回答中，请稍等再问。");
        }

        if (answer.Danger is { } danger)
        {
            var handoff = await cases.HandOffAsync(conversation.Id, danger, ct);
            dto = dto with { Case = handoff };
        }
        else if (conversation.CaseNumber is { } number)
        {
            dto = dto with { Case = new AssistantDtos.CaseRef(number, null, null, conversation.Urgent) };
        }

        return new AskResult(conversation, turn, dto);
    }

    /// <summary>The conversation with its turns as shown, and the case it was handed to (number and state only).</summary>
    public async Task<AssistantDtos.Conversation?> GetAsync(Guid id, CancellationToken ct)
    {
        var conversation = await db.Set<AssistantConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (conversation is null)
            return null;
        var turns = await db.Set<AssistantTurn>().AsNoTracking().Where(t => t.ConversationId == id).OrderBy(t => t.Seq).ToListAsync(ct);
        var answers = turns.Select(t =>
        {
            var answer = JsonSerializer.Deserialize<AssistantDtos.Answer>(t.AnswerJson, Json)!;
            return answer with { TurnId = t.Id, Rating = t.Rating?.ToString() };
        }).ToList();
        return new AssistantDtos.Conversation(conversation.Id, conversation.Channel.ToString(), conversation.CreatedAt, answers,
            await cases.FollowAsync(conversation, ct));
    }

    /// <summary>Records a citizen's rating of one answer.</summary>
    public async Task RateAsync(Guid conversationId, Guid turnId, AnswerRating rating, CancellationToken ct)
    {
        var turn = await db.Set<AssistantTurn>().FirstOrDefaultAsync(t => t.Id == turnId && t.ConversationId == conversationId, ct)
            ?? throw new NotFoundException("找不到这条回答。");
        turn.Rate(rating, time.GetUtcNow());
        audit.Record("assistant.rate", "AssistantTurn", turn.Id, new { rating = rating.ToString(), review = turn.ReviewState.ToString() });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The permalink of an indexed article in the law library.</summary>
    public static string UrlOf(StoredArticle a)
    {
        var lawId = Guid.TryParse(a.LawId, out var l) ? l : Guid.Empty;
        var versionId = Guid.TryParse(a.VersionId, out var v) ? v : Guid.Empty;
        return ArticleNumber.TryParse(a.ArticleKey, out var n)
            ? LawMapping.ArticleUrl(lawId, versionId, a.IsCurrent, n.Number, n.Suffix)
            : $"/laws/{lawId}";
    }
}
