namespace Farun.Web.Features.Guides.Engine;

public sealed record RenderedBasis(string Cite, string? Why, string Url);

public sealed record RenderedPlace(ServicePointScope ServicePoints, string? Name, string? Detail, string? Hours);

/// <summary>A deadline with the days left from today (negative once it has passed).</summary>
public sealed record RenderedDeadline(string Label, DateOnly Date, int DaysLeft, string? Note)
{
    public string DateText => GuideFormat.Date(Date);

    public string Remaining => DaysLeft switch
    {
        > 0 => $"还有{DaysLeft}天",
        0 => "就是今天",
        _ => $"已经过去{-DaysLeft}天",
    };
}

public sealed record RenderedField(string Name, string Label, object? Value, string Display);

/// <summary>The application an outcome offers, with its fields pre-filled from the answers.</summary>
public sealed record RenderedAction(ApplicationKind Kind, string Code, string FormName, string Label, IReadOnlyList<RenderedField> Fields)
{
    public IReadOnlyDictionary<string, object?> Values => Fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}

public sealed record RenderedAnswer(string QuestionId, string Question, string Answer);

public sealed record RenderedParameter(string Id, string Label, string Value, string Source);

/// <summary>An outcome with every text filled in and every condition applied, ready to show or print.</summary>
public sealed record RenderedOutcome(
    string Id,
    Verdict Verdict,
    string VerdictLabel,
    string Title,
    string? Summary,
    bool Urgent,
    IReadOnlyList<RenderedBasis> Basis,
    IReadOnlyList<string> Materials,
    IReadOnlyList<RenderedPlace> Where,
    IReadOnlyList<RenderedDeadline> Deadlines,
    IReadOnlyList<string> NextSteps,
    RenderedAction? Action,
    IReadOnlyList<RenderedAnswer> Answers,
    IReadOnlyList<RenderedParameter> Parameters);

/// <summary>Fills in an outcome's texts, lists, deadlines and application fields from a finished run.</summary>
public static class OutcomeRenderer
{
    public static string VerdictLabel(Verdict v) => v switch
    {
        Verdict.Eligible => "符合条件",
        Verdict.NotEligible => "暂不符合条件",
        Verdict.Maybe => "可能符合，需进一步审查",
        _ => "办理指引",
    };

    /// <summary>The law library page that resolves a citation text to its article.</summary>
    public static string CitationUrl(string cite) => "/laws/cite?text=" + Uri.EscapeDataString(cite);

    public static RenderedOutcome Render(GuideRunResult run)
    {
        var o = run.Outcome ?? throw new InvalidOperationException("The interview has not reached an outcome.");
        var ev = run.Evaluator;
        var scope = new GuideValidator.GuideScope(run.Guide, _ => { });
        GuideType? TypeOf(Expr e) => new ExpressionTyper(scope).Check(e);
        string Text(Template? t) => ev.Render(t, TypeOf);
        string? Optional(Template? t) => t is null ? null : Text(t);

        RenderedAction? action = null;
        if (o.Action is { } a && ev.Test(a.If) && ApplicationForms.ByCode(a.Kind) is { } form)
        {
            var fields = new List<RenderedField>();
            foreach (var spec in form.Fields)
            {
                var f = a.Fields.FirstOrDefault(x => x.Name == spec.Name);
                if (f?.Value.Parsed is not { } e || !ev.Test(f.If))
                    continue;
                var value = ev.Evaluate(e) switch
                {
                    ChoiceValue cv when spec.Type == FieldType.Code => cv.Value,
                    ChoiceValue cv => run.Guide.OptionLabel(cv.Question, cv.Value),
                    var v => v,
                };
                if (value is string { Length: 0 })
                    continue;
                fields.Add(new RenderedField(spec.Name, spec.Label, value, spec.Display(value)));
            }

            action = new RenderedAction(form.Kind, form.Code, form.Name, a.Label, fields);
        }

        var today = run.Environment.Clock.Today;
        return new RenderedOutcome(
            o.Id,
            o.Verdict,
            VerdictLabel(o.Verdict),
            Text(o.Title),
            Optional(o.Summary),
            o.Urgent?.Parsed is { } u && (bool)ev.Evaluate(u),
            [.. o.Basis.Where(b => ev.Test(b.If)).Select(b => new RenderedBasis(b.Cite, Optional(b.Why), CitationUrl(b.Cite)))],
            [.. o.Materials.Where(i => ev.Test(i.If)).Select(i => Text(i.Text))],
            [.. o.Where.Where(w => ev.Test(w.If)).Select(w => new RenderedPlace(w.ServicePoints, w.Name, Optional(w.Detail), w.Hours))],
            [.. o.Deadlines.Where(d => ev.Test(d.If)).Select(d =>
            {
                var date = (DateOnly)ev.Evaluate(d.Date.Parsed!);
                return new RenderedDeadline(d.Label, date, date.DayNumber - today.DayNumber, Optional(d.Note));
            })],
            [.. o.NextSteps.Where(i => ev.Test(i.If)).Select(i => Text(i.Text))],
            action,
            Answers(run),
            [.. run.Guide.Parameters.Select(p => new RenderedParameter(p.Id, p.Label,
                GuideFormat.Value(run.Environment.Parameters.GetValueOrDefault(p.Id, p.Default), p.Type), run.Environment.SourceOf(p)))]);
    }

    /// <summary>The questions on the path with the answers given, for the printed summary.</summary>
    public static IReadOnlyList<RenderedAnswer> Answers(GuideRunResult run)
    {
        var list = new List<RenderedAnswer>();
        for (var i = 0; i < run.Path.Count; i++)
        {
            var (q, value) = (run.Path[i].Question, run.Path[i].Value);
            var ev = run.EvaluatorAfter(i);
            var scope = new GuideValidator.GuideScope(run.Guide, _ => { });
            list.Add(new RenderedAnswer(q.Id, ev.Render(q.Text, e => new ExpressionTyper(scope).Check(e)), DisplayAnswer(q, value)));
        }

        return list;
    }

    public static string DisplayAnswer(Question q, object value) => value switch
    {
        string s when q.Type == QuestionType.Choice => q.Option(s)?.Label ?? s,
        string { Length: 0 } => "（未填写）",
        decimal d when q.Type == QuestionType.Money => GuideFormat.Money(d),
        decimal d => GuideFormat.Number(d) + (q.Unit ?? ""),
        _ => GuideFormat.Value(value, GuideType.Text),
    };

    /// <summary>A question's text and help with any inserted values filled in.</summary>
    public static (string Text, string? Help) RenderQuestion(GuideRunResult run, Question q, int pathIndex)
    {
        var ev = run.EvaluatorAfter(pathIndex);
        var scope = new GuideValidator.GuideScope(run.Guide, _ => { });
        GuideType? TypeOf(Expr e) => new ExpressionTyper(scope).Check(e);
        return (ev.Render(q.Text, TypeOf), q.Help is null ? null : ev.Render(q.Help, TypeOf));
    }
}
