namespace Farun.Web.Features.Guides.Engine;

/// <summary>The run-time value of a choice answer: the option value with its question, so it can show its label.</summary>
public sealed record ChoiceValue(string Question, string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// Evaluates guide expressions over the answers on the current path, the computed values (evaluated on demand, once)
/// and the parameter values. Only validated guides are evaluated, so type errors cannot occur here; what can (a
/// division by zero) raises <see cref="GuideEvaluationException"/>.
/// </summary>
public sealed class Evaluator
{
    private readonly GuideDefinition _guide;
    private readonly GuideClock _clock;
    private readonly IReadOnlyDictionary<string, object> _answers;
    private readonly IReadOnlyDictionary<string, object> _parameters;
    private readonly Dictionary<string, object> _computed = new(StringComparer.Ordinal);

    public Evaluator(GuideDefinition guide, GuideClock clock, IReadOnlyDictionary<string, object> answers, IReadOnlyDictionary<string, object> parameters)
    {
        _guide = guide;
        _clock = clock;
        _answers = answers;
        _parameters = parameters;
    }

    public GuideClock Clock => _clock;

    public object Evaluate(Expr e) => e switch
    {
        LiteralExpr l => l.Value,
        NameExpr n => Lookup(n.Name),
        UnaryExpr { Op: "not" } u => !(bool)Evaluate(u.Operand),
        UnaryExpr u => -(decimal)Evaluate(u.Operand),
        BinaryExpr b => Binary(b),
        CallExpr { Name: "if" } c => (bool)Evaluate(c.Args[0]) ? Evaluate(c.Args[1]) : Evaluate(c.Args[2]),
        CallExpr { Name: "answered", Args: [NameExpr q] } => _answers.ContainsKey(q.Name),
        CallExpr { Name: "label" } c => Evaluate(c.Args[0]) is ChoiceValue cv ? _guide.OptionLabel(cv.Question, cv.Value) : "",
        CallExpr c => GuideFunctions.All[c.Name].Invoke([.. c.Args.Select(Evaluate)], _clock),
        _ => throw new InvalidOperationException("unknown expression node"),
    };

    public bool Test(SourceExpr? condition) => condition?.Parsed is null || (bool)Evaluate(condition.Parsed);

    /// <summary>Text for citizens: choices as their labels, money with 元, dates as 2026年3月5日.</summary>
    public string Display(object value) => value switch
    {
        ChoiceValue cv => _guide.OptionLabel(cv.Question, cv.Value),
        decimal d => GuideFormat.Number(d),
        _ => GuideFormat.Value(value, GuideType.Text),
    };

    /// <summary>Display of an expression's value using its static type (so that money shows with 元).</summary>
    public string Display(Expr e, GuideType? type)
    {
        var v = Evaluate(e);
        return v is decimal d && type?.Kind == ValueKind.Money ? GuideFormat.Money(d) : Display(v);
    }

    public string Render(Template? t, Func<Expr, GuideType?> typeOf)
    {
        if (t is null)
            return "";
        var sb = new System.Text.StringBuilder();
        foreach (var part in t.Parts)
        {
            switch (part)
            {
                case TextPart tp:
                    sb.Append(tp.Text);
                    break;
                case ExprPart { Expr.Parsed: { } e }:
                    sb.Append(Display(e, typeOf(e)));
                    break;
            }
        }

        return sb.ToString();
    }

    private object Lookup(string name)
    {
        if (_answers.TryGetValue(name, out var answer))
            return _guide.Question(name)?.Type == QuestionType.Choice && answer is string s ? new ChoiceValue(name, s) : answer;
        if (_parameters.TryGetValue(name, out var p))
            return p;
        if (_computed.TryGetValue(name, out var c))
            return c;
        var computed = _guide.Computed.FirstOrDefault(x => x.Id == name)
            ?? throw new GuideEvaluationException($"“{name}”在此处没有值（问题尚未回答）");
        var value = Evaluate(computed.Expression.Parsed ?? throw new GuideEvaluationException($"计算值“{name}”的表达式有误"));
        _computed[name] = value;
        return value;
    }

    private object Binary(BinaryExpr b)
    {
        switch (b.Op)
        {
            case "and":
                return (bool)Evaluate(b.Left) && (bool)Evaluate(b.Right);
            case "or":
                return (bool)Evaluate(b.Left) || (bool)Evaluate(b.Right);
        }

        var l = Evaluate(b.Left);
        var r = Evaluate(b.Right);
        switch (b.Op)
        {
            case "==":
                return Same(l, r);
            case "!=":
                return !Same(l, r);
            case "<" or "<=" or ">" or ">=":
                var cmp = (l, r) switch
                {
                    (decimal x, decimal y) => x.CompareTo(y),
                    (DateOnly x, DateOnly y) => x.CompareTo(y),
                    _ => throw new GuideEvaluationException("无法比较这两个值"),
                };
                return b.Op switch { "<" => cmp < 0, "<=" => cmp <= 0, ">" => cmp > 0, _ => cmp >= 0 };
            case "-" when l is DateOnly a && r is DateOnly c:
                return (decimal)(a.DayNumber - c.DayNumber);
            case "+" when l is string s1 && r is string s2:
                return s1 + s2;
        }

        var (dl, dr) = ((decimal)l, (decimal)r);
        try
        {
            return b.Op switch
            {
                "+" => dl + dr,
                "-" => dl - dr,
                "*" => dl * dr,
                "/" when dr == 0 => throw new GuideEvaluationException("除数为零"),
                _ => dl / dr,
            };
        }
        catch (OverflowException)
        {
            throw new GuideEvaluationException("数值过大，无法计算");
        }
    }

    private static bool Same(object l, object r) => (Plain(l), Plain(r)) switch
    {
        (decimal x, decimal y) => x == y,
        var (x, y) => Equals(x, y),
    };

    private static object Plain(object v) => v is ChoiceValue c ? c.Value : v;
}
