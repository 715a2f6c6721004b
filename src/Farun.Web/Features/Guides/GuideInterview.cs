using Farun.Features.Guides;
using Farun.Web.Features.Guides.Engine;

namespace Farun.Web.Features.Guides;

/// <summary>
/// Configured parameter values: <c>Farun:Guides:Parameters:{id}:Value</c> overrides a guide's default and
/// <c>Farun:Guides:Parameters:{id}:Source</c> says where the figure comes from (shown to citizens).
/// </summary>
public sealed class GuideParameters(IConfiguration configuration, TimeProvider time, ILogger<GuideParameters> logger)
{
    public const string Section = "Farun:Guides:Parameters";

    public GuideEnvironment Environment(GuideDefinition guide)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in guide.Parameters)
        {
            var section = configuration.GetSection($"{Section}:{p.Id}");
            var text = section["Value"] ?? section.Value;
            if (text is not null)
            {
                if (GuideYamlReader.ParseValue(p.Type, text) is { } value)
                    values[p.Id] = value;
                else
                    logger.LogWarning("Configuration {Key} = {Value} is not a valid {Type}; the guide's default is used", $"{Section}:{p.Id}", text, p.Type.DisplayName);
            }

            if (section["Source"] is { Length: > 0 } source)
                sources[p.Id] = source;
        }

        return GuideEnvironment.For(guide, GuideClock.From(time), values, sources);
    }
}

/// <summary>An interview: the guide it runs on, its stored answers, and where it stands.</summary>
public sealed record Interview(LoadedGuide Guide, GuideSession Session, Dictionary<string, string> Answers, GuideRunResult Run, bool GuideChanged)
{
    /// <summary>The position of a question on the current path (answered ones first, then the current one), or -1.</summary>
    public int IndexOf(string questionId)
    {
        for (var i = 0; i < Run.Path.Count; i++)
        {
            if (Run.Path[i].Question.Id == questionId)
                return i;
        }

        return Run.Current?.Id == questionId ? Run.Path.Count : -1;
    }
}

/// <summary>Loads and advances interviews: pages and the API use it so they behave the same.</summary>
public sealed class GuideInterviews(GuideCatalog catalog, GuideSessionStore sessions, GuideParameters parameters)
{
    public GuideRunResult Run(GuideDefinition guide, IReadOnlyDictionary<string, string> answers) =>
        GuideRunner.Run(guide, StoredAnswers.Typed(guide, answers), parameters.Environment(guide));

    public async Task<Interview> StartAsync(LoadedGuide guide, CancellationToken ct)
    {
        var session = await sessions.CreateAsync(guide, null, ct);
        return new Interview(guide, session, [], Run(guide.Definition, new Dictionary<string, string>()), false);
    }

    /// <summary>The interview under a code, on its own version of the guide (or the active one if that version is gone).</summary>
    public async Task<Interview?> LoadAsync(string? code, CancellationToken ct)
    {
        var session = await sessions.FindAsync(code, ct);
        if (session is null)
            return null;
        var guide = await catalog.GetVersionAsync(session.GuideId, session.GuideVersion, ct);
        var changed = false;
        if (guide is null)
        {
            guide = await catalog.GetActiveAsync(session.GuideId, ct);
            if (guide is null)
                return null;
            changed = true;
            session.GuideVersion = guide.Version;
        }

        var answers = StoredAnswers.Read(session.AnswersJson);
        return new Interview(guide, session, answers, Run(guide.Definition, answers), changed);
    }

    /// <summary>Records an answer and returns the interview as it now stands.</summary>
    public async Task<Interview> AnswerAsync(Interview interview, string questionId, object value, CancellationToken ct)
    {
        var answers = new Dictionary<string, string>(interview.Answers, StringComparer.Ordinal) { [questionId] = AnswerInput.Format(value) };
        await sessions.SaveAsync(interview.Session, answers, ct);
        return interview with { Answers = answers, Run = Run(interview.Guide.Definition, answers) };
    }

    public Task SaveAsync(Interview interview, CancellationToken ct) => sessions.SaveAsync(interview.Session, interview.Answers, ct);
}
