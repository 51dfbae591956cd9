using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Query;

/// <summary>The <c>$filter</c> subset of §10.4, compared by column type.</summary>
public sealed class FilterTests : IDisposable
{
    private readonly Emulated _graph = new();
    private string _list = "";

    [Theory]
    [InlineData("fields/Due lt '2026-06-01T00:00:00Z'", "1")]
    [InlineData("fields/Due ge '2026-06-01T00:00:00Z'", "2,3")]
    [InlineData("fields/Done eq 1", "2")]
    [InlineData("fields/Done eq false", "1,3")]
    [InlineData("fields/Name eq 'ÅBEN'", "1")]
    [InlineData("fields/Name eq null", "3")]
    [InlineData("fields/Name ne 'åben'", "2,3")]
    [InlineData("not (fields/Score gt 2)", "1,2")]
    [InlineData("(fields/Score eq 1 or fields/Score eq 3) and fields/Done eq 0", "1,3")]
    [InlineData("id ge 2", "2,3")]
    [InlineData("fields/Score le 2.5", "1,2")]
    [InlineData("startswith(fields/Name,'lu')", "2")]
    public async Task Filters_compare_by_the_columns_type(string filter, string expected)
    {
        await SeedAsync();

        var page = await _graph.ListById(_list).Items.GetAsync(r => r.QueryParameters.Filter = filter);

        Assert.Equal(expected, string.Join(',', page!.Value!.Select(i => i.Id)));
    }

    [Theory]
    [InlineData("fields/Score eq")]
    [InlineData("fields/Score like 3")]
    [InlineData("fields/Name eq 'open")]
    [InlineData("fields/Nope eq 1")]
    [InlineData("createdDateTime gt '2026-01-01'")]
    public async Task A_malformed_or_unknown_filter_is_400(string filter)
    {
        await SeedAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(_list).Items.GetAsync(r => r.QueryParameters.Filter = filter));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Orderby_on_a_non_indexed_column_obeys_the_index_rule()
    {
        await SeedAsync();
        var column = await _graph.ListById(_list).Columns.PostAsync(Emulated.Text("Loose"));

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.ListById(_list).Items.GetAsync(r => r.QueryParameters.Orderby = ["fields/Loose"]));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.NotNull(column);
    }

    private async Task SeedAsync()
    {
        _list = await _graph.CreateListAsync("Hændelser",
            new ColumnDefinition { Name = "Due", DateTime = new DateTimeColumn { Format = "dateTime" }, Indexed = true },
            new ColumnDefinition { Name = "Done", Boolean = new BooleanColumn(), Indexed = true },
            new ColumnDefinition { Name = "Score", Number = new NumberColumn(), Indexed = true },
            Emulated.Text("Name", indexed: true));
        await _graph.CreateItemAsync(_list, new() { ["Due"] = "2026-01-15T10:00:00Z", ["Done"] = false, ["Score"] = 1, ["Name"] = "Åben" });
        await _graph.CreateItemAsync(_list, new() { ["Due"] = "2026-06-01T00:00:00+00:00", ["Done"] = true, ["Score"] = 2, ["Name"] = "Lukket" });
        await _graph.CreateItemAsync(_list, new() { ["Due"] = "2026-12-01T01:00:00+01:00", ["Done"] = false, ["Score"] = 3 });
    }

    public void Dispose() => _graph.Dispose();
}
