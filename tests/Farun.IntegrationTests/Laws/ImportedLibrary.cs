using Farun.IntegrationTests.Infrastructure;
using Farun.Law.Corpus;
using Farun.Web.Features.Laws;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Laws;

/// <summary>
/// The national corpus imported once per provider for the whole test run (it takes tens of seconds), plus the
/// summary of a second import of the same tree. Shared read-only by the tests of the collection.
/// </summary>
public sealed class ImportedLibrary : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, ImportedLibrary> Instances = [];

    private ImportedLibrary(TestDatabase database, FarunFactory factory, LawImportSummary first, LawImportSummary second)
    {
        Database = database;
        Factory = factory;
        First = first;
        Second = second;
    }

    public TestDatabase Database { get; }

    public FarunFactory Factory { get; }

    public LawImportSummary First { get; }

    public LawImportSummary Second { get; }

    public static async Task<ImportedLibrary> GetAsync(string provider)
    {
        Prerequisites.RequireLawCorpus();
        await Gate.WaitAsync();
        try
        {
            if (Instances.TryGetValue(provider, out var existing))
                return existing;
            var database = await TestDatabase.CreateAsync(provider);
            var factory = new FarunFactory(database);
            _ = factory.Server;
            var corpus = LawCorpus.Load(Prerequisites.LawCorpus, LawScope.National);
            LawImportSummary first, second;
            await using (var scope = factory.Scope())
                first = await scope.ServiceProvider.GetRequiredService<LawImporter>().WriteAsync(corpus, null, CancellationToken.None);
            await using (var scope = factory.Scope())
                second = await scope.ServiceProvider.GetRequiredService<LawImporter>().WriteAsync(corpus, null, CancellationToken.None);
            var library = new ImportedLibrary(database, factory, first, second);
            Instances[provider] = library;
            // Shared for the whole run: drop the database when the test process ends.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => library.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return library;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
