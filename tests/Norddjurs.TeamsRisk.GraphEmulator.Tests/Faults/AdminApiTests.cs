using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.GraphEmulator.Faults;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Faults;

/// <summary>The control API over HTTP under <c>/_emulator</c>, and time-boxed faults on the emulator clock (§10.6).</summary>
public sealed class AdminApiTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task Faults_set_over_HTTP_fire_are_logged_and_are_cleared()
    {
        var added = await _graph.Raw.PostAsync("/_emulator/faults", Emulated.JsonBody("""{"method":"GET","pathPattern":"^/sites/","status":429,"retryAfter":"7","times":1}"""));
        var throttled = await _graph.Raw.GetAsync("/v1.0/sites/root");
        await _graph.Raw.PostAsync("/_emulator/faults", Emulated.JsonBody("""{"status":503}"""));
        await _graph.Raw.DeleteAsync("/_emulator/faults");
        var ok = await _graph.Raw.GetAsync("/v1.0/sites/root");
        var log = JsonNode.Parse(await _graph.Raw.GetStringAsync("/_emulator/requests"))!["value"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("7", throttled.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains(log, e => e!["fault"]?.GetValue<string>()?.StartsWith("fault 429", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Options_set_over_HTTP_change_the_emulator_and_reset_forgets_the_tenant()
    {
        var patched = await _graph.Raw.PatchAsync("/_emulator/options", Emulated.JsonBody("""{"listViewThreshold":20,"latencyMs":0,"preconditionFailedCode":"preconditionFailed"}"""));
        var reset = await _graph.Raw.PostAsync("/_emulator/reset", null);
        var site = await _graph.Raw.GetAsync($"/v1.0/sites/{_graph.Site.Id}");

        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal(20, _graph.Emulator.Options.ListViewThreshold);
        Assert.Equal("preconditionFailed", _graph.Emulator.Options.PreconditionFailedCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, site.StatusCode);
    }

    [Fact]
    public async Task Users_and_items_are_seeded_and_inspected_over_HTTP()
    {
        var list = await _graph.CreateListAsync("Systemer");
        await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });

        var user = await _graph.Raw.PostAsync("/_emulator/users", Emulated.JsonBody("""{"id":"u1","userPrincipalName":"u1@norddjurs.dk","displayName":"U1"}"""));
        var read = await _graph.Raw.GetAsync("/v1.0/users/u1@norddjurs.dk");
        var items = JsonNode.Parse(await _graph.Raw.GetStringAsync($"/_emulator/lists/{list}/items"))!["value"]!.AsArray();

        Assert.Equal(HttpStatusCode.Created, user.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("a", Assert.Single(items)!["fields"]!["Title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_SharePoint_users_edit_and_a_delta_expiry_are_driven_over_HTTP()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Decision"));
        await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });

        var edit = await _graph.Raw.PostAsync($"/_emulator/lists/{list}/items/1/edit", Emulated.JsonBody(
            """{"fields":{"Decision":"Accepteret"},"user":{"id":"k1","displayName":"Karen","lookupId":21}}"""));
        var item = JsonNode.Parse(await _graph.Raw.GetStringAsync($"/v1.0/sites/{_graph.Site.Id}/lists/{list}/items/1"))!;
        var delta = JsonNode.Parse(await _graph.Raw.GetStringAsync($"/v1.0/sites/{_graph.Site.Id}/lists/{list}/items/delta"))!;
        var expire = await _graph.Raw.PostAsync($"/_emulator/lists/{list}/expireDelta", null);
        var stale = await _graph.Raw.GetAsync(delta["@odata.deltaLink"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Karen", item["lastModifiedBy"]!["user"]!["displayName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, stale.StatusCode);
    }

    [Fact]
    public async Task An_outage_lasts_until_its_end_on_the_emulator_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var emulator = new GraphEmulator(clock);
        emulator.SeedSite(Emulated.Host, "/sites/X");
        using var http = new HttpClient(new GraphEmulatorHandler(emulator)) { BaseAddress = new Uri("http://127.0.0.1") };
        emulator.AddFault(new FaultRule { Status = 503, RetryAfter = "30", Until = clock.GetUtcNow().AddMinutes(2) });

        var during = await http.GetAsync("/v1.0/sites/root");
        clock.Advance(TimeSpan.FromMinutes(2));
        var after = await http.GetAsync("/v1.0/sites/root");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task The_control_API_is_not_reachable_under_the_version_root()
    {
        var response = await _graph.Raw.PostAsync("/v1.0/_emulator/reset", null);

        var site = await _graph.Raw.GetAsync($"/v1.0/sites/{_graph.Site.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
    }

    public void Dispose() => _graph.Dispose();
}
