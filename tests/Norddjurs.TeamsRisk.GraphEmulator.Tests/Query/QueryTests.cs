using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Query;

/// <summary>Contract tests 14–18: filters, the index rule with Prefer on every page, paging, the threshold.</summary>
public sealed class QueryTests : IDisposable
{
    private const string Prefer = "HonorNonIndexedQueriesWarningMayFailRandomly";
    private readonly Emulated _graph = new();

    [Fact]
    public async Task A_filter_on_an_indexed_column_returns_the_matching_items()
    {
        var list = await SeedAsync(10);

        var page = await _graph.ListById(list).Items.GetAsync(r =>
        {
            r.QueryParameters.Filter = "fields/Bucket eq 'b1' and fields/Points ge 4";
            r.QueryParameters.Expand = ["fields($select=Bucket,Points)"];
        });

        Assert.Equal(["4", "7", "10"], page!.Value!.Select(i => i.Id));
    }

    [Fact]
    public async Task A_filter_on_a_non_indexed_column_is_400_unless_the_Prefer_header_is_sent()
    {
        var list = await SeedAsync(5);

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(list).Items.GetAsync(r => r.QueryParameters.Filter = "fields/Note eq 'n3'"));
        var page = await _graph.ListById(list).Items.GetAsync(r =>
        {
            r.QueryParameters.Filter = "fields/Note eq 'n3'";
            r.Headers.Add("Prefer", Prefer);
        });

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
        Assert.Contains("cannot be referenced in filter or orderby as it is not indexed", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal("3", Assert.Single(page!.Value!).Id);
    }

    [Fact]
    public async Task Orderby_startswith_or_and_quotes_in_literals_work()
    {
        var list = await SeedAsync(6);
        await _graph.CreateItemAsync(list, new() { ["Bucket"] = "O'Brien", ["Points"] = 1 });

        var sorted = await _graph.ListById(list).Items.GetAsync(r =>
        {
            r.QueryParameters.Filter = "startswith(fields/Bucket,'b') or fields/Bucket eq 'O''Brien'";
            r.QueryParameters.Orderby = ["fields/Points desc"];
            r.QueryParameters.Expand = ["fields"];
        });

        Assert.Equal(["6", "5", "4", "3", "2", "1", "7"], sorted!.Value!.Select(i => i.Id));
    }

    [Fact]
    public async Task PageIterator_without_the_Prefer_on_follow_ups_fails_on_page_two_and_with_a_configurator_reads_every_item_once()
    {
        var list = await SeedAsync(25);
        Task<ListItemCollectionResponse?> FirstPage() => _graph.ListById(list).Items.GetAsync(r =>
        {
            r.QueryParameters.Filter = "fields/Note ne 'none'";
            r.QueryParameters.Top = 10;
            r.Headers.Add("Prefer", Prefer);
        });

        var bare = PageIterator<ListItem, ListItemCollectionResponse>.CreatePageIterator(_graph.Client, (await FirstPage())!, _ => true);
        // PageIterator follow-ups have no error mapping: the 400 surfaces as ServiceException, not ODataError.
        var error = await Assert.ThrowsAsync<ServiceException>(() => bare.IterateAsync());
        var seen = new List<string>();
        var configured = PageIterator<ListItem, ListItemCollectionResponse>.CreatePageIterator(
            _graph.Client, (await FirstPage())!, item => { seen.Add(item.Id!); return true; },
            request => { request.Headers.Add("Prefer", Prefer); return request; });
        await configured.IterateAsync();

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), seen);
    }

    [Fact]
    public async Task The_default_page_is_200_top_is_capped_and_the_nextLink_is_absolute_on_the_callers_origin()
    {
        var list = await SeedAsync(0);
        _graph.Emulator.Options.MaxPageSize = 50;
        for (var i = 0; i < 210; i++)
        {
            await _graph.CreateItemAsync(list, new() { ["Title"] = "t" });
        }

        var first = await _graph.ListById(list).Items.GetAsync();
        var capped = await _graph.ListById(list).Items.GetAsync(r => r.QueryParameters.Top = 10000);
        var next = first!.OdataNextLink!;
        var rest = await _graph.ListById(list).Items.WithUrl(next).GetAsync();

        Assert.Equal(200, first.Value!.Count);
        Assert.Equal(50, capped!.Value!.Count);
        Assert.StartsWith(Emulated.BaseUrl + "/sites/", next, StringComparison.Ordinal);
        Assert.Contains("$skiptoken=", next, StringComparison.Ordinal);
        Assert.DoesNotContain("{", next, StringComparison.Ordinal);
        Assert.Equal(10, rest!.Value!.Count);
        Assert.Null(rest.OdataNextLink);
    }

    [Fact]
    public async Task With_the_threshold_lowered_a_non_indexed_query_fails_and_an_indexed_one_succeeds()
    {
        _graph.Emulator.Options.ListViewThreshold = 20;
        var list = await SeedAsync(25);

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(list).Items.GetAsync(r =>
        {
            r.QueryParameters.Filter = "fields/Note eq 'n3'";
            r.Headers.Add("Prefer", Prefer);
        }));
        var indexed = await _graph.ListById(list).Items.GetAsync(r => r.QueryParameters.Filter = "fields/Points le 5");

        Assert.Equal(500, error.ResponseStatusCode);
        Assert.Contains("list view threshold", error.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(5, indexed!.Value!.Count);
    }

    [Theory]
    [InlineData("items?$count=true", HttpStatusCode.BadRequest)]
    [InlineData("items/$count", HttpStatusCode.NotFound)]
    [InlineData("items?$skip=5", HttpStatusCode.BadRequest)]
    [InlineData("items?$search=x", HttpStatusCode.BadRequest)]
    [InlineData("items?$filter=fields/Points%20eq", HttpStatusCode.BadRequest)]
    public async Task Options_the_service_refuses_are_refused(string tail, HttpStatusCode status)
    {
        var list = await SeedAsync(1);

        var response = await _graph.Raw.GetAsync($"/v1.0/sites/{_graph.Site.Id}/lists/{list}/{tail}");

        Assert.Equal(status, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    /// <summary>Items 1..n: Points = id (indexed), Bucket = "b{id % 3}" (indexed), Note = "n{id}" (not indexed).</summary>
    private async Task<string> SeedAsync(int count)
    {
        var list = await _graph.CreateListAsync("Hændelser",
            new ColumnDefinition { Name = "Points", Number = new NumberColumn(), Indexed = true },
            Emulated.Text("Bucket", indexed: true),
            Emulated.Text("Note"));
        for (var i = 1; i <= count; i++)
        {
            await _graph.CreateItemAsync(list, new() { ["Points"] = i, ["Bucket"] = $"b{i % 3}", ["Note"] = $"n{i}" });
        }
        return list;
    }

    public void Dispose() => _graph.Dispose();
}
