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
    /// <summary>
    /// Imports and starts rounds in parts of at most <paramref name="systemsPerPart"/> systems (all at once when null):
    /// on SharePoint one change for hundreds of systems does not fit Graph's request limits (see the README).
    /// </summary>
    public static async Task<int> RunAsync(Uri appUrl, LoadData data, int? systemsPerPart, TextWriter console)
    {
        using var http = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Dev-User", LoadData.CoordinatorObjectId);
        var run = Guid.NewGuid().ToString("N");
        var all = data.SystemIds;
        var parts = all.Chunk(systemsPerPart ?? Math.Max(1, all.Count)).ToList();
        var invited = 0;
        var skipped = 0;
        for (var part = 0; part < parts.Count; part++)
        {
            var systemIds = parts[part];
            using var csv = new ByteArrayContent(data.RegisterCsv(parts.Count == 1 ? null : systemIds.ToHashSet(StringComparer.Ordinal)));
            csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var import = new HttpRequestMessage(HttpMethod.Post, "api/systems/import/apply") { Content = csv };
            import.Headers.Add("Idempotency-Key", $"loadtest-import-{run}-{part}");
            using var imported = await http.SendAsync(import);
            var importBody = await imported.Content.ReadAsStringAsync();
            if (!imported.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Importing the register answered {(int)imported.StatusCode}: {importBody}");
            }

            var round = new JsonObject
            {
                ["name"] = $"Belastningstest {DateTime.UtcNow:yyyy-MM-dd HH:mm}{(parts.Count == 1 ? string.Empty : $" ({part + 1}/{parts.Count})")}",
                ["deadline"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["systemIds"] = new JsonArray([.. systemIds.Select(id => (JsonNode?)JsonValue.Create(id))]),
            };
            using var start = new HttpRequestMessage(HttpMethod.Post, "api/rounds")
            {
                Content = new StringContent(round.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            };
            start.Headers.Add("Idempotency-Key", $"loadtest-round-{run}-{part}");
            using var started = await http.SendAsync(start);
            var startBody = await started.Content.ReadAsStringAsync();
            if (!started.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Starting the round answered {(int)started.StatusCode}: {startBody}");
            }

            using var result = JsonDocument.Parse(startBody);
            invited += result.RootElement.GetProperty("assessmentIds").GetArrayLength();
            skipped += result.RootElement.TryGetProperty("skipped", out var s) ? s.GetArrayLength() : 0;
        }

        console.WriteLine($"Register: {all.Count} systems imported; {parts.Count} round{(parts.Count == 1 ? string.Empty : "s")} started with {invited} assessments ({skipped} skipped).");
        return invited;
    }
}
