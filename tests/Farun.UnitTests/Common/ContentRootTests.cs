using Farun.Web.Common;

namespace Farun.UnitTests.Common;

public sealed class ContentRootTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("farun-contentroot-").FullName;

    private string Dir(string name, bool withSettings)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        if (withSettings)
            File.WriteAllText(Path.Combine(dir, "appsettings.json"), "{}");
        return dir;
    }

    [Fact]
    public void Choose_WorkingDirectoryWithoutSettings_UsesTheAppFolder()
    {
        var app = Dir("app", withSettings: true);
        Assert.Equal(app, ContentRoot.Choose([], Dir("repo", withSettings: false), app));
    }

    [Fact]
    public void Choose_WorkingDirectoryWithSettings_KeepsTheDefault()
    {
        Assert.Null(ContentRoot.Choose([], Dir("project", withSettings: true), Dir("app", withSettings: true)));
    }

    [Fact]
    public void Choose_ContentRootGivenOnTheCommandLine_KeepsIt()
    {
        Assert.Null(ContentRoot.Choose(["--contentRoot", "/srv/farun"], Dir("repo", withSettings: false), Dir("app", withSettings: true)));
    }

    [Fact]
    public void Choose_NoSettingsAnywhere_KeepsTheDefault()
    {
        Assert.Null(ContentRoot.Choose([], Dir("repo", withSettings: false), Dir("app", withSettings: false)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
