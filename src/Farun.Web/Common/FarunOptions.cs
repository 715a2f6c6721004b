namespace Farun.Web.Common;

/// <summary>Settings under the "Farun" configuration section.</summary>
public sealed class FarunOptions
{
    public const string Section = "Farun";

    /// <summary>Folder for the SQLite database, the search index and uploads.
    /// Default: the user's local application data folder + "/farun" (e.g. ~/.local/share/farun).</summary>
    public string DataDir { get; set; } = DefaultDataDir();

    /// <summary>Seed demo service points and accounts (on by default in Development only).</summary>
    public bool? SeedDemoData { get; set; }

    public static string DefaultDataDir() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "farun");

    public static string ResolveDataDir(IConfiguration configuration)
    {
        var dir = configuration[$"{Section}:DataDir"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(dir) ? DefaultDataDir() : dir);
    }
}
