using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Norddjurs.TeamsRisk.GraphEmulator.Tests.Support;

namespace Norddjurs.TeamsRisk.GraphEmulator.Tests.Items;

/// <summary>Contract tests 4 and 8–12: value rules per column facet (§3.5, §10.3).</summary>
public sealed class FieldRuleTests : IDisposable
{
    private readonly Emulated _graph = new();

    [Fact]
    public async Task Text_longer_than_255_in_a_single_line_column_is_400_and_nothing_is_stored()
    {
        var list = await _graph.CreateListAsync("Systemer");

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Title"] = new string('x', 256) }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
        Assert.Empty(_graph.Emulator.Items(Guid.Parse(list)));
    }

    [Fact]
    public async Task Text_longer_than_63999_in_a_multiple_lines_column_is_400_and_nothing_is_stored()
    {
        var list = await _graph.CreateListAsync("Systemer", new ColumnDefinition { Name = "Notes", Text = new TextColumn { AllowMultipleLines = true } });

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Notes"] = new string('x', 64_000) }));
        var longest = await _graph.CreateItemAsync(list, new() { ["Notes"] = new string('x', 63_999) });

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
        Assert.Equal(63_999, longest.Fields!.AdditionalData["Notes"].ToString()!.Length);
        Assert.Single(_graph.Emulator.Items(Guid.Parse(list)));
    }

