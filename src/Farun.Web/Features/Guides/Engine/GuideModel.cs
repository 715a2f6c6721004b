namespace Farun.Web.Features.Guides.Engine;

/// <summary>A line and column in a guide's YAML text, both 1-based.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>What kind of problem the reader or the validator found.</summary>
public enum DiagnosticKind
{
    /// <summary>The YAML or an expression cannot be read.</summary>
    Syntax,

    /// <summary>A required key is missing, a key is unknown or a value has the wrong form.</summary>
    Schema,

    /// <summary>Two questions, outcomes, computed values or parameters share an id.</summary>
    Duplicate,

    /// <summary>A "goto" names no question or outcome.</summary>
    UnknownTarget,

    /// <summary>A question after which the interview can stop without an outcome.</summary>
    DeadEnd,

    /// <summary>The questions loop back on themselves.</summary>
    Cycle,

    UnreachableQuestion,

    UnreachableOutcome,

    /// <summary>A name that is not a question, computed value, parameter or function.</summary>
    UndefinedVariable,

    /// <summary>A question used where it may not have been asked on every path leading there.</summary>
    NotAlwaysAnswered,

    TypeError,

    /// <summary>A string compared with a choice question that is not one of its options.</summary>
    UnknownOption,

    /// <summary>A legal basis that does not parse or names an article the law library does not have.</summary>
    Citation,

    /// <summary>The online application of an outcome: unknown kind or field, missing or ill-typed field.</summary>
    Action,
}

/// <summary>A problem in a guide, pointing at its line and column.</summary>
public sealed record GuideDiagnostic(SourcePosition Position, DiagnosticKind Kind, string Message)
{
    public override string ToString() => $"{Position} {Message}";
}

