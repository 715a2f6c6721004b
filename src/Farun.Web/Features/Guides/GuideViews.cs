using Farun.Data;
using Farun.Features.ServicePoints;
using Farun.Web.Features.Guides.Apply;
using Farun.Web.Features.Guides.Engine;
using Microsoft.EntityFrameworkCore;

namespace Farun.Web.Features.Guides;

public sealed record GuideSummaryDto(string Id, int Version, string Title, string Summary, string Audience, string? Category, int? Minutes, int Questions, string Origin, string Url);

public sealed record OptionDto(string Value, string Label, string? Help);

/// <summary>A question as the citizen sees it, its texts filled in and its bounds evaluated (yyyy-MM-dd for dates).</summary>
public sealed record QuestionDto(
    string Id, string Type, string Text, string? Help, IReadOnlyList<OptionDto> Options, string? Unit, string? Min, string? Max,
    int MaxLength, bool Optional, bool Multiline);

public sealed record ParameterDto(string Id, string Label, string Value, string Source);

public sealed record OutcomeSummaryDto(string Id, string Verdict, string VerdictLabel);

public sealed record GuideDetailDto(
    string Id, int Version, string Title, string Summary, string Audience, string? Category, int? Minutes, string Start,
    IReadOnlyList<QuestionDto> Questions, IReadOnlyList<OutcomeSummaryDto> Outcomes, IReadOnlyList<ParameterDto> Parameters);

/// <summary>A place to go: one of the district's service points, or a named office.</summary>
public sealed record PlaceDto(string Name, string? Address, string? Phone, string? Hours, string? Detail, bool IsServicePoint);

public sealed record AnsweredDto(string QuestionId, string Question, string Answer);

public sealed record ActionDto(string Kind, string Form, string Label, bool Available, IReadOnlyList<RenderedField> Fields);

/// <summary>An outcome ready to show or print.</summary>
public sealed record OutcomeDto(
    string Id, string Verdict, string VerdictLabel, string Title, string? Summary, bool Urgent,
    IReadOnlyList<RenderedBasis> Basis, IReadOnlyList<string> Materials, IReadOnlyList<PlaceDto> Places,
    IReadOnlyList<RenderedDeadline> Deadlines, IReadOnlyList<string> NextSteps, ActionDto? Action,
    IReadOnlyList<AnsweredDto> Answers, IReadOnlyList<ParameterDto> Parameters);

/// <summary>Turns engine results into what pages and the API show.</summary>
public sealed class GuideViews(FarunDbContext db, IGuideApplicationSink sink)
{
    public static string TypeName(QuestionType t) => t switch
    {
        QuestionType.YesNo => "yesno",
        QuestionType.Choice => "choice",
        QuestionType.Number => "number",
        QuestionType.Money => "money",
        QuestionType.Date => "date",
        _ => "text",
    };

    public static string VerdictName(Verdict v) => v switch
    {
        Verdict.Eligible => "eligible",
        Verdict.NotEligible => "not_eligible",
        Verdict.Maybe => "maybe",
        _ => "guidance",
    };

    public static GuideSummaryDto Summary(LoadedGuide g) => new(g.Id, g.Version, g.Definition.Title, g.Definition.Summary, g.Definition.Audience,
        g.Definition.Category, g.Definition.Minutes, g.Definition.Questions.Count, g.Origin.ToString(), $"/guides/{g.Id}");

    /// <summary>A question at a position of the path, with texts and bounds evaluated over the answers before it.</summary>
    public static QuestionDto Question(GuideRunResult run, Question q, int index)
    {
        var (text, help) = OutcomeRenderer.RenderQuestion(run, q, index);
        var ev = run.EvaluatorAfter(index);
        string? Bound(SourceExpr? e) => e?.Parsed is null ? null : ev.Evaluate(e.Parsed) switch
        {
            DateOnly d => AnswerInput.Format(d),
            decimal n => AnswerInput.Format(n),
            _ => null,
        };
        return new QuestionDto(q.Id, TypeName(q.Type), text, help, [.. q.Options.Select(o => new OptionDto(o.Value, o.Label, o.Help))],
            q.Type == QuestionType.Money ? "元" : q.Unit, Bound(q.Min), Bound(q.Max), q.MaxLength, q.Optional, q.Multiline);
    }

    public static GuideDetailDto Detail(LoadedGuide g, GuideEnvironment env)
    {
        var d = g.Definition;
        var empty = GuideRunner.Run(d, new Dictionary<string, object?>(), env);
        return new GuideDetailDto(d.Id, d.Version, d.Title, d.Summary, d.Audience, d.Category, d.Minutes, d.Start,
            [.. d.Questions.Select(q => new QuestionDto(q.Id, TypeName(q.Type), q.Text.Source, q.Help?.Source,
                [.. q.Options.Select(o => new OptionDto(o.Value, o.Label, o.Help))], q.Type == QuestionType.Money ? "元" : q.Unit,
                q.Min?.Text, q.Max?.Text, q.MaxLength, q.Optional, q.Multiline))],
            [.. d.Outcomes.Select(o => new OutcomeSummaryDto(o.Id, VerdictName(o.Verdict), OutcomeRenderer.VerdictLabel(o.Verdict)))],
            Parameters(empty));
    }

    public static IReadOnlyList<ParameterDto> Parameters(GuideRunResult run) =>
        [.. run.Guide.Parameters.Select(p => new ParameterDto(p.Id, p.Label,
            GuideFormat.Value(run.Environment.Parameters.GetValueOrDefault(p.Id, p.Default), p.Type), run.Environment.SourceOf(p)))];

    public async Task<OutcomeDto> OutcomeAsync(GuideRunResult run, CancellationToken ct)
    {
        var r = OutcomeRenderer.Render(run);
        var places = new List<PlaceDto>();
        foreach (var p in r.Where)
        {
            if (p.ServicePoints == ServicePointScope.None)
            {
                places.Add(new PlaceDto(p.Name!, null, null, p.Hours, p.Detail, false));
                continue;
            }

            var query = db.ServicePoints.AsNoTracking();
            query = p.ServicePoints switch
            {
                ServicePointScope.District => query.Where(s => s.Kind == ServicePointKind.DistrictCentre),
                ServicePointScope.Street => query.Where(s => s.Kind == ServicePointKind.StreetWorkstation),
                ServicePointScope.Community => query.Where(s => s.Kind == ServicePointKind.CommunityLegalHome),
                _ => query,
            };
            foreach (var s in await query.OrderBy(s => s.Code).ToListAsync(ct))
                places.Add(new PlaceDto(s.Name, s.Address, s.Phone, s.OpeningHours, p.Detail, true));
        }

        var action = r.Action is { } a ? new ActionDto(a.Code, a.FormName, a.Label, sink.Accepts(a.Kind), a.Fields) : null;
        return new OutcomeDto(r.Id, VerdictName(r.Verdict), r.VerdictLabel, r.Title, r.Summary, r.Urgent, r.Basis, r.Materials, places,
            r.Deadlines, r.NextSteps, action, [.. r.Answers.Select(x => new AnsweredDto(x.QuestionId, x.Question, x.Answer))], Parameters(run));
    }
}
