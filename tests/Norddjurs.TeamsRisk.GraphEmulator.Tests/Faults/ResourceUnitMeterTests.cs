using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Faults;

/// <summary>The optional RU meter (§7.2, §10.6): per-request costs, RateLimit headers from 80 %, 429 over budget.</summary>
public sealed class ResourceUnitMeterTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http;
    private readonly GraphEmulator _emulator;
    private readonly string _items;

    public ResourceUnitMeterTests()
    {
        _emulator = new GraphEmulator(_clock);
        var site = _emulator.SeedSite(Emulated.Host, "/sites/X");
        _http = new HttpClient(new GraphEmulatorHandler(_emulator)) { BaseAddress = new Uri("http://127.0.0.1") };
        var created = _http.PostAsync($"/v1.0/sites/{site.Id}/lists", Emulated.JsonBody("""{"displayName":"L"}""")).GetAwaiter().GetResult();
        var list = JsonNode.Parse(created.Content.ReadAsStringAsync().GetAwaiter().GetResult())!["id"]!.GetValue<string>();
        _items = $"/v1.0/sites/{site.Id}/lists/{list}/items";
        _emulator.Options.ResourceUnitsPerMinute = 10;
    }

    [Fact]
    public async Task Queries_cost_two_units_and_the_sixth_in_a_minute_is_throttled_until_the_window_passes()
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await _http.GetAsync(_items));
        }
        _clock.Advance(TimeSpan.FromSeconds(61));
        var later = await _http.GetAsync(_items);

        Assert.Equal([200, 200, 200, 200, 200, 429], answers.Select(a => (int)a.StatusCode));
        Assert.False(answers[2].Headers.Contains("RateLimit-Remaining"));
        Assert.Equal("2", answers[3].Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal(answers[5].Headers.GetValues("RateLimit-Reset").Single(), answers[5].Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Batched_steps_are_charged_one_by_one()
    {
        var steps = new JsonArray(Enumerable.Range(1, 6).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = _items["/v1.0".Length..] }).ToArray());

        var response = await _http.PostAsync("/v1.0/$batch", Emulated.JsonBody(new JsonObject { ["requests"] = steps }.ToJsonString()));
        var statuses = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, statuses.Count(s => s == 200));
        Assert.Equal(1, statuses.Count(s => s == 429));
    }

    public void Dispose() => _http.Dispose();
}
