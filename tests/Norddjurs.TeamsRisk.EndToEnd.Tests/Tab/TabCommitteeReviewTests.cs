using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// The committee's review in the tab (issue 9 item 6): Alex submits with one event above the appetite; Karen Holm
/// (committee, Danish) opens <c>/tab/committee</c>, is stopped without the recommendation (nothing stored changes),
/// then approves with it. The stored state and the audit trail are read back through the API.
/// </summary>
public sealed class TabCommitteeReviewTests(ITestOutputHelper log)
{
    // Lokalebooking (demo): criticality Lav; one event at the highest likelihood and consequence 2 is Høj, above the appetite.
    private const string System = "Lokalebooking (demo)";

    [Fact]
    public async Task Karen_Holm_approves_with_a_recommendation_per_above_appetite_line_in_the_tab()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var api = new DevApi(app.CreateClient());
        var page = await browser.NewPageAsync(app);
        try
        {
            var id = await TabSubmission.SubmitAsync(browser, app, System, highEvents: 1, log);
            await TabBrowser.SignInAsync(page, "Karen Holm", "tab/committee");
            var submission = page.Locator("article.tr-submission").Filter(new() { HasText = System });
            var recommendation = submission.Locator("textarea[required]");
            Assert.Equal(1, await recommendation.CountAsync());

            await TabSteps.Button(page, "Godkend med indstillinger").ClickAsync();
            await submission.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex("^Skriv udvalgets indstilling for ") }).WaitForAsync();
            Assert.Equal("Submitted", await StateAsync(api, id));

            await recommendation.FillAsync("Udvalget anbefaler (E2E) at acceptere risikoen midlertidigt");
            await TabSteps.Button(page, "Godkend med indstillinger").ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Vurderingen er godkendt." }).WaitForAsync();

            // An above-appetite line goes on to the band's authority (risk-method.md §2.1): Escalated, not Approved.
            Assert.Equal("Escalated", await StateAsync(api, id));
            var entries = await TabAudit.WaitForAsync(api, e => Is(e, "AssessmentApproved", id));
            var approved = Assert.Single(entries, e => Is(e, "AssessmentApproved", id));
            log.WriteLine(approved.ToJsonString());
            Assert.Contains(DevApi.KarenHolm, approved.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Tab", approved.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            // The method writes the committee's recommendation per line as its own entry, by the same member.
            var recommended = Assert.Single(entries, e => Is(e, "RecommendationAdded", id));
            Assert.Contains(DevApi.KarenHolm, recommended.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, await submission.CountAsync());
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }

    internal static async Task<string?> StateAsync(DevApi api, string id) =>
        (string?)(await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(id)}", DevApi.AlexWilber, CancellationToken.None))["state"];

    internal static bool Is(JsonObject entry, string action, string id) =>
        (string?)entry["action"] == action && entry.ToJsonString().Contains(id, StringComparison.Ordinal);
}
