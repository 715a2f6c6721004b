namespace Farun.Common;

/// <summary>A set of enum values stored in one text column as comma-separated names (e.g. a registry entry's
/// specialties): sorted and distinct when written, unknown names read as <c>unknown</c>.</summary>
public static class EnumList
{
    public static IReadOnlyList<T> Parse<T>(string text, T unknown)
        where T : struct, Enum =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Enum.TryParse<T>(s, out var v) ? v : unknown).Distinct()];

    public static string Format<T>(IEnumerable<T> values)
        where T : struct, Enum =>
        string.Join(',', values.Distinct().Order().Select(v => v.ToString()));
}
