using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on each of the shell's pages in the light and the dark theme (the browser's
/// prefers-color-scheme, which the tab follows outside Teams): no serious or critical violation (WCAG 2.1 AA). The
/// personal page is also checked at 320 px, the width of a Teams mobile panel, for horizontal scrolling.
/// </summary>
public sealed class TabAccessibilityTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_shells_pages_have_no_serious_or_critical_axe_violations(ColorScheme scheme)
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var failures = new List<string>();

        var anonymous = await browser.NewPageAsync(app, scheme);
        await anonymous.GotoAsync("tab/signin");
        await anonymous.Locator("#signin-outside:not([hidden])").WaitForAsync();
        failures.AddRange(await CheckAsync(anonymous, "sign-in"));
        await anonymous.GotoAsync("tab/dev-signin");
        failures.AddRange(await CheckAsync(anonymous, "dev sign-in"));

        var owner = await browser.NewPageAsync(app, scheme);
        await TabBrowser.SignInAsync(owner, "Alex Wilber");
        failures.AddRange(await CheckAsync(owner, "my assessments"));
        // The theme really follows the browser: Fluent's tokens give a dark page in the dark scheme.
        var background = await owner.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal(scheme == ColorScheme.Dark, IsDark(background));
        await owner.GetByRole(AriaRole.Link, new() { Name = "Begynd vurderingen af Omsorgssystem (demo)" }).ClickAsync();
        await TabBrowser.WaitInteractiveAsync(owner);
        failures.AddRange(await CheckAsync(owner, "assessment not begun"));
        await TabSteps.Button(owner, "Begynd vurderingen").ClickAsync();
        await owner.Locator("#step-heading").WaitForAsync();
        failures.AddRange(await CheckAsync(owner, "facts step"));
        await TabSteps.Button(owner, "Bekræft og fortsæt").ClickAsync();
        await owner.Locator("input[name=confidentiality]").First.WaitForAsync();
        failures.AddRange(await CheckAsync(owner, "profile step"));

        var committee = await browser.NewPageAsync(app, scheme);
        await TabBrowser.SignInAsync(committee, "Pia Skov", "tab/committee");
        failures.AddRange(await CheckAsync(committee, "committee"));
        await committee.GotoAsync("tab/config");
        await TabBrowser.WaitInteractiveAsync(committee);
        failures.AddRange(await CheckAsync(committee, "config"));
        // The data views Pia reads as committee member and coordinator: the register, the heat map and the audit trail.
        foreach (var (path, name) in new[] { ("tab/register", "register"), ("tab/heatmap", "heatmap"), ("tab/audit?verify=true", "audit"), ("tab/coordinator", "coordinator") })
        {
            await committee.GotoAsync(path);
            await TabBrowser.WaitInteractiveAsync(committee);
            failures.AddRange(await CheckAsync(committee, name));
        }

        // The method page, with the new version's editor open (form, changes, catalogue, JSON editor, approval).
        await committee.GotoAsync("tab/coordinator/method");
        await TabBrowser.WaitInteractiveAsync(committee);
        failures.AddRange(await CheckAsync(committee, "method versions"));
        await TabSteps.Button(committee, "Start a new version from the active one (1.0.0)").ClickAsync();
        await committee.Locator("#method-draft-title").WaitForAsync();
        failures.AddRange(await CheckAsync(committee, "method draft"));


        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task My_assessments_fits_a_320_px_panel_without_horizontal_scrolling()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app, ColorScheme.Light, width: 320);
        await TabBrowser.SignInAsync(page, "Alex Wilber");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= 320, $"The page is {scrollWidth} px wide at 320 px.");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Begynd vurderingen af Lokalebooking (demo)" }).IsVisibleAsync());
    }

    /// <summary>"rgb(r, g, b)" darker than mid-grey.</summary>
    private static bool IsDark(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',').Take(3).Select(p => int.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return parts.Sum() / 3 < 128;
    }

    private async Task<IEnumerable<string>> CheckAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        log.WriteLine($"{name}: {result.Violations.Length} violations, {bad.Count} serious or critical");
        return bad.Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
    }
}
