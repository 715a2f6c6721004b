using FluentValidation;

namespace Farun.Web.Common;

/// <summary>For Razor Pages that post a form to a use case: the error paths the API's ProblemDetails use.</summary>
public static class FormErrors
{
    /// <summary>A validator's property path as the API names it in ProblemDetails: each segment camel-cased
    /// (<c>Complaint.Subject.Kind</c> → <c>complaint.subject.kind</c>, <c>Parties[0].Person</c> → <c>parties[0].person</c>).</summary>
    public static string Camel(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>The errors of one form post: messages keyed by the field's camelCase JSON path (as the API's ProblemDetails
/// name them, compared case-insensitively), and general messages that belong to no field. Keeps the order they came in.</summary>
public sealed class FormErrorSet
{
    private readonly List<(string? Field, string Message)> entries = [];

    public bool IsEmpty => entries.Count == 0;

    /// <summary>What a page answers for the use-case error these messages came from: 400 for a validation failure, the
    /// domain error's own status (400, 403, 404, 409) otherwise; 400 for messages a page added itself.</summary>
    public int StatusCode { get; private set; } = StatusCodes.Status400BadRequest;

    /// <summary>Every message with its field (null for a general one), in the order added, without repeats.</summary>
    public IReadOnlyList<(string? Field, string Message)> Entries => entries;

    /// <summary>Messages by field path (case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields =>
        entries.Where(e => e.Field is not null).GroupBy(e => e.Field!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, IReadOnlyList<string> (g) => [.. g.Select(e => e.Message)], StringComparer.OrdinalIgnoreCase);

    /// <summary>Messages that name no field.</summary>
    public IReadOnlyList<string> General => [.. entries.Where(e => e.Field is null).Select(e => e.Message)];

    /// <summary>Every distinct message, in the order added.</summary>
    public IReadOnlyList<string> Messages => [.. entries.Select(e => e.Message).Distinct()];

    /// <summary>The messages of one field path (exactly that path, case-insensitive).</summary>
    public IReadOnlyList<string> For(string field) =>
        [.. entries.Where(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase)).Select(e => e.Message)];

    /// <summary>Adds a message for <paramref name="field"/> (null or empty: a general message); a repeat is ignored.</summary>
    public FormErrorSet Add(string? field, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = string.IsNullOrWhiteSpace(field) ? null : field.Trim();
        if (!entries.Any(e => string.Equals(e.Field, key, StringComparison.OrdinalIgnoreCase) && string.Equals(e.Message, message, StringComparison.Ordinal)))
            entries.Add((key, message));
        return this;
    }

    /// <summary>Adds every message of <paramref name="other"/>; an empty set takes its status too.</summary>
    public FormErrorSet Add(FormErrorSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty && !other.IsEmpty)
            StatusCode = other.StatusCode;
        foreach (var (field, message) in other.entries)
            Add(field, message);
        return this;
    }

    /// <summary>This set without the messages of <paramref name="field"/> (and the paths under it).</summary>
    public FormErrorSet Without(string field)
    {
        var rest = new FormErrorSet();
        foreach (var (f, message) in entries.Where(e => e.Field is null || !FormErrorView.Covers(field, e.Field)))
            rest.Add(f, message);
        return rest;
    }

    /// <summary>The messages of a use case's error: a validation failure by (camel-cased) property; a 400 by the fields
    /// it names, or its message when it names none; any other domain error as a general message.</summary>
    public static FormErrorSet From(DomainException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var set = new FormErrorSet { StatusCode = e.StatusCode };
        if (e is BadRequestException { Errors.Count: > 0 } b)
        {
            foreach (var (field, messages) in b.Errors)
            {
                foreach (var message in messages)
                    set.Add(field, message);
            }
        }
        else
        {
            set.Add(null, e.Message);
        }

        return set;
    }

    /// <inheritdoc cref="From(DomainException)"/>
    public static FormErrorSet From(ValidationException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var set = new FormErrorSet();
        foreach (var failure in e.Errors)
            set.Add(string.IsNullOrEmpty(failure.PropertyName) ? null : FormErrors.Camel(failure.PropertyName), failure.ErrorMessage);
        if (set.IsEmpty)
            set.Add(null, e.Message);
        return set;
    }

