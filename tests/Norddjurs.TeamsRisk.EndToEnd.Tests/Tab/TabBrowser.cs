using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// Headless Chromium for the tab: the machine's <c>/usr/bin/chromium</c> (scripts/test-setup/10-chromium.sh), never a
/// browser Playwright downloads. Each page is a fresh context (own cookies, colour scheme, 320 px or desktop width).
/// </summary>
public sealed class TabBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private TabBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<TabBrowser> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        return new TabBrowser(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(AppProcess app, ColorScheme scheme = ColorScheme.Light, int width = 1024)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.AbsoluteUri,
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "da-DK",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// As a person would outside Teams in Development: the page sends them to the sign-in page, which offers the dev
    /// sign-in; they pick themselves and land on the page they asked for, with the circuit connected.
    /// </summary>
    public static async Task SignInAsync(IPage page, string displayName, string path = "tab/personal")
    {
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Link, new() { Name = "Udviklerlogin (kun Development)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Log ind som {displayName}" }).ClickAsync();
        await WaitInteractiveAsync(page);
    }

    /// <summary>Blazor Server has connected: clicks now reach the server.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-interactive=yes]").WaitForAsync();

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
