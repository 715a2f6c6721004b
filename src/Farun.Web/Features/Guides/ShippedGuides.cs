using System.Reflection;

namespace Farun.Web.Features.Guides;

/// <summary>The guides shipped in the repository (Features/Guides/Data/*.yaml), embedded in the assembly.</summary>
public static class ShippedGuides
{
    private const string Prefix = "Farun.Guides.";

    public sealed record Source(string FileName, string Yaml);

    private static readonly Lazy<IReadOnlyList<Source>> All = new(Load);

    public static IReadOnlyList<Source> Sources => All.Value;

    private static IReadOnlyList<Source> Load()
    {
        var assembly = typeof(ShippedGuides).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Source(n[Prefix.Length..], Read(assembly, n)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Missing resource " + name);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
