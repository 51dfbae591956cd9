using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.LoadTest.Hosting;

/// <summary>
/// Gives every owner open assessments the way a coordinator does (risk-method.md §2.1): the register imported through
/// <c>POST /api/systems/import/apply</c>, then a round over those systems through <c>POST /api/rounds</c>, both signed
/// in with the Development header <c>X-Dev-User</c> as the seeded coordinator.
/// </summary>
internal static class RoundSetup
{
    public static async Task<int> RunAsync(Uri appUrl, LoadData data, TextWriter console)
    {
        using var http = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Dev-User", LoadData.CoordinatorObjectId);
        var run = Guid.NewGuid().ToString("N");

        using var csv = new ByteArrayContent(data.RegisterCsv());
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var import = new HttpRequestMessage(HttpMethod.Post, "api/systems/import/apply") { Content = csv };
        import.Headers.Add("Idempotency-Key", $"loadtest-import-{run}");
        using var imported = await http.SendAsync(import);
        var importBody = await imported.Content.ReadAsStringAsync();
        if (!imported.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Importing the register answered {(int)imported.StatusCode}: {importBody}");
        }

        var systemIds = data.SystemsByOwner.Values.SelectMany(s => s).ToList();
        var round = new JsonObject
        {
            ["name"] = $"Belastningstest {DateTime.UtcNow:yyyy-MM-dd HH:mm}",
            ["deadline"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["systemIds"] = new JsonArray([.. systemIds.Select(id => (JsonNode?)JsonValue.Create(id))]),
        };
        using var start = new HttpRequestMessage(HttpMethod.Post, "api/rounds")
        {
            Content = new StringContent(round.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        start.Headers.Add("Idempotency-Key", $"loadtest-round-{run}");
        using var started = await http.SendAsync(start);
        var startBody = await started.Content.ReadAsStringAsync();
        if (!started.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Starting the round answered {(int)started.StatusCode}: {startBody}");
        }

        using var result = JsonDocument.Parse(startBody);
        var invited = result.RootElement.GetProperty("assessmentIds").GetArrayLength();
        var skipped = result.RootElement.TryGetProperty("skipped", out var s) ? s.GetArrayLength() : 0;
        console.WriteLine($"Register: {systemIds.Count} systems imported; round started with {invited} assessments ({skipped} skipped).");
        return invited;
    }
}
