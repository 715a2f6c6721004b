namespace Farun.UnitTests.Law;

/// <summary>Locates the repository root (the folder holding Farun.slnx) and folders relative to it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The hand-written miniature corpus under tests/Farun.UnitTests/Fixtures/Laws.</summary>
    public static string FixtureCorpus => Path.Combine(RepositoryRoot, "tests", "Farun.UnitTests", "Fixtures", "Laws");

    /// <summary>The shared law corpus beside the repository (../shared/data/laws).</summary>
    public static string SharedCorpus => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "laws"));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Farun.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Farun.slnx not found above {AppContext.BaseDirectory}");
    }
}
