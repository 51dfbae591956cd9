using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Norddjurs.TeamsRisk.EndToEnd.Tests.Hosting;
using Xunit.Abstractions;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests.Tab;

/// <summary>
/// Issue 9: the tab's guided flow offers every input the bot's cards do. Alex Wilber corrects a fact (peak periods),
/// adds an event of his own that affects A, scores it with the peak bump to Kritisk (4 × 4), treats it with a measure
/// and an interim measure whose responsible people he names by e-mail address, and submits. The result is read back
/// through the API and from the store itself. The walk runs in a 320 px panel (Teams mobile): the new parts of the
/// steps and the summary must not scroll sideways and axe finds no serious or critical violation on them, in the light and the dark theme.
/// </summary>
public sealed class TabEveryCardInputTests(ITestOutputHelper log)
{
    private const string System = "Lokalebooking (demo)";
    private const string CustomEvent = "Bookingmodulet går ned i spidsbelastning (E2E)";
    private const string KarenHolm = "5eed0000-0000-4000-8000-000000000022";
    private const string SoerenBach = "5eed0000-0000-4000-8000-000000000023";
    private readonly List<string> _failures = [];

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Alex_Wilber_adds_an_event_bumps_it_for_peak_periods_and_gives_the_Kritisk_line_an_interim_measure_and_a_responsible_person(ColorScheme scheme)
    {
        await using var app = await AppProcess.StartAsync(settings: null, CancellationToken.None);
        await using var browser = await TabBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(app, scheme, width: 320);
        try
        {
            await TabBrowser.SignInAsync(page, "Alex Wilber");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Begynd vurderingen af {System}" }).ClickAsync();
            var assessmentId = Uri.UnescapeDataString(new Uri(page.Url).Segments[^1]);
            await TabBrowser.WaitInteractiveAsync(page);
            await TabSteps.Button(page, "Begynd vurderingen").ClickAsync();
            await page.Locator("#step-heading").WaitForAsync();

            await TabSteps.CompleteAsync(page, log, answer: AnswerAsync);
            Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures));

            var api = new DevApi(app.CreateClient());
            var stored = await api.GetNodeAsync($"api/assessments/{Uri.EscapeDataString(assessmentId)}", DevApi.AlexWilber, CancellationToken.None);
            Assert.Equal("Submitted", (string?)stored["state"]);
            var line = stored["view"]!["lines"]!.AsArray().Single(l => (string?)l!["event"]!["name"] == CustomEvent)!;
            Assert.True((bool)line["event"]!["custom"]!);
            Assert.Equal((16, "critical"), ((int)line["score"]!["points"]!, (string)line["score"]!["band"]!["id"]!));
            Assert.Equal(1, (int)line["measureCount"]!);
            var eventId = (string)line["event"]!["id"]!;

