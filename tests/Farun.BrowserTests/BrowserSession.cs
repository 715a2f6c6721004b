using Farun.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Farun.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright and kept offline: Playwright never downloads a browser here and
/// the browser reaches nothing but loopback.</summary>
public sealed class OfflineChromium : IAsyncDisposable
{
    private static readonly string[] OfflineArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private OfflineChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("FARUN_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Launches the browser; skips the test locally (fails under CI=true) when Chromium is missing.</summary>
    public static async Task<OfflineChromium> LaunchAsync()
    {
        Prerequisites.Require(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath} (apt-get install chromium fonts-wqy-microhei)");
        // CI machines run several test processes at once: page loads and assertions get the same generous timeout.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { Headless = true, ExecutablePath = ChromiumPath, Args = OfflineArgs });
        return new OfflineChromium(playwright, browser);
    }

    /// <summary>A page in a new context (own cookies) on <paramref name="baseUrl"/>, in Chinese unless the options say otherwise.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = baseUrl;
        options.Locale ??= "zh-CN";
        var context = await _browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}

/// <summary>The real app on a loopback port with its own database, driven by <see cref="OfflineChromium"/>.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private OfflineChromium? _chromium;

    private BrowserSession(TestDatabase database, FarunFactory factory, string baseUrl)
    {
        Database = database;
        Factory = factory;
        BaseUrl = baseUrl;
    }

    public static string ChromiumPath => OfflineChromium.ChromiumPath;

    public TestDatabase Database { get; }

    public FarunFactory Factory { get; }

    public string BaseUrl { get; }

    public IPage Page { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync(string provider = "Sqlite", Action<FarunFactory>? arrange = null, IDictionary<string, string?>? settings = null)
    {
        var chromium = await OfflineChromium.LaunchAsync();
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new FarunFactory(database, settings);
        var baseUrl = factory.StartKestrel();
        arrange?.Invoke(factory);
        var session = new BrowserSession(database, factory, baseUrl) { _chromium = chromium };
        session.Page = await chromium.NewPageAsync(baseUrl);
        return session;
    }

    /// <summary>A second, separate browser (own cookies), e.g. a citizen on a phone while staff work in <see cref="Page"/>.</summary>
    public Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _chromium!.NewPageAsync(BaseUrl, options);

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
