using System.Diagnostics;
using Microsoft.Playwright;

namespace FamilyPortal.BrowserTests.Support;

/// <summary>
/// Base of every browser test: a new browser context per test, on a desktop screen unless the test
/// switches to a phone. <see cref="VisitAsync"/> opens a page, checks its status, that the browser
/// reported no error (a CSP refusal of an inline style or script shows up there), and runs axe-core.
/// </summary>
[Collection(SharedBrowser.Name)]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    /// <summary>When set, every visited page is also saved as a full-page screenshot in this folder.</summary>
    public const string ScreenshotFolderVariable = "BROWSER_TESTS_SCREENSHOTS";

    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly List<BrowserError> _browserErrors = [];
    private IBrowserContext? _context;

    protected BrowserFixture Fixture => fixture;

    protected IPage Page { get; private set; } = null!;

    protected Viewport Viewport { get; private set; } = Viewport.Desktop;

    public Task InitializeAsync() => OpenContextAsync(Viewport.Desktop);

    /// <summary>Starts over in a fresh context the size of a phone.</summary>
    protected Task UsePhoneAsync() => OpenContextAsync(Viewport.Phone);

    /// <summary>Starts over in a fresh context the size of a tablet with a touch screen.</summary>
    protected Task UseTabletAsync() => OpenContextAsync(Viewport.Tablet);

    /// <summary>Opens <paramref name="path"/> and checks the page as described on the class.</summary>
    protected async Task<IResponse> VisitAsync(string path, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == expectedStatus, $"GET {path} answered {response.Status}, expected {expectedStatus}.");
        if (expectedStatus >= 400)
        {
            // Chromium logs the error status of the document itself; that one was asked for.
            _browserErrors.RemoveAll(e => e.Url.StartsWith(response.Url, StringComparison.Ordinal) && e.Text.StartsWith("Failed to load resource", StringComparison.Ordinal));
        }
        await CheckCurrentPageAsync();
        return response;
    }

    /// <summary>The checks of <see cref="VisitAsync"/>, for a page reached by a click or a form.</summary>
    protected async Task CheckCurrentPageAsync()
    {
        await WaitUntilLoadedAsync();
        Assert.True(_browserErrors.Count == 0,
            $"The browser reported errors on {Page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, _browserErrors)}");
        _browserErrors.Clear();
        await SaveScreenshotAsync();
        await Page.AssertAccessibleAsync();
    }

    /// <summary>Waits until the page's address satisfies <paramref name="expected"/>.</summary>
    /// <remarks>Instead of <c>WaitForURLAsync</c>: see <see cref="WaitUntilLoadedAsync"/>.</remarks>
    protected async Task WaitForAddressAsync(Func<string, bool> expected)
    {
        var waited = Stopwatch.StartNew();
        while (!expected(Page.Url))
        {
            if (waited.Elapsed >= PageTimeout)
            {
                throw new TimeoutException($"The page stayed at {Page.Url} for {PageTimeout.TotalSeconds} s.");
            }
            await Task.Delay(PollInterval);
        }
    }

    // Playwright's WaitForLoadStateAsync looks at the load states it knows, then listens for the next one: a
    // « load » delivered in between, by its other thread, is missed, and the wait lasts until its timeout (seen on
    // a busy machine, with « networkidle » arriving after it). The document is asked instead until it is complete.
    private async Task WaitUntilLoadedAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (await Page.EvaluateAsync<string>("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException) when (waited.Elapsed < PageTimeout)
            {
                // The document was replaced while it was asked: the next one is asked in turn.
            }
            if (waited.Elapsed >= PageTimeout)
            {
                throw new TimeoutException($"{Page.Url} was not loaded after {PageTimeout.TotalSeconds} s.");
            }
            await Task.Delay(PollInterval);
        }
    }

    private async Task OpenContextAsync(Viewport viewport)
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        Viewport = viewport;
        _browserErrors.Clear();
        _context = await fixture.NewContextAsync(viewport);
        Page = await _context.NewPageAsync();
        // The browser and integration suites run side by side on small CI machines: a page may wait its turn
        // for a while; the assertions keep their own short timeouts.
        Page.SetDefaultTimeout((float)PageTimeout.TotalMilliseconds);
        Page.SetDefaultNavigationTimeout((float)PageTimeout.TotalMilliseconds);
        Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _browserErrors.Add(new BrowserError($"console {message.Type}", message.Text, message.Location));
            }
        };
        Page.PageError += (_, error) => _browserErrors.Add(new BrowserError("page error", error, Page.Url));
    }

    private async Task SaveScreenshotAsync()
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotFolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        var path = new Uri(Page.Url).AbsolutePath.Trim('/');
        var name = $"{(path.Length == 0 ? "accueil" : path.Replace('/', '-'))}-{Viewport.Width}px.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    private sealed record BrowserError(string Kind, string Text, string Url)
    {
        public override string ToString() => $"{Kind}: {Text} ({Url})";
    }
}
