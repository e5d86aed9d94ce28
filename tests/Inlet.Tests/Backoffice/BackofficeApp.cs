using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inlet.Tests.Backoffice;

/// <summary>
/// Inlet on a real Kestrel port, driven by Debian's Chromium through Playwright. The browser is required: without it the
/// tests fail with a message saying how to install it (CI installs it in .ci/run).
/// </summary>
public sealed class BackofficeApp : InletApp, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BackofficeApp() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Where the browser tests save their screenshots: next to the test binaries, or over the ones the docs show when
    /// INLET_UPDATE_SCREENSHOTS=1 (so an ordinary test run leaves the working tree as it was).
    /// </summary>
    public static string ScreenshotFolder => Environment.GetEnvironmentVariable("INLET_UPDATE_SCREENSHOTS") == "1"
        ? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/screenshots"))
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var chromium = Environment.GetEnvironmentVariable("INLET_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {chromium}: apt-get install chromium, or set INLET_CHROMIUM.");
        }
        // Two cores run the whole suite: give pages and assertions room rather than fail on a slow moment.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser session signed in as the bootstrap administrator.</summary>
    public async Task<IPage> SignedInPageAsync(string user = "admin", string password = AdminPassword)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 860 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/login");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync("**/backoffice");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Browser tests run one class at a time, after the rest: one Chromium at a time on a small machine.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class BrowserTests
{
    public const string Collection = "Browser";
}