    [Fact]
    public async Task The_columns_own_maxLength_is_enforced()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Key", maxLength: 4));

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Key"] = "12345" }));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task A_duplicate_in_a_unique_column_is_refused_case_insensitively()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("OperationId", indexed: true, unique: true));
        await _graph.CreateItemAsync(list, new() { ["OperationId"] = "op-ABC" });

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["OperationId"] = "OP-abc" }));

        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Single(_graph.Emulator.Items(Guid.Parse(list)));
    }

    [Fact]
    public async Task A_missing_required_value_an_unknown_choice_and_an_unknown_field_are_400()
    {
        var list = await _graph.CreateListAsync("Systemer",
            new ColumnDefinition { Name = "Status", Choice = new ChoiceColumn { Choices = ["Invited", "Submitted"] }, Required = true });

        var missing = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Title"] = "a" }));
        var badChoice = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Status"] = "Unknown" }));
        var unknown = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Status"] = "Invited", ["Nope"] = "x" }));
        var ok = await _graph.CreateItemAsync(list, new() { ["Status"] = "Invited" });

        Assert.All([missing, badChoice, unknown], e => Assert.Equal(400, e.ResponseStatusCode));
        Assert.Equal("Invited", ok.Fields!.AdditionalData["Status"]);
    }

    [Fact]
    public async Task Numbers_must_be_JSON_numbers_and_read_back_as_decimal()
    {
        var list = await _graph.CreateListAsync("Systemer", new ColumnDefinition { Name = "Points", Number = new NumberColumn { Minimum = 1, Maximum = 16 } });

        var asString = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Points"] = "3" }));
        var tooBig = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Points"] = 17 }));
        var ok = await _graph.CreateItemAsync(list, new() { ["Points"] = 12 });

        Assert.Equal(400, asString.ResponseStatusCode);
        Assert.Equal(400, tooBig.ResponseStatusCode);
        Assert.Equal(12m, ok.Fields!.AdditionalData["Points"]);
    }

    [Fact]
    public async Task A_multi_choice_write_needs_the_type_annotation_and_an_empty_array_clears()
    {
        var list = await _graph.CreateListAsync("Systemer",
            new ColumnDefinition { Name = "Events", Choice = new ChoiceColumn { Choices = ["A", "B"], DisplayAs = "checkBoxes" } });

        var plain = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Events"] = new List<string> { "A" } }));
        var item = await _graph.CreateItemAsync(list, new() { ["Events@odata.type"] = "Collection(Edm.String)", ["Events"] = new List<string> { "A", "B" } });
        var stored = _graph.Emulator.Items(Guid.Parse(list)).Single()["fields"]!["Events"]!.AsArray().Count;
        await _graph.ListById(list).Items[item.Id].Fields.PatchAsync(new FieldValueSet
        {
            AdditionalData = new Dictionary<string, object> { ["Events@odata.type"] = "Collection(Edm.String)", ["Events"] = new List<string>() },
        });
        var cleared = _graph.Emulator.Items(Guid.Parse(list)).Single()["fields"]!["Events"]!.AsArray().Count;

        Assert.Equal(400, plain.ResponseStatusCode);
        Assert.Equal(2, stored);
        Assert.Equal(0, cleared);
    }

    [Fact]
    public async Task A_multi_person_write_needs_the_Int32_collection_annotation_and_known_ids()
    {
        var list = await _graph.CreateListAsync("Systemer",
            new ColumnDefinition { Name = "Reviewers", PersonOrGroup = new PersonOrGroupColumn { AllowMultipleSelection = true } });
        _graph.Emulator.AddSiteUser(_graph.Site, 12, "anne@norddjurs.dk");
        _graph.Emulator.AddSiteUser(_graph.Site, 15, "bo@norddjurs.dk");

        var plain = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["ReviewersLookupId"] = new List<int> { 12, 15 } }));
        var unknown = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new()
        {
            ["ReviewersLookupId@odata.type"] = "Collection(Edm.Int32)",
            ["ReviewersLookupId"] = new List<int> { 12, 99 },
        }));
        var item = await _graph.CreateItemAsync(list, new()
        {
            ["ReviewersLookupId@odata.type"] = "Collection(Edm.Int32)",
            ["ReviewersLookupId"] = new List<int> { 12, 15 },
        });

        Assert.Equal(400, plain.ResponseStatusCode);
        Assert.Equal(400, unknown.ResponseStatusCode);
        Assert.Equal(2, _graph.Emulator.Items(Guid.Parse(list)).Single()["fields"]!["ReviewersLookupId"]!.AsArray().Count);
        Assert.NotNull(item.Id);
    }

    [Fact]
    public async Task A_person_id_must_be_in_the_User_Information_List_and_reads_back_as_a_string()
    {
        var list = await _graph.CreateListAsync("Systemer", new ColumnDefinition { Name = "Owner", PersonOrGroup = new PersonOrGroupColumn() });
        _graph.Emulator.AddSiteUser(_graph.Site, 12, "anne@norddjurs.dk");

        var unknown = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["OwnerLookupId"] = "99" }));
        var byName = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Owner"] = "12" }));
        var item = await _graph.CreateItemAsync(list, new() { ["OwnerLookupId"] = 12 });

        Assert.Equal(400, unknown.ResponseStatusCode);
        Assert.Equal(400, byName.ResponseStatusCode);
        Assert.Equal("12", item.Fields!.AdditionalData["OwnerLookupId"]);
    }

    [Fact]
    public async Task A_person_or_lookup_column_named_in_select_also_returns_its_display_value()
    {
        var source = await _graph.CreateListAsync("Systemer");
        await _graph.CreateItemAsync(source, new() { ["Title"] = "KMD Opus" });
        var list = await _graph.CreateListAsync("Risici",
            new ColumnDefinition { Name = "Owner", PersonOrGroup = new PersonOrGroupColumn() },
            new ColumnDefinition { Name = "System", Lookup = new LookupColumn { ListId = source, ColumnName = "Title" } });
        _graph.Emulator.AddSiteUser(_graph.Site, 12, "anne@norddjurs.dk");
        var item = await _graph.CreateItemAsync(list, new() { ["OwnerLookupId"] = "12", ["SystemLookupId"] = 1 });

        var read = await _graph.ListById(list).Items[item.Id].GetAsync(r => r.QueryParameters.Expand = ["fields($select=Owner,System)"]);
        var owner = (Microsoft.Kiota.Abstractions.Serialization.UntypedObject)read!.Fields!.AdditionalData["Owner"];
        var system = (Microsoft.Kiota.Abstractions.Serialization.UntypedObject)read.Fields.AdditionalData["System"];

        Assert.Equal("12", read.Fields.AdditionalData["OwnerLookupId"]);
        Assert.Equal("anne@norddjurs.dk", ((Microsoft.Kiota.Abstractions.Serialization.UntypedString)owner.GetValue()["LookupValue"]).GetValue());
        Assert.Equal("KMD Opus", ((Microsoft.Kiota.Abstractions.Serialization.UntypedString)system.GetValue()["LookupValue"]).GetValue());
    }

    [Fact]
    public async Task A_hyperlink_write_is_400_invalidRequest()
    {
        var list = await _graph.CreateListAsync("Systemer", new ColumnDefinition { Name = "Link", HyperlinkOrPicture = new HyperlinkOrPictureColumn() });

        var error = await Assert.ThrowsAsync<ODataError>(() => _graph.CreateItemAsync(list, new() { ["Link"] = "https://example.org" }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("invalidRequest", error.Error!.Code);
    }

    [Theory]
    [InlineData("2026-12-01T00:00:00Z", "2026-11-30T23:00:00Z")]
    [InlineData("2026-11-30T23:00:00Z", "2026-11-30T23:00:00Z")]
    [InlineData("2026-07-01T12:00:00+02:00", "2026-06-30T22:00:00Z")]
    public async Task A_date_only_value_is_stored_as_Copenhagen_midnight(string written, string stored)
    {
        var list = await _graph.CreateListAsync("Systemer", new ColumnDefinition { Name = "Due", DateTime = new DateTimeColumn { Format = "dateOnly" } });

        var item = await _graph.CreateItemAsync(list, new() { ["Due"] = written });

        Assert.Equal(DateTime.Parse(stored, null, System.Globalization.DateTimeStyles.AdjustToUniversal), item.Fields!.AdditionalData["Due"]);
    }

    [Fact]
    public async Task The_SDK_reads_a_GUID_text_as_Guid_and_a_date_like_text_as_DateTime()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("OwnerAadId"), Emulated.Text("Day"));
        var owner = Guid.NewGuid();

        var item = await _graph.CreateItemAsync(list, new() { ["OwnerAadId"] = owner.ToString(), ["Day"] = "2026-11-24" });

        // §3.9: what the store's mapper must convert back by the column's declared type.
        Assert.Equal(owner, item.Fields!.AdditionalData["OwnerAadId"]);
        Assert.IsType<DateTime>(item.Fields.AdditionalData["Day"]);
    }

    [Fact]
    public async Task An_edit_made_in_SharePoint_by_a_user_shows_as_lastModifiedBy()
    {
        var list = await _graph.CreateListAsync("Systemer", Emulated.Text("Decision"));
        var item = await _graph.CreateItemAsync(list, new() { ["Title"] = "a" });
        var member = new Norddjurs.TeamsRisk.GraphEmulator.Items.Actor("c0ffee00-0000-4000-8000-000000000001", "Karen Komité", IsApplication: false, LookupId: 21, "karen@norddjurs.dk");

        _graph.Emulator.EditItemAs(Guid.Parse(list), int.Parse(item.Id!, System.Globalization.CultureInfo.InvariantCulture),
            new System.Text.Json.Nodes.JsonObject { ["Decision"] = "Accepteret" }, member);
        var read = await _graph.ListById(list).Items[item.Id].GetAsync(r => r.QueryParameters.Expand = ["fields"]);

        Assert.Equal("Karen Komité", read!.LastModifiedBy!.User!.DisplayName);
        Assert.Equal("21", read.Fields!.AdditionalData["EditorLookupId"]);
        Assert.EndsWith(",2\"", read.ETag, StringComparison.Ordinal);
    }

    public void Dispose() => _graph.Dispose();
}
