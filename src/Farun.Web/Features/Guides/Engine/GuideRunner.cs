namespace Farun.Web.Features.Guides.Engine;

/// <summary>What a run needs besides the answers: the clock and the parameter values (defaults or configuration).</summary>
public sealed record GuideEnvironment(GuideClock Clock, IReadOnlyDictionary<string, object> Parameters, IReadOnlyDictionary<string, string>? Sources = null)
{
    /// <summary>The guide's own defaults for every parameter, overridden by <paramref name="overrides"/> (values and,
    /// when configured, the source of the figure shown to citizens).</summary>
    public static GuideEnvironment For(
        GuideDefinition guide, GuideClock clock, IReadOnlyDictionary<string, object>? overrides = null, IReadOnlyDictionary<string, string>? sources = null) =>
        new(clock, guide.Parameters.ToDictionary(p => p.Id, p => overrides?.GetValueOrDefault(p.Id) ?? p.Default, StringComparer.Ordinal), sources);

    public string SourceOf(GuideParameter p) => Sources?.GetValueOrDefault(p.Id) ?? p.Source;
}

public sealed record AnsweredStep(Question Question, object Value);

/// <summary>
/// Where an interview stands: the questions answered on the path so far, then either the next question to ask (with
/// the reason its stored answer was rejected, if any) or the outcome.
/// </summary>
public sealed record GuideRunResult(
    GuideDefinition Guide,
    GuideEnvironment Environment,
    IReadOnlyList<AnsweredStep> Path,
    Question? Current,
    string? CurrentError,
    Outcome? Outcome,
    int EstimatedTotal)
{
    public bool IsFinished => Outcome is not null;

    /// <summary>1-based number of the current step (the outcome counts as after the last question).</summary>
    public int Step => Path.Count + (IsFinished ? 0 : 1);

    /// <summary>An evaluator over the answers of the first <paramref name="count"/> steps of the path.</summary>
    public Evaluator EvaluatorAfter(int count) =>
        new(Guide, Environment.Clock, Path.Take(count).ToDictionary(s => s.Question.Id, s => s.Value, StringComparer.Ordinal), Environment.Parameters);

    public Evaluator Evaluator => EvaluatorAfter(Path.Count);
}

/// <summary>
/// Runs a validated guide over a set of answers. Only answers on the path count: an answer to a question that the
/// other answers route around is ignored (it stays stored, so going back and choosing differently brings it back).
/// Pure: the same answers, date and parameters give the same result.
/// </summary>
public static class GuideRunner
{
    public static GuideRunResult Run(GuideDefinition guide, IReadOnlyDictionary<string, object?> answers, GuideEnvironment environment)
    {
        var onPath = new Dictionary<string, object>(StringComparer.Ordinal);
        var path = new List<AnsweredStep>();
        var longest = LongestRemaining(guide);
        var node = guide.Start;
        for (var guard = 0; guard <= guide.Questions.Count; guard++)
        {
            if (guide.Outcome(node) is { } outcome)
                return new GuideRunResult(guide, environment, path, null, null, outcome, path.Count);
            var q = guide.Question(node) ?? throw new GuideEvaluationException($"问卷中没有“{node}”");
            var before = new Evaluator(guide, environment.Clock, new Dictionary<string, object>(onPath, StringComparer.Ordinal), environment.Parameters);
            if (!answers.TryGetValue(q.Id, out var value) || value is null)
                return new GuideRunResult(guide, environment, path, q, null, null, path.Count + longest[q.Id]);
            if (AnswerInput.Check(q, value, before) is { } error)
                return new GuideRunResult(guide, environment, path, q, error, null, path.Count + longest[q.Id]);
            onPath[q.Id] = value;
            path.Add(new AnsweredStep(q, value));
            var after = new Evaluator(guide, environment.Clock, new Dictionary<string, object>(onPath, StringComparer.Ordinal), environment.Parameters);
            node = (q.Next.FirstOrDefault(r => after.Test(r.If)) ?? throw new GuideEvaluationException($"问题“{q.Id}”之后无处可去")).Goto;
        }

        throw new GuideEvaluationException("问卷出现循环");
    }

    /// <summary>For each question, the most questions that can still be asked from it on (itself included).</summary>
    public static IReadOnlyDictionary<string, int> LongestRemaining(GuideDefinition guide)
    {
        var memo = new Dictionary<string, int>(StringComparer.Ordinal);
        int Longest(string node, int depth)
        {
            if (memo.TryGetValue(node, out var known))
                return known;
            if (guide.Question(node) is not { } q || depth > guide.Questions.Count)
                return 0;
            var value = 1 + q.Next.Select(r => Longest(r.Goto, depth + 1)).DefaultIfEmpty(0).Max();
            memo[node] = value;
            return value;
        }

        foreach (var q in guide.Questions)
            Longest(q.Id, 0);
        return memo;
    }
}
