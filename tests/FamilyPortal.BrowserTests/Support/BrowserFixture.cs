using Microsoft.Playwright;

namespace FamilyPortal.BrowserTests.Support;

/// <summary>
/// One running portal and one headless Chromium shared by every browser test; each test opens its own
/// browser context (cookies, storage), so tests stay independent.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";
    public const string ChromiumPathVariable = "CHROMIUM_PATH";

    // The system Chromium is used as is: Playwright must never try to download a browser of its own.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // The server's certificate is trusted by nobody: without this, Chromium refuses to register a service worker.
        "--ignore-certificate-errors",
    ];

    private IPlaywright? _playwright;

    public PortalServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install it (apt-get install -y chromium) or set {ChromiumPathVariable}.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Server.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh French-speaking browser context whose relative URLs point at the portal.</summary>
    public Task<IBrowserContext> NewContextAsync(Viewport viewport) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            // The server's certificate is made for the run and trusted by nobody.
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A screen size to test with; <see cref="IsMobile"/> makes Chromium honour the viewport meta tag like a phone.</summary>
public sealed record Viewport(int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Desktop = new(1280, 800, IsMobile: false);

    /// <summary>A small, common Android phone.</summary>
    public static readonly Viewport Phone = new(360, 740, IsMobile: true);

    /// <summary>A tablet held upright, with a touch screen.</summary>
    public static readonly Viewport Tablet = new(768, 1024, IsMobile: true);
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Navigateur";
}
