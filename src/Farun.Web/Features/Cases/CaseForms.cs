using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Farun.Web.Common;
using FluentValidation;

namespace Farun.Web.Features.Cases;

public enum FieldKind
{
    Text,
    TextArea,
    Select,
    Date,
    Number,
    Checkbox,
    CheckboxList,
    Hidden,
}

public sealed record FieldOption(string Value, string Label);

/// <summary>
/// One form field. <see cref="Name"/> is the JSON path of the API request it fills (e.g. <c>applicant.person.idNumber</c>),
/// so the screens post exactly what the API takes and its field errors land next to the right input.
/// </summary>
public sealed record FieldSpec(string Name, string Label, FieldKind Kind)
{
    public bool Required { get; init; }

    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    public string? Value { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    public string? Hint { get; init; }

    public int? MaxLength { get; init; }

    public bool Autofocus { get; init; }

    /// <summary>Alt+key (Alt+Shift+key in Firefox) moves to the field: for agents who type while talking.</summary>
    public string? AccessKey { get; init; }

    public string? Placeholder { get; init; }

    public string? AutoComplete { get; init; }

    /// <summary>Prefix of <see cref="Id"/>: "f" on a page with one form; the action on a page with a form per action, so
    /// that two forms with a field of the same name (a reason) never share an id and each label names its own input.</summary>
    public string IdPrefix { get; init; } = "f";

    public string Id => IdPrefix + "-" + Name.Replace('.', '-');
}

/// <summary>A form for one action, shown only when the caller may perform it.</summary>
public sealed record ActionForm(string Action, string Label, IReadOnlyList<FieldSpec> Fields, string? Intro = null, bool Primary = false);

/// <summary>Form posts to API requests, and API errors back to form fields.</summary>
public static class CaseForms
{
    public static IReadOnlyList<FieldOption> EnumOptions<T>(Func<T, string> name, IEnumerable<T>? only = null)
        where T : struct, Enum =>
        [.. (only ?? Enum.GetValues<T>()).Select(v => new FieldOption(v.ToString(), name(v)))];

    /// <summary>Builds the JSON object of the request from the posted values of <paramref name="fields"/>; empty values are left out.</summary>
    public static JsonObject ToJson(IEnumerable<FieldSpec> fields, IFormCollection form)
    {
        var root = new JsonObject();
        foreach (var f in fields)
        {
            var raw = form[f.Name];
            JsonNode? value = f.Kind switch
            {
                FieldKind.Checkbox => raw.Any(v => v is "true" or "on"),
                FieldKind.CheckboxList => new JsonArray([.. raw.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode)v!)]),
                _ when string.IsNullOrWhiteSpace(raw.ToString()) => null,
                FieldKind.Number when int.TryParse(raw.ToString().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                _ => raw.ToString(),
            };
            if (value is null)
                continue;
            Set(root, f.Name, value);
        }

        return root;
    }

    /// <summary>The request object, or a field error when a value has the wrong shape (a date that is not a date …).</summary>
    public static object Deserialize(JsonObject json, Type type, JsonSerializerOptions options)
    {
        try
        {
            return json.Deserialize(type, options) ?? throw new BadRequestException("请求内容不能为空。");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.TrimStart('$', '.');
            throw BadRequestException.ForField(field, "填写的内容格式不正确。");
        }
    }

    /// <summary>Field errors of an exception from the handlers, keyed like the API's (camelCase JSON paths).</summary>
    public static Dictionary<string, string[]> Errors(Exception e) => e switch
    {
        ValidationException v => v.Errors.GroupBy(x => FormErrors.Camel(x.PropertyName)).ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage).Distinct().ToArray()),
        BadRequestException b => new Dictionary<string, string[]>(b.Errors),
        _ => [],
    };

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject child)
            {
                child = new JsonObject();
                node[parts[i]] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}

/// <summary>What the field partial renders: the field, the errors of the last post, and (via the spec) the posted value.</summary>
public sealed record FieldView(FieldSpec Spec, IReadOnlyDictionary<string, string[]> Errors);

public static class FieldSpecExtensions
{
    /// <summary>The spec carrying what was posted, so a form shown again with errors keeps the user's input.</summary>
    public static FieldSpec WithPosted(this FieldSpec f, IFormCollection? form)
    {
        if (form is null || f.Kind == FieldKind.Hidden)
            return f;
        var raw = form[f.Name];
        return f.Kind switch
        {
            FieldKind.Checkbox => f with { Value = raw.Any(v => v is "true" or "on") ? "true" : null },
            FieldKind.CheckboxList => f with { Values = [.. raw.Where(v => v is not null).Select(v => v!)] },
            _ => f with { Value = raw.ToString() },
        };
    }
}