            var saved = StoredAssessment(app.DatabasePath, assessmentId);
            log.WriteLine(saved.ToJsonString());
            Assert.Contains(Objects(saved), o => Get(o, "hasPeakPeriods") is JsonValue v && v.GetValue<bool>());
            var riskLine = Objects(saved).Single(o => (string?)Get(o, "eventId") == eventId && Get(o, "treatment") is JsonObject);
            var availability = (JsonObject)Get(riskLine, "availability")!;
            Assert.Equal(1, (int)Get(availability, "peakBump")!);
            Assert.Equal("Booking af valgsteder i valgperioder (E2E)", (string?)Get(availability, "peakReason"));
            var treatment = (JsonObject)Get(riskLine, "treatment")!;
            var measure = Assert.Single(((JsonArray)Get(treatment, "measures")!).OfType<JsonObject>());
            Assert.Equal(KarenHolm, (string?)Get(measure, "responsibleObjectId"));
            var interim = Assert.Single(((JsonArray)Get(treatment, "interimMeasures")!).OfType<JsonObject>());
            Assert.Equal(("Booking pr. telefon i spidsbelastning", SoerenBach), ((string?)Get(interim, "description"), (string?)Get(interim, "responsibleObjectId")));
        }
        catch
        {
            log.WriteLine(await page.ContentAsync());
            log.WriteLine(app.Output.ToString());
            throw;
        }
    }

    /// <summary>The answers the bot's cards also take; every other step gets <see cref="TabSteps"/>' usual answers.</summary>
    private async Task<bool> AnswerAsync(IPage page, string heading)
    {
        if (heading.EndsWith("Fakta om systemet", StringComparison.Ordinal))
        {
            await page.Locator("#facts-hasPeakPeriods").CheckAsync();
            await InspectAsync(page, "facts");
            return true;
        }

        if (heading.EndsWith("Hændelser", StringComparison.Ordinal))
        {
            await page.Locator("#new-event-name").FillAsync(CustomEvent);
            await page.Locator("#new-event-description").FillAsync("Modulet svigter, når alle booker valgsteder på én gang.");
            await page.Locator("#new-event-A").CheckAsync();
            await TabSteps.Button(page, "Tilføj hændelse").ClickAsync();
            await page.Locator("label").Filter(new() { HasText = CustomEvent }).WaitForAsync();
            Assert.True(await page.Locator("label").Filter(new() { HasText = CustomEvent }).Locator("xpath=preceding-sibling::input").IsCheckedAsync());
            await InspectAsync(page, "events");
            return false;
        }

        if (heading.EndsWith("Opsummering", StringComparison.Ordinal))
        {
            await InspectAsync(page, "summary");
            return true;
        }

        var eventHeading = page.Locator("h2:not(#step-heading)").First;
        if (await eventHeading.CountAsync() == 0 || await eventHeading.InnerTextAsync() != CustomEvent)
        {
            return false;
        }

        if (heading.Contains("Vurdering af hændelse", StringComparison.Ordinal))
        {
            // 120 h against the plan's 72 h MTD is A 3; the peak bump makes it 4, and likelihood 4 makes 16.
            await page.Locator("input[name=likelihood]").Last.CheckAsync();
            await page.Locator("#outage").FillAsync("120");
            await page.Locator("#peak-bump").SelectOptionAsync("1");
            await page.Locator("#peak-reason").FillAsync("Booking af valgsteder i valgperioder (E2E)");
            await TabSteps.Button(page, "Beregn").ClickAsync();
            await page.Locator("p.score").Filter(new() { HasText = "= 16 point" }).WaitForAsync();
            await InspectAsync(page, "score with peak bump");
            return true;
        }

        await page.Locator("#kind-Reduce").CheckAsync();
        await page.Locator("#justification").FillAsync("Kritisk: reduceres med det samme (E2E)");
        await TabSteps.Button(page, "Tilføj tiltag").ClickAsync();
        await page.Locator("#measure-0-description").FillAsync("Overvågning og failover af bookingmodulet");
        await page.Locator("#measure-0-responsible").FillAsync("karen.holm@norddjurs.example");
        await page.Locator("#interim-0-description").FillAsync("Booking pr. telefon i spidsbelastning");
        await page.Locator("#interim-0-responsible").FillAsync("soeren.bach@norddjurs.example");
        await InspectAsync(page, "Kritisk treatment");
        return true;
    }

    private async Task InspectAsync(IPage page, string name)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > 320)
        {
            _failures.Add($"{name}: the page is {scrollWidth} px wide at 320 px.");
        }

        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        log.WriteLine($"{name}: {scrollWidth} px, {result.Violations.Length} axe violations, {bad.Count} serious or critical");
        _failures.AddRange(bad.Select(v => $"{name}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
    }

    /// <summary>The assessment's document as the store holds it (read-only; the app keeps writing).</summary>
    private static JsonNode StoredAssessment(string databasePath, string assessmentId)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM document WHERE kind = 'assessment' AND id = $id";
        command.Parameters.AddWithValue("$id", assessmentId);
        return JsonNode.Parse((string)command.ExecuteScalar()!)!;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Objects(p.Value))],
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    /// <summary>A property whatever the store's casing.</summary>
    private static JsonNode? Get(JsonObject o, string name) =>
        o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
