using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Lists;

public sealed class ListsAndColumnsTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task A_list_created_with_columns_reads_back_with_them_and_a_Title_column()
    {
        var id = await _graph.CreateListAsync("Risikovurderinger",
            Emulated.Text("SystemKey", indexed: true, maxLength: 64),
            new ColumnDefinition { Name = "Status", Choice = new ChoiceColumn { Choices = ["Invited", "Submitted"] }, Indexed = true, Required = true });

        var list = await _graph.ListById(id).GetAsync(r => r.QueryParameters.Expand = ["columns"]);

        Assert.Equal("Risikovurderinger", list!.Name);
        Assert.Equal("genericList", list.ListProp!.Template);
        Assert.DoesNotContain("\"", list.AdditionalData["@odata.etag"].ToString(), StringComparison.Ordinal);
        var columns = list.Columns!.ToDictionary(c => c.Name!);
        Assert.Equal(64, columns["SystemKey"].Text!.MaxLength);
        Assert.True(columns["SystemKey"].Indexed);
        Assert.Equal(["Invited", "Submitted"], columns["Status"].Choice!.Choices!);
        Assert.Contains("Title", columns.Keys);
    }

    [Fact]
    public async Task A_list_is_found_by_title_in_the_path_and_by_displayName_filter()
    {
        var id = await _graph.CreateListAsync("Hændelser");

        var byTitle = await _graph.Client.Sites[_graph.Site.Id].Lists["Hændelser"].GetAsync();
        var byFilter = await _graph.Client.Sites[_graph.Site.Id].Lists.GetAsync(r => r.QueryParameters.Filter = "displayName eq 'Hændelser'");

        Assert.Equal(id, byTitle!.Id);
        Assert.Equal(id, Assert.Single(byFilter!.Value!).Id);
    }

    [Fact]
    public async Task A_list_read_with_expanded_items_carries_them_with_their_fields()
    {
        var id = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"));
        await _graph.CreateItemAsync(id, new() { ["Title"] = "a", ["Owner"] = "x" });

        var list = await _graph.ListById(id).GetAsync(r => r.QueryParameters.Expand = ["items($expand=fields($select=Owner))"]);

        var item = Assert.Single(list!.Items!);
        Assert.Equal("x", item.Fields!.AdditionalData["Owner"]);
        Assert.False(item.Fields.AdditionalData.ContainsKey("Title"));
    }

    [Fact]
    public async Task Sending_a_list_name_on_create_is_refused()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.Client.Sites[_graph.Site.Id].Lists.PostAsync(
            new List { DisplayName = "X", Name = "X" }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
    }

    [Fact]
    public async Task A_second_list_with_the_same_title_is_a_409_nameAlreadyExists()
    {
        await _graph.CreateListAsync("Systemer");

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateListAsync("systemer"));

        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("nameAlreadyExists", error.Error!.Code);
    }

    [Fact]
    public async Task A_column_with_two_type_facets_is_refused()
    {
        var id = await _graph.CreateListAsync("Systemer");

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(id).Columns.PostAsync(
            new ColumnDefinition { Name = "Both", Text = new TextColumn(), Number = new NumberColumn() }));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Unique_values_need_an_index_first_and_patching_the_index_on_makes_it_possible()
    {
        var id = await _graph.CreateListAsync("Systemer");
        var refused = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(id).Columns.PostAsync(Emulated.Text("OperationId", unique: true)));
        var column = await _graph.ListById(id).Columns.PostAsync(Emulated.Text("OperationId"));

        await _graph.ListById(id).Columns[column!.Id].PatchAsync(new ColumnDefinition { Indexed = true });
        var unique = await _graph.ListById(id).Columns[column.Id].PatchAsync(new ColumnDefinition { EnforceUniqueValues = true });

        Assert.Equal(400, refused.ResponseStatusCode);
        Assert.Contains("indexed", refused.Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(unique!.EnforceUniqueValues);
    }

    [Fact]
    public async Task Unique_values_cannot_be_turned_on_over_existing_duplicates()
    {
        var id = await _graph.CreateListAsync("Systemer", Emulated.Text("Key", indexed: true));
        await _graph.CreateItemAsync(id, new() { ["Key"] = "a" });
        await _graph.CreateItemAsync(id, new() { ["Key"] = "A" });
        var key = (await _graph.ListById(id).Columns.GetAsync())!.Value!.Single(c => c.Name == "Key");

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(id).Columns[key.Id].PatchAsync(new ColumnDefinition { EnforceUniqueValues = true }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.False((await _graph.ListById(id).Columns[key.Id].GetAsync())!.EnforceUniqueValues);
    }

    [Fact]
    public async Task An_unknown_facet_value_is_refused()
    {
        var id = await _graph.CreateListAsync("Systemer");

        var response = await _graph.Raw.PostAsync($"/v1.0/sites/{_graph.Site.Id}/lists/{id}/columns",
            Emulated.JsonBody("""{"name":"Due","dateTime":{"format":"weekly"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_deleted_column_is_gone_and_a_deleted_list_is_404()
    {
        var id = await _graph.CreateListAsync("Systemer", Emulated.Text("Owner"));
        var columns = await _graph.ListById(id).Columns.GetAsync();
        var owner = columns!.Value!.Single(c => c.Name == "Owner");

        await _graph.ListById(id).Columns[owner.Id].DeleteAsync();
        var after = await _graph.ListById(id).Columns.GetAsync();
        await _graph.ListById(id).DeleteAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(id).GetAsync());

        Assert.DoesNotContain(after!.Value!, c => c.Name == "Owner");
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("itemNotFound", error.Error!.Code);
    }

    [Fact]
    public async Task A_column_made_from_a_label_gets_the_escaped_32_character_internal_name()
    {
        var id = await _graph.CreateListAsync("Systemer");

        var response = await _graph.Raw.PostAsync($"/v1.0/sites/{_graph.Site.Id}/lists/{id}/columns",
            Emulated.JsonBody("""{"displayName":"Sandsynlighed (1-4)","number":{}}"""));
        var column = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("Sandsynlighed_x0020__x0028_1_x00", column["name"]!.GetValue<string>());
    }

    public void Dispose() => _graph.Dispose();
}