    /// <summary>Runs <paramref name="action"/>; an empty set when it succeeded, else the messages of its validation or
    /// domain error (other exceptions propagate).</summary>
    public static async Task<FormErrorSet> TryAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return new FormErrorSet();
        }
        catch (ValidationException e)
        {
            return From(e);
        }
        catch (DomainException e)
        {
            return From(e);
        }
    }

    /// <summary>Places the messages at a page's inputs: each (path, input id) pair, listed in the order of the form, says
    /// which input shows the errors of that path and the paths under it (the longest matching path wins). When several inputs share a path, the first
    /// shows the message and all are marked invalid. Messages whose path has no input appear only in the summary.</summary>
    public FormErrorView Place(params (string Path, string InputId)[] inputs) => new(this, inputs);
}

/// <summary>A <see cref="FormErrorSet"/> placed at the inputs of one page: what each input shows, and the summary above
/// the form (GOV.UK error summary: items of a field link to its input).</summary>
public sealed class FormErrorView
{
    public static readonly FormErrorView None = new(new FormErrorSet(), []);

    public sealed record SummaryItem(string Message, string? InputId);

    private readonly Dictionary<string, List<string>> messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> describedBy = new(StringComparer.Ordinal);
    private readonly List<SummaryItem> summary;

    internal FormErrorView(FormErrorSet errors, IReadOnlyList<(string Path, string InputId)> inputs)
    {
        var items = new List<SummaryItem>();
        foreach (var (field, message) in errors.Entries)
        {
            var target = field is null ? null : inputs.Select(i => i.Path).Where(p => Covers(p, field)).MaxBy(p => p.Length);
            if (target is null)
            {
                Summarize(items, message, null);
                continue;
            }

            var ids = inputs.Where(i => string.Equals(i.Path, target, StringComparison.OrdinalIgnoreCase)).Select(i => i.InputId).ToList();
            var primary = ids[0];
            if (!messages.TryGetValue(primary, out var list))
                messages[primary] = list = [];
            if (!list.Contains(message, StringComparer.Ordinal))
                list.Add(message);
            foreach (var id in ids)
                describedBy.TryAdd(id, ErrorId(primary));
            Summarize(items, message, primary);
        }

        // Messages of no input first, then in the order of the inputs (the order of the map, i.e. of the form).
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
            position.TryAdd(inputs[i].InputId, i);
        summary = [.. items.OrderBy(x => x.InputId is null ? -1 : position[x.InputId])];
    }

    public bool Any => summary.Count > 0;

    /// <summary>Every message once per input (general ones and those of no input without one, first), then in the order
    /// of the inputs; in the order they came in within each.</summary>
    public IReadOnlyList<SummaryItem> Summary => summary;

    /// <summary>The messages shown next to <paramref name="inputId"/>.</summary>
    public IReadOnlyList<string> MessagesAt(string inputId) => messages.TryGetValue(inputId, out var list) ? list : [];

    public bool IsInvalid(string inputId) => describedBy.ContainsKey(inputId);

    /// <summary>The id of the element with the messages describing <paramref name="inputId"/>; null when it is valid.</summary>
    public string? DescribedBy(string inputId) => describedBy.GetValueOrDefault(inputId);

    public static string ErrorId(string inputId) => inputId + "-err";

    /// <summary>Whether the input for <paramref name="path"/> shows the error of <paramref name="field"/>: the same path,
    /// or one under it (<c>complaint.subject</c> covers <c>complaint.subject.kind</c>; <c>complaint.caseIds</c> covers
    /// <c>complaint.caseIds[2]</c>).</summary>
    public static bool Covers(string path, string field) =>
        field.StartsWith(path, StringComparison.OrdinalIgnoreCase) && (field.Length == path.Length || field[path.Length] is '.' or '[');

    private static void Summarize(List<SummaryItem> items, string message, string? inputId)
    {
        if (!items.Contains(new SummaryItem(message, inputId)))
            items.Add(new SummaryItem(message, inputId));
    }
}
