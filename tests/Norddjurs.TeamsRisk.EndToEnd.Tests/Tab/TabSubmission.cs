using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// Arranges a submission as an owner makes it: Alex Wilber completes a demo system's assessment in the tab (in his own
/// browser context) with <c>highEvents</c> events scored above the appetite. Returns the assessment id.
/// </summary>
internal static class TabSubmission
{
    public static async Task<string> SubmitAsync(TabBrowser browser, AppProcess app, string system, int highEvents, ITestOutputHelper log)
    {
        var page = await browser.NewPageAsync(app);
        await TabBrowser.SignInAsync(page, "Alex Wilber");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Begynd vurderingen af {system}" }).ClickAsync();
        var assessmentId = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
        await TabBrowser.WaitInteractiveAsync(page);
        await TabSteps.Button(page, "Begynd vurderingen").ClickAsync();
        await page.Locator("#step-heading").WaitForAsync();
        await TabSteps.CompleteAsync(page, log, highEvents);
        await page.Context.CloseAsync();
        return assessmentId;
    }
}
