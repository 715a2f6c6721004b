using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Farun.Features.Consultations;

namespace Farun.Features.Assistant;

/// <summary>A kind of danger the assistant reacts to at once.</summary>
public enum DangerKind
{
    /// <summary>暴力或人身威胁.</summary>
    Violence = 1,

    /// <summary>家庭暴力.</summary>
    DomesticViolence = 2,

    /// <summary>自伤、轻生.</summary>
    SelfHarm = 3,

    /// <summary>人员聚集、群体性冲突.</summary>
    Crowd = 4,
}

public static class DangerKindNames
{
    public static string DisplayName(this DangerKind kind) => kind switch
    {
        DangerKind.Violence => "暴力或人身威胁",
        DangerKind.DomesticViolence => "家庭暴力",
        DangerKind.SelfHarm => "自伤轻生",
        DangerKind.Crowd => "人员聚集",
        _ => kind.ToString(),
    };
}

/// <summary>One group of danger phrases (data file entry).</summary>
public sealed record DangerSignalEntry(
    [property: JsonPropertyName("kind")] DangerKind Kind,
    [property: JsonPropertyName("phrases")] IReadOnlyList<string> Phrases,
    [property: JsonPropertyName("note")] string Note);

/// <summary>An emergency number and when to call it.</summary>
public sealed record EmergencyContact(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("when")] string When,
    [property: JsonPropertyName("kinds")] IReadOnlyList<DangerKind> Kinds,
    [property: JsonPropertyName("note")] string Note);

/// <summary>The danger-signal lexicon (<c>Data/danger-signals.json</c>).</summary>
public sealed record DangerLexicon(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("signals")] IReadOnlyList<DangerSignalEntry> Signals,
    [property: JsonPropertyName("contacts")] IReadOnlyList<EmergencyContact> Contacts);

/// <summary>Words that point to a domain, with why.</summary>
public sealed record DomainKeywords(
    [property: JsonPropertyName("words")] IReadOnlyList<string> Words,
    [property: JsonPropertyName("note")] string Note);

/// <summary>A clarifying question: asked when the question has one of <see cref="When"/> and none of <see cref="Unless"/>.</summary>
public sealed record ClarifyRule(
    [property: JsonPropertyName("ask")] string Ask,
    [property: JsonPropertyName("when")] IReadOnlyList<string> When,
    [property: JsonPropertyName("unless")] IReadOnlyList<string> Unless,
    [property: JsonPropertyName("note")] string Note);

/// <summary>What the assistant knows about one legal domain (data file entry).</summary>
public sealed record DomainTemplate(
    [property: JsonPropertyName("domain")] LegalDomain Domain,
    [property: JsonPropertyName("note")] string Note,
    [property: JsonPropertyName("keywords")] IReadOnlyList<DomainKeywords> Keywords,
    [property: JsonPropertyName("laws")] IReadOnlyList<string> Laws,
    [property: JsonPropertyName("intro")] string Intro,
    [property: JsonPropertyName("advice")] IReadOnlyList<string> Advice,
    [property: JsonPropertyName("clarify")] IReadOnlyList<ClarifyRule> Clarify)
{
    /// <summary>Whether a law title belongs to this domain (a listed name is part of the title).</summary>
    public bool OwnsLaw(string lawTitle) => Laws.Any(l => lawTitle.Contains(l, StringComparison.Ordinal));
}

/// <summary>The per-domain templates (<c>Data/domains.json</c>).</summary>
public sealed record DomainTemplates(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("domains")] IReadOnlyList<DomainTemplate> Domains);

/// <summary>
/// The assistant's curated data: per-domain templates and the danger-signal lexicon, versioned JSON files embedded in
/// the assembly (<c>Features/Assistant/Data</c>), every entry with a note. Immutable.
/// </summary>
public sealed class AssistantKnowledge
{
    private static readonly Lazy<AssistantKnowledge> Embedded = new(() => new AssistantKnowledge(
        Parse<DomainTemplates>(Read("domains.json")), Parse<DangerLexicon>(Read("danger-signals.json"))));

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public AssistantKnowledge(DomainTemplates domains, DangerLexicon danger)
    {
        Domains = domains;
        Danger = danger;
        Validate();
    }

    public static AssistantKnowledge Default => Embedded.Value;

    public DomainTemplates Domains { get; }

    public DangerLexicon Danger { get; }

    public DomainTemplate? Template(LegalDomain domain) => Domains.Domains.FirstOrDefault(d => d.Domain == domain);

    public static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new JsonException("数据文件为空。");

    private void Validate()
    {
        foreach (var d in Domains.Domains)
        {
            if (string.IsNullOrWhiteSpace(d.Note) || string.IsNullOrWhiteSpace(d.Intro) || d.Keywords.Any(k => string.IsNullOrWhiteSpace(k.Note) || k.Words.Count == 0)
                || d.Clarify.Any(c => string.IsNullOrWhiteSpace(c.Note) || string.IsNullOrWhiteSpace(c.Ask) || c.When.Count == 0))
                throw new JsonException($"领域模板 {d.Domain} 的条目须有说明（note）、关键词和问题。");
        }

        foreach (var s in Danger.Signals)
        {
            if (string.IsNullOrWhiteSpace(s.Note) || s.Phrases.Count == 0)
                throw new JsonException($"危险信号 {s.Kind} 须有说明和词语。");
        }

        if (Danger.Contacts.Any(c => string.IsNullOrWhiteSpace(c.Note) || c.Kinds.Count == 0))
            throw new JsonException("紧急电话须有说明和适用情形。");
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Farun.Features.Assistant.Data." + name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A danger found in a question.</summary>
/// <param name="Kinds">The kinds of danger, most serious first.</param>
/// <param name="Phrases">The phrases that matched (for staff; they come from the lexicon, not personal data).</param>
/// <param name="Contacts">Emergency numbers to show, in lexicon order.</param>
public sealed record DangerSignal(IReadOnlyList<DangerKind> Kinds, IReadOnlyList<string> Phrases, IReadOnlyList<EmergencyContact> Contacts)
{
    public string Summary => string.Join("、", Kinds.Select(k => k.DisplayName()));
}

/// <summary>Finds danger signals in a question with the lexicon (plain substring matches, no negation handling on purpose).</summary>
public static class DangerDetector
{
    private static readonly DangerKind[] Severity = [DangerKind.SelfHarm, DangerKind.Violence, DangerKind.DomesticViolence, DangerKind.Crowd];

    public static DangerSignal? Detect(string? text, AssistantKnowledge? knowledge = null)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var lexicon = (knowledge ?? AssistantKnowledge.Default).Danger;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var kinds = new HashSet<DangerKind>();
        var phrases = new List<string>();
        foreach (var signal in lexicon.Signals)
        {
            foreach (var phrase in signal.Phrases)
            {
                if (compact.Contains(phrase, StringComparison.Ordinal))
                {
                    kinds.Add(signal.Kind);
                    phrases.Add(phrase);
                }
            }
        }

        if (kinds.Count == 0)
            return null;
        var ordered = Severity.Where(kinds.Contains).ToList();
        var contacts = lexicon.Contacts.Where(c => c.Kinds.Any(kinds.Contains)).ToList();
        return new DangerSignal(ordered, phrases.Distinct().ToList(), contacts);
    }
}
