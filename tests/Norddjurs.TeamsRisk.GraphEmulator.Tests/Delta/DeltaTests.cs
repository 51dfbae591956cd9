using System.Text.Json.Nodes;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Sites.Item.Lists.Item.Items.Delta;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.GraphEmulator.Items;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Delta;

/// <summary>Contract test 19 and §4.5: delta rounds with tombstones, token=latest, expiry, paging.</summary>
public sealed class DeltaTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task A_round_after_the_first_holds_the_created_the_updated_and_one_tombstone_for_the_deleted()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var b = await _graph.CreateItemAsync(list, new() { ["Title"] = "b" });
        var c = await _graph.CreateItemAsync(list, new() { ["Title"] = "c" });
        await _graph.CreateItemAsync(list, new() { ["Title"] = "untouched" });
        var (initial, deltaLink) = await RoundAsync(_graph.ListById(list).Items.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Expand = ["fields"]));

        var a = await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });
        await _graph.ListById(list).Items[b.Id].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "b2" } });
        await _graph.ListById(list).Items[c.Id].DeleteAsync();
        var (changes, _) = await RoundAsync(_graph.ListById(list).Items.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync());

        Assert.Equal(3, initial.Count);
        Assert.Contains("expand", deltaLink, StringComparison.Ordinal);
        Assert.Equal([b.Id, c.Id, a.Id], changes.Select(i => i.Id));
        Assert.Equal("b2", changes[0].Fields!.AdditionalData["Title"]);
        Assert.Null(changes[0].LastModifiedBy);
        Assert.Equal("deleted", changes[1].Deleted!.State);
        Assert.Null(changes[2].Deleted);
    }

    [Fact]
    public async Task Token_latest_returns_nothing_and_a_deltaLink_that_sees_later_changes()
    {
        var list = await _graph.CreateListAsync("Systemer");
        await _graph.CreateItemAsync(list, new() { ["Title"] = "old" });

        var latest = await _graph.ListById(list).Items.DeltaWithToken("latest").GetAsDeltaWithTokenGetResponseAsync();
        await _graph.CreateItemAsync(list, new() { ["Title"] = "new" });
        var (changes, _) = await RoundAsync(_graph.ListById(list).Items.Delta.WithUrl(latest!.OdataDeltaLink!).GetAsDeltaGetResponseAsync());

        Assert.Empty(latest.Value!);
        Assert.Equal("2", Assert.Single(changes).Id);
    }

    [Fact]
    public async Task The_token_of_a_deltaLink_also_works_in_the_path_form_the_SDK_builds()
    {
        var list = await _graph.CreateListAsync("Systemer");
        for (var i = 0; i < 40; i++)
        {
            await _graph.CreateItemAsync(list, new() { ["Title"] = $"t{i}" });
        }
        var (_, deltaLink) = await RoundAsync(_graph.ListById(list).Items.Delta.GetAsDeltaGetResponseAsync());
        var token = Uri.UnescapeDataString(new Uri(deltaLink).Query.Split("token=")[1].Split('&')[0]);
        await _graph.CreateItemAsync(list, new() { ["Title"] = "new" });

        var changes = await _graph.ListById(list).Items.DeltaWithToken(token).GetAsDeltaWithTokenGetResponseAsync();

        Assert.Equal("41", Assert.Single(changes!.Value!).Id);
        Assert.NotNull(changes.OdataDeltaLink);
    }

    [Fact]
    public async Task A_first_round_pages_with_nextLinks_and_ends_with_a_deltaLink()
    {
        var list = await _graph.CreateListAsync("Systemer");
        for (var i = 0; i < 7; i++)
        {
            await _graph.CreateItemAsync(list, new() { ["Title"] = $"t{i}" });
        }

        var first = await _graph.ListById(list).Items.Delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Top = 3);
        var (all, deltaLink) = await RoundAsync(Task.FromResult(first));

        Assert.NotNull(first!.OdataNextLink);
        Assert.Null(first.OdataDeltaLink);
        Assert.Equal(7, all.Count);
        Assert.StartsWith(Emulated.BaseUrl, deltaLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_410_with_a_Location_to_start_again()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var (_, deltaLink) = await RoundAsync(_graph.ListById(list).Items.Delta.GetAsDeltaGetResponseAsync());

        _graph.Emulator.ExpireDeltaTokens(Guid.Parse(list));
        var response = await _graph.Raw.GetAsync(deltaLink);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        var (fresh, _) = await RoundAsync(_graph.ListById(list).Items.Delta.WithUrl(response.Headers.Location!.ToString()).GetAsDeltaGetResponseAsync());

        Assert.Equal(410, (int)response.StatusCode);
        Assert.Equal("resyncChangesApplyDifferences", error["code"]!.GetValue<string>());
        Assert.Empty(fresh);
    }

    [Fact]
    public async Task Tombstones_older_than_the_retention_make_old_tokens_resync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        var emulator = new GraphEmulator(clock);
        var site = emulator.SeedSite(Emulated.Host, "/sites/X");
        using var http = new HttpClient(new GraphEmulatorHandler(emulator)) { BaseAddress = new Uri("http://127.0.0.1") };
        var list = JsonNode.Parse(await (await http.PostAsync($"/v1.0/sites/{site.Id}/lists", Emulated.JsonBody("""{"displayName":"L"}"""))).Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await http.PostAsync($"/v1.0/sites/{site.Id}/lists/{list}/items", Emulated.JsonBody("""{"fields":{"Title":"x"}}"""));
        var deltaLink = JsonNode.Parse(await http.GetStringAsync($"/v1.0/sites/{site.Id}/lists/{list}/items/delta"))!["@odata.deltaLink"]!.GetValue<string>();
        await http.DeleteAsync($"/v1.0/sites/{site.Id}/lists/{list}/items/1");

        clock.Advance(TimeSpan.FromDays(31));
        var response = await http.GetAsync(deltaLink);

        Assert.Equal(410, (int)response.StatusCode);
    }

    private async Task<(List<ListItem> Items, string DeltaLink)> RoundAsync(Task<DeltaGetResponse?> first)
    {
        var items = new List<ListItem>();
        var page = await first;
        while (true)
        {
            items.AddRange(page!.Value!);
            if (page.OdataDeltaLink is { } deltaLink)
            {
                return (items, deltaLink);
            }
            page = await _graph.Client.Sites[_graph.Site.Id].Lists["x"].Items.Delta.WithUrl(page.OdataNextLink!).GetAsDeltaGetResponseAsync();
        }
    }

    public void Dispose() => _graph.Dispose();
}
