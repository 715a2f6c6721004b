namespace Farun.Web.Features.Guides.Engine;

/// <summary>What the type checker knows about the names an expression may use.</summary>
public interface ITypeScope
{
    /// <summary>The type of a question, computed value or parameter; null when no such name exists.</summary>
    GuideType? TypeOf(string name);

    /// <summary>The option values of a choice question.</summary>
    IReadOnlyList<string> OptionsOf(string question);

    /// <summary>The expression of a computed value (to see through it), or null.</summary>
    Expr? ComputedExpression(string name) => null;

    /// <summary>Whether the name is a question (answered() takes only questions).</summary>
    bool IsQuestion(string name) => false;
}

/// <summary>A problem found in one expression, at a character offset of its text.</summary>
public sealed record ExpressionProblem(int Offset, DiagnosticKind Kind, string Message);

/// <summary>
/// Static type checker of guide expressions. It reports undefined names, wrong operand and argument types, unknown
/// functions and string literals that are not options of the choice question they are compared with. Every
/// expression gets a type when it can, so one mistake does not cascade into many messages.
/// </summary>
public sealed class ExpressionTyper(ITypeScope scope)
{
    private readonly List<ExpressionProblem> _problems = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyList<ExpressionProblem> Problems => _problems;

    /// <summary>Every name the checked expressions refer to.</summary>
    public IReadOnlySet<string> Names => _names;

    /// <summary>The type of <paramref name="expr"/>, or null when it has an error (already reported).</summary>
    public GuideType? Check(Expr expr) => expr switch
    {
        LiteralExpr l => l.Type,
        NameExpr n => CheckName(n),
        UnaryExpr u => CheckUnary(u),
        BinaryExpr b => CheckBinary(b),
        CallExpr c => CheckCall(c),
        _ => throw new InvalidOperationException("unknown expression node"),
    };

    /// <summary>Checks that <paramref name="expr"/> has a type assignable to <paramref name="expected"/>.</summary>
    public void Expect(Expr expr, GuideType expected, string what)
    {
        var actual = Check(expr);
        if (actual is null)
            return;
        if (!IsAssignable(actual, expected))
        {
            Report(expr.Start, DiagnosticKind.TypeError, $"{what}应为{expected.DisplayName}，但表达式的类型是{actual.DisplayName}");
            return;
        }

        if (expected.Kind == ValueKind.Choice && expected.ChoiceQuestion is { } q)
            CheckOptionLiterals(expr, q);
    }

    /// <summary>Number and money mix; a choice reads as text (its label); anything else must match exactly.</summary>
    public static bool IsAssignable(GuideType actual, GuideType expected) =>
        actual.Kind == expected.Kind
            ? actual.Kind != ValueKind.Choice || expected.ChoiceQuestion is null || actual.ChoiceQuestion == expected.ChoiceQuestion
            : (actual.IsNumeric && expected.IsNumeric) || (expected.Kind == ValueKind.Text && actual.Kind == ValueKind.Choice);

    private void Report(int offset, DiagnosticKind kind, string message) => _problems.Add(new ExpressionProblem(offset, kind, message));

    private GuideType? CheckName(NameExpr n)
    {
        _names.Add(n.Name);
        var type = scope.TypeOf(n.Name);
        if (type is null)
            Report(n.Start, DiagnosticKind.UndefinedVariable, $"未定义的变量“{n.Name}”：没有这个问题、计算值或参数");
        return type;
    }

    private GuideType? CheckUnary(UnaryExpr u)
    {
        var t = Check(u.Operand);
        if (t is null)
            return u.Op == "not" ? GuideType.Bool : null;
        if (u.Op == "not")
        {
            if (t.Kind != ValueKind.Bool)
                Report(u.Operand.Start, DiagnosticKind.TypeError, $"“not”只能用于是/否，不能用于{t.DisplayName}");
            return GuideType.Bool;
        }

        if (!t.IsNumeric)
        {
            Report(u.Operand.Start, DiagnosticKind.TypeError, $"负号只能用于数字或金额，不能用于{t.DisplayName}");
            return null;
        }

        return t;
    }

