using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Norddjurs.TeamsRisk.EndToEnd.Tests;

/// <summary>
/// The App's <c>/api</c> as the seeded people of Development call it (<c>X-Dev-User</c>, README "Sign-in and roles"):
/// what the tab would do, used here to arrange a round and to read back what the bot stored.
/// </summary>
public sealed class DevApi(HttpClient http)
{
    /// <summary>The Playground's default user (design.md §4), owner of the demo systems.</summary>
    public const string AlexWilber = "00000000-0000-0000-0000-0000000000020";

    /// <summary>Pia Skov: coordinator and committee member in the seeded directory.</summary>
    public const string PiaSkov = "5eed0000-0000-4000-8000-000000000024";

    /// <summary>Karen Holm: committee member (only), Danish.</summary>
    public const string KarenHolm = "5eed0000-0000-4000-8000-000000000022";

    /// <summary>Jens Kirk: auditor.</summary>
    public const string JensKirk = "5eed0000-0000-4000-8000-000000000025";

    /// <summary>The coordinator starts a round over the demo systems; returns the assessment ids.</summary>
    public async Task<IReadOnlyList<string>> StartRoundAsync(CancellationToken cancellationToken)
    {
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var body = await SendAsync(HttpMethod.Post, "api/rounds", PiaSkov, new JsonObject { ["name"] = "Runde E2E", ["deadline"] = deadline }, cancellationToken);
        return [.. body["assessmentIds"]!.AsArray().Select(id => (string)id!)];
    }

    public Task<JsonObject> PostAsync(string path, string user, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, user, body, cancellationToken);

    public Task<JsonObject> GetAsync(string path, string user, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, user, null, cancellationToken);

    public async Task<JsonNode> GetNodeAsync(string path, string user, CancellationToken cancellationToken) =>
        JsonNode.Parse(await GetTextAsync(path, user, cancellationToken)) ?? throw new InvalidOperationException($"GET {path}: null");

    public async Task<string> GetTextAsync(string path, string user, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, user, null);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"GET {path} as {user}: {(int)response.StatusCode} {text}");
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string user, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, user, body);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} as {user}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{method} {path}: not a JSON object: {text}");
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string user, JsonObject? body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Dev-User", user);
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }
}
