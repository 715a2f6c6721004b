using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Farun.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Search;

/// <summary>
/// The miniature search corpus (tests/Farun.UnitTests/Fixtures/Search/Laws) imported into a SQLite database once for
/// the search tests, with the search index rebuilt from the database as after <c>laws import</c>.
/// </summary>
public sealed class SearchLibrary : IAsyncLifetime
{
    public static string LawsPath => Path.Combine(Prerequisites.RepoRoot, "tests", "Farun.UnitTests", "Fixtures", "Search", "Laws");

    public TestDatabase Database { get; private set; } = null!;

    public FarunFactory Factory { get; private set; } = null!;

    public SearchSnapshot Snapshot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("Sqlite");
        Factory = new FarunFactory(Database, new Dictionary<string, string?> { ["Farun:Search:CheckIntervalSeconds"] = "0" });
        _ = Factory.Server;
        var corpus = LawCorpus.Load(LawsPath, LawScope.National);
        await using (var scope = Factory.Scope())
            await scope.ServiceProvider.GetRequiredService<LawImporter>().WriteAsync(corpus, null, CancellationToken.None);
        Snapshot = await Factory.Services.GetRequiredService<SearchIndexService>().RebuildAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