    private GuideType? CheckBinary(BinaryExpr b)
    {
        var l = Check(b.Left);
        var r = Check(b.Right);
        switch (b.Op)
        {
            case "and" or "or":
                if (l is not null && l.Kind != ValueKind.Bool)
                    Report(b.Left.Start, DiagnosticKind.TypeError, $"“{b.Op}”的两边都应为是/否，左边是{l.DisplayName}");
                if (r is not null && r.Kind != ValueKind.Bool)
                    Report(b.Right.Start, DiagnosticKind.TypeError, $"“{b.Op}”的两边都应为是/否，右边是{r.DisplayName}");
                return GuideType.Bool;
            case "==" or "!=":
                if (l is null || r is null)
                    return GuideType.Bool;
                if (l.Kind == ValueKind.Choice && r.Kind is ValueKind.Text or ValueKind.Choice)
                    CheckOptionLiterals(b.Right, l.ChoiceQuestion!);
                else if (r.Kind == ValueKind.Choice && l.Kind == ValueKind.Text)
                    CheckOptionLiterals(b.Left, r.ChoiceQuestion!);
                else if (!(l.Kind == r.Kind || (l.IsNumeric && r.IsNumeric)))
                    Report(b.Start, DiagnosticKind.TypeError, $"不能比较{l.DisplayName}和{r.DisplayName}");
                if (l.Kind == ValueKind.Choice && r.Kind == ValueKind.Choice && l.ChoiceQuestion != r.ChoiceQuestion)
                    Report(b.Start, DiagnosticKind.TypeError, $"不能比较两个不同问题的选项（“{l.ChoiceQuestion}”和“{r.ChoiceQuestion}”）");
                return GuideType.Bool;
            case "<" or "<=" or ">" or ">=":
                if (l is null || r is null)
                    return GuideType.Bool;
                if (!((l.IsNumeric && r.IsNumeric) || (l.Kind == ValueKind.Date && r.Kind == ValueKind.Date)))
                    Report(b.Start, DiagnosticKind.TypeError, $"“{b.Op}”只能比较两个数字（金额）或两个日期，不能比较{l.DisplayName}和{r.DisplayName}");
                return GuideType.Bool;
            case "+" or "-" or "*" or "/":
                return Arithmetic(b, l, r);
            default:
                throw new InvalidOperationException("unknown operator " + b.Op);
        }
    }

    private GuideType? Arithmetic(BinaryExpr b, GuideType? l, GuideType? r)
    {
        if (l is null || r is null)
            return null;
        if (b.Op == "-" && l.Kind == ValueKind.Date && r.Kind == ValueKind.Date)
            return GuideType.Number;
        if (l.Kind == ValueKind.Date || r.Kind == ValueKind.Date)
        {
            Report(b.Start, DiagnosticKind.TypeError, "日期不能直接加减数字，请用 add_days(日期, 天数)、add_months 或 add_years；两个日期相减得到相差的天数");
            return null;
        }

        if (b.Op == "+" && l.Kind == ValueKind.Text && r.Kind == ValueKind.Text)
            return GuideType.Text;
        if (!l.IsNumeric || !r.IsNumeric)
        {
            Report(b.Start, DiagnosticKind.TypeError, $"“{b.Op}”只能用于数字或金额，不能用于{l.DisplayName}和{r.DisplayName}");
            return null;
        }

        return b.Op switch
        {
            "/" when l.Kind == ValueKind.Money && r.Kind == ValueKind.Money => GuideType.Number,
            "/" when l.Kind == ValueKind.Number && r.Kind == ValueKind.Money => Fail(b, "数字除以金额没有意义"),
            "*" when l.Kind == ValueKind.Money && r.Kind == ValueKind.Money => Fail(b, "金额乘以金额没有意义"),
            _ => l.Kind == ValueKind.Money || r.Kind == ValueKind.Money ? GuideType.Money : GuideType.Number,
        };
    }

