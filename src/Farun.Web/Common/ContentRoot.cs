namespace Farun.Web.Common;

/// <summary>Where the app finds appsettings.json when started as <c>dotnet path/to/Farun.Web.dll</c> from elsewhere.</summary>
public static class ContentRoot
{
    /// <summary>
    /// Builder options whose content root is the app's own folder when the working directory has no appsettings.json
    /// (e.g. `dotnet src/Farun.Web/bin/Release/net10.0/Farun.Web.dll` from the repository root); otherwise the defaults.
    /// Without this the settings file is silently skipped: every request is then logged at Information, and every other
    /// setting in the file falls back to its default.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    };

    /// <summary>The content root to use, or null for the framework's default (the working directory, or one set explicitly).</summary>
    public static string? Choose(string[] args, string workingDirectory, string appDirectory)
    {
        var explicitlySet = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (explicitlySet || File.Exists(Path.Combine(workingDirectory, "appsettings.json")))
            return null;
        return File.Exists(Path.Combine(appDirectory, "appsettings.json")) ? appDirectory : null;
    }
}
