using System.Net;
using Farun.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>The real application on a test database, with demo data seeded.</summary>
public sealed class FarunFactory(TestDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Farun", Database.ConnectionString);
        builder.UseSetting("Farun:DataDir", Database.DataDir);
        builder.UseSetting("Farun:SeedDemoData", "true");
        foreach (var (key, value) in TestSettings())
            builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (services is not null)
            builder.ConfigureTestServices(services);
    }

    /// <summary>Settings every test app (in-process or CLI) needs beside its database, e.g. generated keys.</summary>
    public static IReadOnlyDictionary<string, string> TestSettings() => new Dictionary<string, string>();

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