/// <summary>A guide file that cannot be used; <see cref="Diagnostics"/> say why and where.</summary>
public sealed class GuideInvalidException(IReadOnlyList<GuideDiagnostic> diagnostics)
    : Exception("问卷有误：" + string.Join("；", diagnostics.Take(5)))
{
    public IReadOnlyList<GuideDiagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>
/// Where the text of a YAML scalar starts, to turn character offsets inside it (e.g. of an expression error) into
/// file positions. Exact for one-line scalars; for multi-line scalars the line is exact and the column approximate.
/// </summary>
public sealed record SourceSpan(SourcePosition Start, bool Quoted, bool Block, string Text)
{
    public SourcePosition At(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var newlines = 0;
        var lastNewline = -1;
        for (var i = 0; i < offset; i++)
        {
            if (Text[i] == '\n')
            {
                newlines++;
                lastNewline = i;
            }
        }

        if (Block)
            return new SourcePosition(Start.Line + 1 + newlines, Start.Column + 2 + (offset - lastNewline - 1));
        if (newlines == 0)
            return new SourcePosition(Start.Line, Start.Column + (Quoted ? 1 : 0) + offset);
        return new SourcePosition(Start.Line + newlines, 1 + (offset - lastNewline - 1));
    }
}

/// <summary>An expression as written in the guide, parsed (null when it has a syntax error, already reported).</summary>
/// <summary>An expression as written in the guide, parsed (null when it has a syntax error, already reported).
/// <paramref name="BaseOffset"/> is where the expression starts inside its scalar (inside a template's <c>{{ }}</c>).</summary>
public sealed record SourceExpr(string Text, Expr? Parsed, SourceSpan Span, int BaseOffset = 0)
{
    public SourcePosition Position => Span.At(BaseOffset);

    public SourcePosition PositionOf(int offset) => Span.At(BaseOffset + offset);
}

/// <summary>A piece of a <see cref="Template"/>: fixed text or an expression to insert.</summary>
public abstract record TemplatePart;

public sealed record TextPart(string Text) : TemplatePart;

public sealed record ExprPart(SourceExpr Expr) : TemplatePart;

/// <summary>Text for citizens with values inserted from <c>{{ expression }}</c>, e.g. 距仲裁时效届满还有{{ days_left }}天.</summary>
public sealed record Template(string Source, IReadOnlyList<TemplatePart> Parts, SourcePosition Position)
{
    public bool HasExpressions => Parts.Any(p => p is ExprPart);

    public IEnumerable<SourceExpr> Expressions => Parts.OfType<ExprPart>().Select(p => p.Expr);
}

/// <summary>A list entry shown only when its condition holds (materials, next steps).</summary>
public sealed record GuideItem(Template Text, SourceExpr? If, SourcePosition Position);

public enum QuestionType
{
    YesNo,
    Choice,
    Number,
    Money,
    Date,
    Text,
}

public sealed record QuestionOption(string Value, string Label, string? Help, SourcePosition Position);

/// <summary>Where to go after a question: the first rule whose condition holds (a rule without one always holds).</summary>
public sealed record NextRule(SourceExpr? If, string Goto, SourcePosition Position, SourcePosition GotoPosition);

public sealed record Question(
    string Id,
    QuestionType Type,
    Template Text,
    Template? Help,
    IReadOnlyList<QuestionOption> Options,
    SourceExpr? Min,
    SourceExpr? Max,
    string? Unit,
    int MaxLength,
    bool Optional,
    bool Multiline,
    IReadOnlyList<NextRule> Next,
    SourcePosition Position)
{
    public GuideType ValueType => Type switch
    {
        QuestionType.YesNo => GuideType.Bool,
        QuestionType.Choice => GuideType.ChoiceOf(Id),
        QuestionType.Number => GuideType.Number,
        QuestionType.Money => GuideType.Money,
        QuestionType.Date => GuideType.Date,
        _ => GuideType.Text,
    };

    public QuestionOption? Option(string value) => Options.FirstOrDefault(o => o.Value == value);
}

/// <summary>A value computed from answers, e.g. the last day for applying for arbitration.</summary>
public sealed record ComputedValue(string Id, SourceExpr Expression, string? Label, SourcePosition Position);

/// <summary>A value set by configuration (e.g. the means-test threshold), with a default and the source of that figure.</summary>
public sealed record GuideParameter(string Id, GuideType Type, string Label, object Default, string Source, SourcePosition Position);

public enum Verdict
{
    /// <summary>符合条件.</summary>
    Eligible,

    /// <summary>暂不符合条件.</summary>
    NotEligible,

    /// <summary>可能符合，需进一步审查.</summary>
    Maybe,

    /// <summary>办理指引: no eligibility question, only how to proceed.</summary>
    Guidance,
}

/// <summary>A legal basis of an outcome; with a condition, it is shown only when the condition holds (validated always).</summary>
public sealed record BasisItem(string Cite, Template? Why, SourceExpr? If, SourcePosition Position);

public enum ServicePointScope
{
    None,
    All,
    District,
    Street,
    Community,
}

/// <summary>A place to go: the district's own service points from the database, or a named office.</summary>
public sealed record WhereItem(ServicePointScope ServicePoints, string? Name, Template? Detail, string? Hours, SourceExpr? If, SourcePosition Position);

public sealed record DeadlineItem(string Label, SourceExpr Date, Template? Note, SourceExpr? If, SourcePosition Position);

/// <summary>A pre-filled field: its value, and optionally a condition (the field is left empty when it does not hold).</summary>
public sealed record ActionField(string Name, SourceExpr Value, SourceExpr? If, SourcePosition Position);

/// <summary>The online application an outcome offers, pre-filled from the answers.</summary>
public sealed record ActionSpec(string Kind, string Label, IReadOnlyList<ActionField> Fields, SourceExpr? If, SourcePosition Position);

public sealed record Outcome(
    string Id,
    Verdict Verdict,
    Template Title,
    Template? Summary,
    SourceExpr? Urgent,
    IReadOnlyList<BasisItem> Basis,
    IReadOnlyList<GuideItem> Materials,
    IReadOnlyList<WhereItem> Where,
    IReadOnlyList<DeadlineItem> Deadlines,
    IReadOnlyList<GuideItem> NextSteps,
    ActionSpec? Action,
    SourcePosition Position);

/// <summary>A procedure guide as read from YAML. It may still be invalid; <see cref="GuideValidator"/> says.</summary>
public sealed class GuideDefinition
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string Audience { get; init; }

    public string? Category { get; init; }

    public int? Minutes { get; init; }

    /// <summary>The first question (the "start" key, else the first question listed).</summary>
    public required string Start { get; init; }

    public SourcePosition StartPosition { get; init; }

    public required IReadOnlyList<GuideParameter> Parameters { get; init; }

    public required IReadOnlyList<Question> Questions { get; init; }

    public required IReadOnlyList<ComputedValue> Computed { get; init; }

    public required IReadOnlyList<Outcome> Outcomes { get; init; }

    public Question? Question(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public Outcome? Outcome(string id) => Outcomes.FirstOrDefault(o => o.Id == id);

    public string OptionLabel(string question, string value) => Question(question)?.Option(value)?.Label ?? value;
}
