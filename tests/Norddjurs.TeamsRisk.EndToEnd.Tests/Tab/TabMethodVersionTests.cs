using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// Issue 9: Pia Skov (coordinator, English) starts a new method version from the active 1.0.0 in the tab, changes a
/// likelihood label and the appetite (so a major version, 2.0.0), sees them beside the active values, publishes the
/// draft, is refused the approval without a decision reference (still a draft), then approves it. The API shows 2.0.0
/// active with its approval and 1.0.0 retired; the audit trail has the publication and the approval by Pia.
/// </summary>
public sealed class TabMethodVersionTests(ITestOutputHelper log)
{
    private const string DecisionRef = "Direktionsmøde 30-11-2026, pkt. 3 (E2E)";

    [Fact]
    public async Task Pia_Skov_publishes_and_approves_a_new_method_version()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        var api = new DevApi(app.CreateClient());
        try
        {
            await TabBrowser.SignInAsync(page, "Pia Skov", "tab/coordinator");
            await page.GetByRole(AriaRole.Link, new() { Name = "Method and event catalogue: versions, new version and approval" }).ClickAsync();
            await page.WaitForURLAsync("**/tab/coordinator/method");
            await TabBrowser.WaitInteractiveAsync(page);

            await TabSteps.Button(page, "Start a new version from the active one (1.0.0)").ClickAsync();
            await page.Locator("#method-draft-title").WaitForAsync();
            await TypeAsync(page, "#method-version", "2.0.0");
            await TypeAsync(page, "#method-likelihood-levels-0-label-da", "Meget usandsynlig");
            await page.Locator("#method-appetite-highestAcceptableBand").SelectOptionAsync("high");

            // Side by side: the active value, the draft's, and "Changed" in words.
            var appetite = page.Locator("tr", new() { Has = page.Locator("#method-appetite-highestAcceptableBand") });
            await appetite.Locator(".tr-change-mark", new() { HasText = "Changed" }).WaitForAsync();
            Assert.Equal("Medium", (await appetite.Locator("td").First.TextContentAsync())!.Trim());
            var changes = page.Locator(".tr-method-changes tbody tr");
            await page.Locator(".tr-method-changes caption", new() { HasText = "3 changed values compared with 1.0.0" }).WaitForAsync();
            var rows = new List<string>();
            foreach (var row in await changes.AllAsync())
            {
                rows.Add(string.Join(" ", (await row.Locator("td").AllTextContentsAsync()).Take(3)));
            }

            Assert.Equal(["$.version 1.0.0 2.0.0", "$.likelihood.levels[0].label.da Usandsynlig Meget usandsynlig", "$.appetite.highestAcceptableBand medium high"], rows);

            await TabSteps.Button(page, "Publish as draft").ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 2.0.0 is published (Draft)." }).WaitForAsync();

            await page.Locator("#approval-by").FillAsync("Direktionen");
            await page.Locator("#approval-date").FillAsync("2026-11-30");
            await TabSteps.Button(page, "Approve and activate").ClickAsync();
            await page.Locator("section[aria-labelledby=approval-title] [role=alert]", new() { HasText = "The approval needs an approver, a date and a decision reference." }).WaitForAsync();
            Assert.Equal("Draft", await StateAsync(api, "2.0.0"));

            await page.Locator("#approval-reference").FillAsync(DecisionRef);
            await TabSteps.Button(page, "Approve and activate").ClickAsync();
            await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 2.0.0 is approved and now active; the previous one is retired." }).WaitForAsync();
            await page.Locator(".tr-method-versions tbody tr", new() { HasText = "Direktionen, 30 November 2026, " + DecisionRef }).WaitForAsync();

            var versions = (await api.GetNodeAsync("api/methods", DevApi.PiaSkov, CancellationToken.None)).AsArray().ToDictionary(v => (string)v!["version"]!, v => v!);
            Assert.Equal(("Active", "Direktionen", "2026-11-30", DecisionRef), (
                (string)versions["2.0.0"]["state"]!, (string)versions["2.0.0"]["approval"]!["approvedBy"]!,
                (string)versions["2.0.0"]["approval"]!["approvedAt"]!, (string)versions["2.0.0"]["approval"]!["decisionRef"]!));
            Assert.Equal("Retired", (string?)versions["1.0.0"]["state"]);
            var stored = await api.GetNodeAsync("api/methods/nk-risk-method/2.0.0", DevApi.JensKirk, CancellationToken.None);
            Assert.Equal(("high", "Meget usandsynlig"), ((string)stored["method"]!["appetite"]!["highestAcceptableBand"]!, (string)stored["method"]!["likelihood"]!["levels"]![0]!["label"]!["da"]!));

            var entries = await TabAudit.WaitForAsync(api, e => Is(e, "MethodApproved"));
            var publishedEntry = Assert.Single(entries, e => Is(e, "MethodPublished"));
            var approvedEntry = Assert.Single(entries, e => Is(e, "MethodApproved"));
            log.WriteLine(approvedEntry.ToJsonString());
            Assert.Contains(DevApi.PiaSkov, publishedEntry.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains(DevApi.PiaSkov, approvedEntry.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal((DecisionRef, "1.0.0", "tab"), ((string)approvedEntry["decision"]!["decisionRef"]!, (string)approvedEntry["decision"]!["retired"]![0]!, (string)approvedEntry["channel"]!));
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }

    /// <summary>As a person types and moves on: the field's change reaches the server when it loses focus.</summary>
    private static async Task TypeAsync(IPage page, string selector, string text)
    {
        await page.Locator(selector).FillAsync(text);
        await page.Locator(selector).PressAsync("Tab");
    }

    private static async Task<string?> StateAsync(DevApi api, string version) =>
        (string?)(await api.GetNodeAsync("api/methods", DevApi.PiaSkov, CancellationToken.None)).AsArray().Single(v => (string?)v!["version"] == version)!["state"];

    /// <summary>An entry about version 2.0.0 (the start-up's entries for 1.0.0 are in the trail too).</summary>
    private static bool Is(JsonObject entry, string action) =>
        (string?)entry["action"] == action && entry.ToJsonString().Contains("\"2.0.0\"", StringComparison.Ordinal);
}
