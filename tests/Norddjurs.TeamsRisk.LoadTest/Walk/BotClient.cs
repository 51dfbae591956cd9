using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.LoadTest.Measuring;

namespace Norddjurs.TeamsRisk.LoadTest.Walk;

/// <summary>An answer from <c>/api/messages</c>: the HTTP status and, for an invoke, the card or message in its body.</summary>
internal sealed record BotAnswer(HttpStatusCode Status, string Body)
{
    /// <summary>The invoke response's card when it is <c>{statusCode: 200, type: …card.adaptive, value: {…}}</c>.</summary>
    public JsonObject? Card()
    {
        if (Body.Length == 0)
        {
            return null;
        }

        try
        {
            var root = JsonNode.Parse(Body) as JsonObject;
            var statusCode = root?["statusCode"]?.GetValue<int>() ?? 200;
            return statusCode == 200 && root?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? root["value"] as JsonObject : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// Posts activities to one <c>/api/messages</c> with the Bot Connector token, times each request (send to last byte of
/// the answer) under its label, and remembers what it sent so the floor can be sent the same.
/// </summary>
internal sealed class BotClient(HttpClient http, Uri baseUrl, Func<string> token, Recorder recorder)
{
    private readonly Uri _messages = new(baseUrl, "api/messages");

    public Recorder Recorder => recorder;

    /// <summary>
    /// Sends one activity (the owner paused <paramref name="pausedBefore"/> before it); a transport failure or timeout is
    /// recorded as an error and answers null.
    /// </summary>
    public async Task<BotAnswer?> SendAsync(string label, JsonObject activity, List<SentRequest>? sent, TimeSpan pausedBefore)
    {
        var body = activity.ToJsonString();
        var bearer = token();
        sent?.Add(new SentRequest(label, body, bearer, pausedBefore));
        return await SendRawAsync(label, body, bearer);
    }

    /// <summary>Sends a body as recorded (the floor's replay).</summary>
    public async Task<BotAnswer?> SendRawAsync(string label, string body, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _messages)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var text = await response.Content.ReadAsStringAsync();
            recorder.Latency(label, started, clock.Elapsed);
            if (!response.IsSuccessStatusCode)
            {
                recorder.Error($"HTTP {(int)response.StatusCode}", $"{label}: {Shorten(text)}");
            }

            return new BotAnswer(response.StatusCode, text);
        }
        catch (TaskCanceledException)
        {
            recorder.Error("timeout", $"{label} after {clock.Elapsed.TotalMilliseconds:0} ms");
            return null;
        }
        catch (HttpRequestException e)
        {
            recorder.Error("transport", $"{label}: {e.Message}");
            return null;
        }
    }

    internal static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + " …";
}
