using Farun.Data;
using Farun.Features.Assistant;
using Farun.Law.Search;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// Questions whose articles staff confirmed in the assistant's review queue, as labelled questions for the retrieval
/// engine (id <c>assistant:{turn id}</c>, the redacted question, the confirmed articles resolved by name). Loaded when a
/// node builds or reopens its search index; the node where staff confirm also adds them at once
/// (<see cref="Search.SearchIndexService.AddLabelledQuestionsAsync"/>).
/// </summary>
public sealed class ConfirmedQuestionSource(IServiceScopeFactory scopes) : ILabelledQuestionSource
{
    public string Name => "已确认咨询";

    public async Task<IReadOnlyList<LabelledQuestion>> LoadAsync(Func<string, string?> resolve, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FarunDbContext>();
        var turns = await db.Set<AssistantTurn>().AsNoTracking().Where(t => t.ReviewState == ReviewState.Confirmed)
            .OrderBy(t => t.At).Select(t => new { t.Id, t.Question, t.ConfirmedCitations }).ToListAsync(ct);
        var result = new List<LabelledQuestion>();
        foreach (var t in turns)
        {
            var ids = (t.ConfirmedCitations ?? "").Split(AssistantTurn.Separator, StringSplitOptions.RemoveEmptyEntries)
                .Select(resolve).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count > 0)
                result.Add(ToLabelled(t.Id, t.Question, ids));
        }

        return result;
    }

    public static LabelledQuestion ToLabelled(Guid turnId, string question, IReadOnlyList<string> articleIds) =>
        new(AssistantPipeline.ConfirmedPrefix + turnId.ToString("N"), question, articleIds);
}
