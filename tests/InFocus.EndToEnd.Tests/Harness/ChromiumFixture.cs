using InFocus.TestKit;
using Microsoft.Playwright;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (which downloads no browser of its own). One per xunit collection
/// (<c>ICollectionFixture&lt;ChromiumFixture&gt;</c>) next to the collection's host: starting a browser takes about a
/// second, a context a few milliseconds. Each test opens its own context, so tests share no cookies or storage.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>What a phone shows: the pages must read well at this size.</summary>
    public static ViewportSize PhoneViewport { get; } = new() { Width = 390, Height = 844 };

    public async Task InitializeAsync()
    {
        if (!File.Exists(TestEnvironment.Chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {TestEnvironment.Chromium}: install Debian's package (apt-get install chromium) or set INFOCUS_TEST_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            // Nothing but the pages under test: no sandbox (tests may run as root), no GPU, no calls home.
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-quic",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context the size of a phone; dispose it (<c>await using</c>) when the test is done. Like a
    /// <see cref="SignedInUser"/>, it is a client address of its own (<c>X-Forwarded-For</c>), so sign-in limits
    /// reached by one test never reach another.
    /// </summary>
    public Task<IBrowserContext> NewPhoneContextAsync() =>
        (_browser ?? throw new InvalidOperationException("The browser is not running.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = PhoneViewport,
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = SignedInUsers.NewClientAddress() },
        });

    /// <summary>A fresh browser context the size of a laptop screen, for pages made for developers (the API reference).</summary>
    public Task<IBrowserContext> NewDesktopContextAsync() =>
        (_browser ?? throw new InvalidOperationException("The browser is not running.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-GB",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = SignedInUsers.NewClientAddress() },
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
