using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// The owner's guided flow in the tab, in headless Chromium against the App on Kestrel (Development, dev sign-in as
/// Alex Wilber): a whole assessment in the tab, and one begun elsewhere (the API, as the bot saves it) finished in the tab.
/// The stored result is read back through the API.
/// </summary>
public sealed class TabAssessmentTests(ITestOutputHelper log)
{
    // Lokalebooking (demo): criticality Lav, so low scores keep every line within the appetite and acceptable.
    private const string System = "Lokalebooking (demo)";

    [Fact]
    public async Task Alex_Wilber_completes_an_assessment_in_the_tab_and_it_is_submitted()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        try
        {
            await TabBrowser.SignInAsync(page, "Alex Wilber");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Begynd vurderingen af {System}" }).ClickAsync();
            var assessmentId = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
            await TabBrowser.WaitInteractiveAsync(page);
            await TabSteps.Button(page, "Begynd vurderingen").ClickAsync();
            await page.Locator("#step-heading").WaitForAsync();

            var steps = await TabSteps.CompleteAsync(page, log);

            Assert.Contains(steps, s => s.Contains("Fakta om systemet", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.Contains("Vurdering af hændelse", StringComparison.Ordinal));
            Assert.Contains(steps, s => s.Contains("Håndtering", StringComparison.Ordinal));
            var api = new DevApi(app.CreateClient());
            var stored = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(assessmentId)}", DevApi.AlexWilber, CancellationToken.None);
            Assert.Equal("Submitted", (string?)stored["state"]);
            await AssertTheTabIsTheChannelAsync(api, assessmentId);

            // Back on My assessments: the accepted lines are listed with the date their acceptance lapses.
            await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til Mine vurderinger" }).ClickAsync();
            var accepted = page.Locator("table.lines").Last.Locator("tbody tr");
            await accepted.First.WaitForAsync();
            Assert.Equal(steps.Count(s => s.Contains("Håndtering", StringComparison.Ordinal)), await accepted.CountAsync());
            Assert.Contains(System, await accepted.First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("Begynd vurderingen af " + System, await page.ContentAsync(), StringComparison.Ordinal);
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }

    [Fact]
    public async Task An_assessment_begun_elsewhere_continues_in_the_tab_at_the_saved_step_and_keeps_its_answers()
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        using var http = app.CreateClient();
        var api = new DevApi(http);
        var id = await AssessmentOfAsync(api, System);
        // Facts and profile as the bot saves them (the same SaveStep), through the API as Alex.
        await PostAsync(http, $"api/assessments/{Uri.EscapeDataString(id)}/open", null);
        var facts = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(id)}", DevApi.AlexWilber, CancellationToken.None);
        await PostAsync(http, $"api/assessments/{Uri.EscapeDataString(id)}/steps", new JsonObject { ["step"] = "facts", ["facts"] = facts["view"]!["facts"]!.DeepClone() });
        var profile = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(id)}", DevApi.AlexWilber, CancellationToken.None);
        var c = (int)profile["view"]!["confidentiality"]!["suggested"]!;
        var i = (int)profile["view"]!["integrity"]!["suggested"]!;
        await PostAsync(http, $"api/assessments/{Uri.EscapeDataString(id)}/steps", new JsonObject { ["step"] = "profile", ["confidentiality"] = c, ["integrity"] = i });

        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app);
        try
        {
            await TabBrowser.SignInAsync(page, "Alex Wilber");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Fortsæt vurderingen af {System}" }).ClickAsync();
            await TabBrowser.WaitInteractiveAsync(page);

            var heading = await page.Locator("#step-heading").InnerTextAsync();
            Assert.StartsWith("Trin 3 af", heading, StringComparison.Ordinal);
            Assert.EndsWith("Hændelser", heading, StringComparison.Ordinal);
            await TabSteps.CompleteAsync(page, log);

            var stored = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(id)}", DevApi.AlexWilber, CancellationToken.None);
            Assert.Equal("Submitted", (string?)stored["state"]);
            var saved = stored["view"]!["profile"]!.AsArray().ToDictionary(p => (string)p!["dimension"]!["id"]!, p => (int)p!["value"]!["value"]!);
            Assert.Equal(c, saved["C"]);
            Assert.Equal(i, saved["I"]);
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }

    /// <summary>The audit trail says where each step came from: the tab's steps are channel Tab.</summary>
    private static async Task AssertTheTabIsTheChannelAsync(DevApi api, string assessmentId)
    {
        var export = string.Empty;
        for (var i = 0; i < 40 && !export.Contains("AssessmentSubmitted", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            export = await api.GetTextAsync("api/audit/export", DevApi.JensKirk, CancellationToken.None);
        }

        var entries = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(e => e.ToJsonString().Contains(assessmentId, StringComparison.Ordinal)).ToList();
        var submitted = Assert.Single(entries, e => (string?)e["action"] == "AssessmentSubmitted");
        Assert.Contains("Tab", submitted.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> AssessmentOfAsync(DevApi api, string systemName)
    {
        var list = await api.GetNodeAsync("api/assessments?mine=true", DevApi.AlexWilber, CancellationToken.None);
        return (string)list.AsArray().First(a => (string?)a!["systemName"] == systemName)!["id"]!;
    }

    private static async Task PostAsync(HttpClient http, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Dev-User", DevApi.AlexWilber);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
    }
}
