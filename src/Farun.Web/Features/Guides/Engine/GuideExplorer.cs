namespace Farun.Web.Features.Guides.Engine;

/// <summary>
/// Walks a guide automatically: at each question it tries a set of candidate answers (both yes/no, every option,
/// numbers around every constant and parameter the guide compares with, dates around one, two and three years back,
/// a short text) and records, for every outcome reached, the answers that led there. Used by the tests to walk every
/// shipped guide to every outcome, and to show administrators outcomes that no answers seem to reach.
/// </summary>
public static class GuideExplorer
{
    public sealed record Walk(string OutcomeId, IReadOnlyList<AnsweredStep> Path);

    public sealed record Result(IReadOnlyDictionary<string, Walk> Reached, int Runs, bool BudgetExhausted)
    {
        public IReadOnlyList<string> Missing(GuideDefinition guide) => [.. guide.Outcomes.Select(o => o.Id).Where(id => !Reached.ContainsKey(id))];
    }

    private static readonly int[] DayOffsets =
    [
        0, 1, 3, 5, 6, 7, 8, 15, 25, 29, 30, 31, 35, 60, 90, 180, 300, 340, 355, 358, 359, 360, 361, 363, 364, 365, 366, 367, 370, 400,
        600, 700, 723, 725, 727, 729, 730, 731, 733, 800, 1000, 1088, 1090, 1093, 1095, 1096, 1100, 1500, 3000, 7400,
    ];

    public static Result Explore(GuideDefinition guide, GuideEnvironment environment, int budget = 200_000)
    {
        var numbers = NumericCandidates(guide, environment);
        var reached = new Dictionary<string, Walk>(StringComparer.Ordinal);
        var runs = 0;
        var answers = new Dictionary<string, object?>(StringComparer.Ordinal);

        void Visit()
        {
            if (runs >= budget || reached.Count == guide.Outcomes.Count)
                return;
            runs++;
            var run = GuideRunner.Run(guide, answers, environment);
            if (run.Outcome is { } o)
            {
                reached.TryAdd(o.Id, new Walk(o.Id, run.Path));
                return;
            }

            var q = run.Current!;
            foreach (var candidate in Candidates(q, numbers, environment.Clock.Today))
            {
                var before = run.Evaluator;
                if (AnswerInput.Check(q, candidate, before) is not null)
                    continue;
                answers[q.Id] = candidate;
                Visit();
                answers.Remove(q.Id);
                if (runs >= budget || reached.Count == guide.Outcomes.Count)
                    return;
            }
        }

        Visit();
        return new Result(reached, runs, runs >= budget);
    }

    private static IEnumerable<object> Candidates(Question q, IReadOnlyList<decimal> numbers, DateOnly today) => q.Type switch
    {
        QuestionType.YesNo => [true, false],
        QuestionType.Choice => q.Options.Select(o => (object)o.Value),
        QuestionType.Number or QuestionType.Money => numbers.Cast<object>(),
        QuestionType.Date => DayOffsets.Select(d => (object)today.AddDays(-d)).Concat([today.AddDays(10), today.AddDays(40)]),
        _ => ["情况说明（自动测试）"],
    };

    /// <summary>Every numeric constant and parameter value in the guide, and its neighbours, and zero.</summary>
    private static List<decimal> NumericCandidates(GuideDefinition guide, GuideEnvironment environment)
    {
        var set = new SortedSet<decimal> { 0, 1 };
        void Add(decimal d)
        {
            foreach (var x in new[] { d - 1, d, d + 1, d * 2, d / 2 })
            {
                if (x >= 0)
                    set.Add(decimal.Round(x, 2));
            }
        }

        foreach (var value in environment.Parameters.Values.OfType<decimal>())
            Add(value);
        foreach (var e in AllExpressions(guide))
            Constants(e, Add);
        return [.. set];
    }

    private static void Constants(Expr e, Action<decimal> add)
    {
        switch (e)
        {
            case LiteralExpr { Value: decimal d }:
                add(d);
                break;
            case UnaryExpr u:
                Constants(u.Operand, add);
                break;
            case BinaryExpr b:
                Constants(b.Left, add);
                Constants(b.Right, add);
                break;
            case CallExpr c:
                foreach (var a in c.Args)
                    Constants(a, add);
                break;
        }
    }

    private static IEnumerable<Expr> AllExpressions(GuideDefinition guide)
    {
        foreach (var q in guide.Questions)
        {
            foreach (var r in q.Next)
            {
                if (r.If?.Parsed is { } e)
                    yield return e;
            }
        }

        foreach (var c in guide.Computed)
        {
            if (c.Expression.Parsed is { } e)
                yield return e;
        }
    }
}
