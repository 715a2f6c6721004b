using System.Text;
using Farun.Common.Calendar;
using Farun.Data;
using Farun.Features.Assistant;
using Farun.Features.Audit;
using Farun.Features.Cases;
using Farun.Features.Consultations;
using Farun.Web.Common;
using Farun.Web.Features.Audit;
using Farun.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// Hand-off from the assistant to a person: 找人工 (or a danger signal) opens one consultation case per conversation
/// (channel <see cref="CaseChannel.RobotHandoff"/>) in the district centre's queue, carrying the redacted transcript and
/// the articles already found; a danger signal marks it urgent. The citizen gets the reference number and follows the
/// case through the conversation (state, and the answer once staff give it).
/// </summary>
public sealed class AssistantCases(
    FarunDbContext db, CaseNumberAllocator numbers, ServicePointDirectory directory, CaseRules rules, AuditLog audit, TimeProvider time)
{
    public static readonly CaseActor Robot = new(ActorKind.System, null, "智能法律助手", new HashSet<string>(), null);

    /// <summary>Opens the conversation's case (or returns the one already open), marking it urgent on a danger signal.</summary>
    public async Task<AssistantDtos.CaseRef> HandOffAsync(Guid conversationId, DangerSignal? danger, CancellationToken ct)
    {
        var conversation = await db.Set<AssistantConversation>().FirstOrDefaultAsync(c => c.Id == conversationId, ct)
            ?? throw new NotFoundException("找不到这个对话。");
        var ctx = new CaseContext(Robot, time.GetUtcNow(), WorkingDayCalendar.China, rules);
        var urgentReason = danger is null ? null : $"智能法律助手发现危险信号（{danger.Summary}），已向群众提示紧急电话，请尽快联系跟进。";
        if (conversation.CaseId is { } existingId)
        {
            var existing = await db.Cases.FirstAsync(c => c.Id == existingId, ct);
            if (urgentReason is not null && !conversation.Urgent)
            {
                existing.MarkUrgent(ctx, urgentReason);
                conversation.MarkUrgent(ctx.Now);
                audit.Record("case.urgent", "Case", existing.Id, new { existing.Number, via = "assistant", danger = danger!.Summary });
                await db.SaveChangesAsync(ct);
            }

            return new AssistantDtos.CaseRef(existing.Number, existing.State.DisplayName(), null, conversation.Urgent);
        }

        var turns = await db.Set<AssistantTurn>().AsNoTracking().Where(t => t.ConversationId == conversationId).OrderBy(t => t.Seq).ToListAsync(ct);
        var root = (await directory.GetAsync(ct)).Root ?? throw new InvalidOperationException("No district centre is configured.");
        var domain = turns.Select(t => t.Domain).LastOrDefault(d => d != LegalDomain.Other, LegalDomain.Other);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await numbers.NextAsync(CaseType.Consultation, ctx.Today.Year, ct);
        var c = CaseErrors.Run(() => Case.OpenConsultation(ctx, number, CaseChannel.RobotHandoff, root.Id, new ConsultationIntake(Transcript(turns), domain, null)));
        var articles = turns.SelectMany(t => t.ArticleNameList).Distinct().ToList();
        if (articles.Count > 0)
            c.AddNote(ctx, "智能法律助手已找到的法条：" + string.Join("；", articles));
        if (urgentReason is not null)
        {
            c.MarkUrgent(ctx, urgentReason);
            conversation.MarkUrgent(ctx.Now);
        }

        db.Cases.Add(c);
        conversation.LinkCase(c.Id, c.Number, ctx.Now);
        audit.RecordAs(ActorKind.System, null, Robot.Name, "case.create", "Case", c.Id,
            new { c.Number, type = c.Type.ToString(), channel = c.Channel.ToString(), state = c.State.ToString(), urgent = urgentReason is not null, conversation = conversation.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request handed the same conversation over (or asked in it) at the same moment: its case stands.
            throw new ConflictException("正在转人工，请稍后刷新页面查看咨询编号。");
        }

        await tx.CommitAsync(ct);
        return new AssistantDtos.CaseRef(c.Number, c.State.DisplayName(), null, conversation.Urgent);
    }

    /// <summary>The case of a conversation as the citizen may follow it: number, state, and the staff's answer summary once answered.</summary>
    public async Task<AssistantDtos.CaseRef?> FollowAsync(AssistantConversation conversation, CancellationToken ct)
    {
        if (conversation.CaseId is not { } id)
            return null;
        var c = await db.Cases.AsNoTracking().Include(x => x.Consultation).FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null
            ? new AssistantDtos.CaseRef(conversation.CaseNumber ?? "", null, null, conversation.Urgent)
            : new AssistantDtos.CaseRef(c.Number, c.State.DisplayName(), c.Consultation?.AnswerSummary, conversation.Urgent);
    }

    /// <summary>The redacted conversation as the case's question, within the consultation's length limit.</summary>
    public static string Transcript(IReadOnlyList<AssistantTurn> turns)
    {
        var b = new StringBuilder("【智能法律助手转人工】以下是群众与智能法律助手的对话（个人信息已隐去）：\n");
        foreach (var t in turns)
        {
            b.Append('问').Append(t.Seq).Append('：').Append(t.Question).Append('\n');
            var answer = t.Explanation.Length > 300 ? t.Explanation[..300] + "…" : t.Explanation;
            b.Append('答').Append(t.Seq).Append('：').Append(answer).Append('\n');
            if (t.ArticleNameList.Count > 0)
                b.Append("相关法条：").Append(string.Join("、", t.ArticleNameList)).Append('\n');
        }

        if (turns.Count == 0)
            b.Append("（群众没有提问，直接要求人工服务。）");
        var text = b.ToString();
        return text.Length <= ConsultationDetails.MaxQuestionLength ? text : text[..(ConsultationDetails.MaxQuestionLength - 1)] + "…";
    }
}
