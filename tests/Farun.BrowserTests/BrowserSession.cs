using Farun.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Farun.BrowserTests;

/// <summary>The real app on a loopback port with its own database, driven by Debian's Chromium through Playwright.
/// Playwright never downloads a browser here: it is pointed at /usr/bin/chromium and kept offline.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("FARUN_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private static readonly string[] OfflineArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserSession(TestDatabase database, FarunFactory factory, string baseUrl)
    {
        Database = database;
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public TestDatabase Database { get; }

    public FarunFactory Factory { get; }

    public string BaseUrl { get; }

    public IPage Page { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync(string provider = "Sqlite", Action<FarunFactory>? arrange = null, IDictionary<string, string?>? settings = null)
    {
        Prerequisites.Require(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath} (apt-get install chromium fonts-wqy-microhei)");
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new FarunFactory(database, settings);
        var baseUrl = factory.StartKestrel();
        arrange?.Invoke(factory);
        var session = new BrowserSession(database, factory, baseUrl);
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = ChromiumPath,
            Args = OfflineArgs,
        });
        var context = await session._browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        // CI machines run several test processes at once: page loads and assertions get the same generous timeout.
        context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>A second, separate browser (own cookies), e.g. a citizen on a phone while staff work in <see cref="Page"/>.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseUrl;
        options.Locale ??= "zh-CN";
        var context = await _browser!.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