    private GuideType? Fail(Expr at, string message)
    {
        Report(at.Start, DiagnosticKind.TypeError, message);
        return null;
    }

    private GuideType? CheckCall(CallExpr c)
    {
        if (!GuideFunctions.All.TryGetValue(c.Name, out var fn))
        {
            foreach (var a in c.Args)
                Check(a);
            Report(c.Start, DiagnosticKind.UndefinedVariable, $"未知的函数“{c.Name}”，可用：{string.Join("、", GuideFunctions.All.Keys)}");
            return null;
        }

        if (c.Args.Count != fn.Parameters.Count)
        {
            foreach (var a in c.Args)
                Check(a);
            Report(c.Start, DiagnosticKind.TypeError, $"函数 {c.Name} 需要 {fn.Parameters.Count} 个参数，实际给了 {c.Args.Count} 个（用法：{fn.Usage}）");
            return null;
        }

        if (c.Name == "answered")
        {
            if (c.Args[0] is NameExpr q)
            {
                _names.Add(q.Name);
                if (!scope.IsQuestion(q.Name))
                    Report(q.Start, DiagnosticKind.TypeError, $"函数 answered 的参数应为一个问题的编号，“{q.Name}”不是问题");
            }
            else
            {
                Report(c.Start, DiagnosticKind.TypeError, "函数 answered 的参数应为一个问题的编号");
            }

            return GuideType.Bool;
        }

        var types = c.Args.Select(Check).ToList();
        if (types.Any(t => t is null))
            return c.Name is "if" && types[1] is { } t1 ? t1 : fn.Result(types);
        for (var i = 0; i < fn.Parameters.Count; i++)
        {
            var p = fn.Parameters[i];
            if (p is null)
                continue;
            if (!IsAssignable(types[i]!, p))
            {
                Report(c.Args[i].Start, DiagnosticKind.TypeError, $"函数 {c.Name} 的第{i + 1}个参数应为{p.DisplayName}，实际是{types[i]!.DisplayName}（用法：{fn.Usage}）");
                return fn.Result(types);
            }
        }

        if (fn.Check?.Invoke(c, types!) is { } problem)
        {
            Report(c.Start, DiagnosticKind.TypeError, problem);
            return null;
        }

        return fn.Result(types);
    }

    private void CheckOptionLiterals(Expr expr, string question)
    {
        foreach (var (literal, at) in StringLiterals(expr))
        {
            var options = scope.OptionsOf(question);
            if (!options.Contains(literal, StringComparer.Ordinal))
                Report(at, DiagnosticKind.UnknownOption, $"“{literal}”不是问题“{question}”的选项，可选：{string.Join("、", options)}");
        }
    }

    /// <summary>The string literals an expression can evaluate to directly (a literal or the branches of if()).</summary>
    private static IEnumerable<(string Value, int At)> StringLiterals(Expr expr)
    {
        switch (expr)
        {
            case LiteralExpr { Value: string s } l:
                yield return (s, l.Start);
                break;
            case CallExpr { Name: "if", Args.Count: 3 } c:
                foreach (var x in StringLiterals(c.Args[1]).Concat(StringLiterals(c.Args[2])))
                    yield return x;
                break;
        }
    }

    /// <summary>
    /// The complete set of strings an expression can produce, when that is known statically (literals, if() over
    /// literals, choice answers); null otherwise. Used to check fixed-value application fields.
    /// </summary>
    public static IReadOnlyList<string>? PossibleStrings(Expr expr, ITypeScope scope) => expr switch
    {
        LiteralExpr { Value: string s } => [s],
        CallExpr { Name: "if", Args.Count: 3 } c when PossibleStrings(c.Args[1], scope) is { } a && PossibleStrings(c.Args[2], scope) is { } b => [.. a.Union(b)],
        NameExpr n when scope.TypeOf(n.Name) is { Kind: ValueKind.Choice, ChoiceQuestion: { } q } => scope.OptionsOf(q),
        NameExpr n when scope.ComputedExpression(n.Name) is { } computed => PossibleStrings(computed, scope),
        _ => null,
    };
}
