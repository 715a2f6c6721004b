namespace Farun.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that need PostgreSQL, Chromium or the shared corpus call <see cref="Require"/>. On a developer's machine a
/// missing prerequisite reports the test as skipped with the reason; under CI=true it fails the test.
/// </summary>
public static class Prerequisites
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Require(bool available, string reason)
    {
        if (available)
            return;
        if (IsCi)
            throw new InvalidOperationException($"CI=true and a prerequisite is missing: {reason}");
        Skip.If(true, $"Not run: {reason}");
    }

    /// <summary>The repository root (the folder holding Farun.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared data folder beside the repository (../shared/data), or FARUN_SHARED_DATA.</summary>
    public static string SharedData =>
        Environment.GetEnvironmentVariable("FARUN_SHARED_DATA") is { Length: > 0 } dir
            ? dir
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string LawCorpus => Path.Combine(SharedData, "laws");

    public static void RequireLawCorpus() =>
        Require(Directory.Exists(LawCorpus), $"the law corpus is not at {LawCorpus} (set FARUN_SHARED_DATA)");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Farun.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Farun.slnx not found above " + AppContext.BaseDirectory);
    }
}
