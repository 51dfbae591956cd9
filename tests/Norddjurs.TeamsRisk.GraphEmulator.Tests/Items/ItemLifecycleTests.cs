using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Items;

/// <summary>Contract tests 6, 7, 20, 21: ids, eTags and If-Match through the real SDK.</summary>
public sealed class ItemLifecycleTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task Create_answers_201_with_fields_and_a_quoted_version_1_eTag()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("SystemKey", indexed: true));

        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "KMD Opus", ["SystemKey"] = "opus" });

        Assert.Equal("1", item.Id);
        Assert.Matches("^\"[0-9a-f-]{36},1\"$", item.ETag);
        Assert.Equal(item.ETag, item.AdditionalData["@odata.etag"]);
        Assert.Equal(item.ETag, item.Fields!.AdditionalData["@odata.etag"]);
        Assert.Equal("opus", item.Fields.AdditionalData["SystemKey"]);
        Assert.Equal("Norddjurs TeamsRisk", item.CreatedBy!.Application!.DisplayName);
    }

    [Fact]
    public async Task Item_ids_increase_and_are_never_reused_after_a_delete()
    {
        var list = await _graph.CreateListAsync("Systemer");
        await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });
        var second = await _graph.CreateItemAsync(list, new() { ["Title"] = "b" });

        await _graph.ListById(list).Items[second.Id].DeleteAsync();
        var third = await _graph.CreateItemAsync(list, new() { ["Title"] = "c" });

        Assert.Equal("3", third.Id);
    }

    [Fact]
    public async Task Patching_fields_returns_the_fieldValueSet_and_bumps_the_eTag_version()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"));
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a", ["Owner"] = "x" });

        var fields = await _graph.ListById(list).Items[item.Id].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Owner"] = "y" } },
            r => r.Headers.Add("If-Match", item.ETag!));
        var reread = await _graph.ListById(list).Items[item.Id].GetAsync(r => r.QueryParameters.Expand = ["fields"]);

        Assert.Equal("y", fields!.AdditionalData["Owner"]);
        Assert.Equal("a", fields.AdditionalData["Title"]);
        Assert.EndsWith(",2\"", reread!.ETag, StringComparison.Ordinal);
        Assert.Equal(reread.ETag, fields.AdditionalData["@odata.etag"]);
    }

    [Fact]
    public async Task A_stale_eTag_is_a_412_ODataError_and_the_item_is_unchanged()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"));
        var item = await _graph.CreateItemAsync(list, new() { ["Owner"] = "x" });
        await _graph.ListById(list).Items[item.Id].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Owner"] = "y" } });

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(list).Items[item.Id].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Owner"] = "z" } },
            r => r.Headers.Add("If-Match", item.ETag!)));
        var reread = await _graph.ListById(list).Items[item.Id].GetAsync(r => r.QueryParameters.Expand = ["fields"]);

        Assert.Equal(412, error.ResponseStatusCode);
        Assert.Equal("resourceModified", error.Error!.Code);
        Assert.Equal("y", reread!.Fields!.AdditionalData["Owner"]);
        Assert.EndsWith(",2\"", reread.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_with_a_stale_eTag_is_412_and_with_a_star_is_204()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });
        await _graph.ListById(list).Items[item.Id].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "b" } });

        var stale = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(list).Items[item.Id].DeleteAsync(r => r.Headers.Add("If-Match", item.ETag!)));
        await _graph.ListById(list).Items[item.Id].DeleteAsync(r => r.Headers.Add("If-Match", "*"));
        var gone = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(list).Items[item.Id].GetAsync());

        Assert.Equal(412, stale.ResponseStatusCode);
        Assert.Equal(404, gone.ResponseStatusCode);
    }

    [Fact]
    public async Task Of_ten_concurrent_writers_with_the_same_eTag_exactly_one_wins_over_loopback_HTTP()
    {
        await using var server = await GraphEmulatorServer.StartAsync(_graph.Emulator);
        using var http = Microsoft.Graph.GraphClientFactory.Create();
        var client = new Microsoft.Graph.GraphServiceClient(http, new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(), server.BaseUrl);
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"));
        var item = await _graph.CreateItemAsync(list, new() { ["Owner"] = "start" });

        var writers = Enumerable.Range(0, 10).Select(async n =>
        {
            try
            {
                await client.Sites[_graph.Site.Id].Lists[list].Items[item.Id].Fields.PatchAsync(
                    new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Owner"] = $"w{n}" } },
                    r => r.Headers.Add("If-Match", item.ETag!));
                return 200;
            }
            catch (ODataError e)
            {
                return e.ResponseStatusCode;
            }
        });
        var statuses = await Task.WhenAll(writers);

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Equal(9, statuses.Count(s => s == 412));
    }

    [Fact]
    public async Task Versions_list_every_saved_state_newest_first()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });
        await _graph.ListById(list).Items[item.Id].Fields.PatchAsync(new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "b" } });

        var versions = await _graph.ListById(list).Items[item.Id].Versions.GetAsync();

        Assert.Equal(["2.0", "1.0"], versions!.Value!.Select(v => v.Id));
        Assert.Equal("a", versions.Value![1].Fields!.AdditionalData["Title"]);
    }

    [Fact]
    public async Task A_delegated_token_makes_the_signed_in_user_the_author()
    {
        _graph.Emulator.AddSiteUser(_graph.Site, 14, "anne@norddjurs.dk");
        using var http = Microsoft.Graph.GraphClientFactory.Create(finalHandler: new GraphEmulatorHandler(_graph.Emulator));
        var client = new Microsoft.Graph.GraphServiceClient(http,
            new FakeToken("tab-app", scopes: "Sites.ReadWrite.All", user: ("a-oid", "Anne Ansvarlig", "anne@norddjurs.dk")), Emulated.BaseUrl);
        var list = await _graph.CreateListAsync("Systemer");

        var item = await client.Sites[_graph.Site.Id].Lists[list].Items.PostAsync(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "a" } } });

        Assert.Equal("Anne Ansvarlig", item!.CreatedBy!.User!.DisplayName);
        Assert.Equal("14", item.Fields!.AdditionalData["AuthorLookupId"]);
    }

    [Fact]
    public async Task Patching_the_listItem_with_fields_returns_the_listItem()
    {
        var list = await _graph.CreateListAsync("Systemer");
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });

        var patched = await _graph.ListById(list).Items[item.Id].PatchAsync(
            new ListItem { Fields = new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["Title"] = "b" } } },
            r => r.Headers.Add("If-Match", item.ETag!));

        Assert.Equal("b", patched!.Fields!.AdditionalData["Title"]);
        Assert.EndsWith(",2\"", patched.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expand_fields_with_select_projects_the_columns()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"), Emulated.Text("Note"));
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a", ["Owner"] = "x", ["Note"] = "n" });

        var read = await _graph.ListById(list).Items[item.Id].GetAsync(r => r.QueryParameters.Expand = ["fields($select=Owner)"]);
        var bare = await _graph.ListById(list).Items[item.Id].GetAsync();

        Assert.Equal("x", read!.Fields!.AdditionalData["Owner"]);
        Assert.False(read.Fields.AdditionalData.ContainsKey("Note"));
        Assert.Null(bare!.Fields);
    }

    public void Dispose() => _graph.Dispose();
}
