using System.Net;
using Farun.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>The real application on a test database, with demo data seeded. <paramref name="services"/> replaces
/// services after the app's own (e.g. the clock: <c>s =&gt; s.AddSingleton&lt;TimeProvider&gt;(clock)</c>).</summary>
public sealed class FarunFactory(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    static FarunFactory()
    {
        // Dozens of app instances run at once in the tests; each file watcher (configuration reload, asp-append-version
        // on the web root) would take an inotify instance, and at the default limit of 128 per user a page answers 500.
        // Polling watchers use none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Farun", Database.ConnectionString);
        builder.UseSetting("Farun:DataDir", Database.DataDir);
        builder.UseSetting("Farun:SeedDemoData", "true");
        // Fresh personal-data keys per test database (two app instances on one database share them).
        foreach (var (key, value) in Database.PersonalDataSettings)
            builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(new ErrorLogProvider()));
        if (services is not null)
            builder.ConfigureTestServices(services);
    }

    /// <summary>A scope on the app's services, e.g. to arrange data through the DbContext.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public FarunDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FarunDbContext>();

    /// <summary>Serves the app on a real loopback port (for the browser) and returns its base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return addresses.Addresses.First().TrimEnd('/');
    }
}
