using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Tests.Data;

namespace Norddjurs.TeamsRisk.Core.Tests.Catalogue;

/// <summary>Loading an event catalogue (risk-method.md §4): every bad document is the shipped default with one thing changed.</summary>
public sealed class CatalogueLoadingTests
{
    private static LoadResult<EventCatalogue> Load(Action<JsonObject> edit) => Documents.LoadCatalogue(edit);

    private static LoadResult<EventCatalogue> LoadWith(string path, JsonNode? value) => Load(d => d.Set(path, value));

    [Fact]
    public void An_event_must_belong_to_a_known_group()
    {
        var problem = Problems.Only(LoadWith("$.events[3].group", "weather"), "$.events[3].group", DataErrorCodes.UnknownReference);
        Assert.Equal(("weather", "group"), (problem.Error.Args["value"], problem.Error.Args["kind"]));
    }

    [Fact]
    public void Event_ids_must_be_unique()
    {
        var problem = Problems.Only(LoadWith("$.events[29].id", "PHY-POWER"), "$.events[29].id", DataErrorCodes.DuplicateId);
        Assert.Equal("PHY-POWER", problem.Error.Args["id"]);
    }

    [Fact]
    public void Group_ids_must_be_unique() =>
        Problems.Has(LoadWith("$.groups[4].id", "cyber"), "$.groups[4].id", DataErrorCodes.DuplicateId);

    [Theory]
    [InlineData("$.events[1].suggestWhen[0]", "onPremise")]
    [InlineData("$.events[23].suggestWhen[1]", "PersonalData")]
    [InlineData("$.events[0].cia[0]", "X")]
    [InlineData("$.events[14].cia[2]", "availability")]
    public void Suggest_conditions_and_cia_flags_come_from_closed_sets(string path, string value)
    {
        var problem = Problems.Only(LoadWith(path, value), path, DataErrorCodes.NotAllowed);
        Assert.Equal(value, problem.Error.Args["value"]);
    }

    [Fact]
    public void An_unknown_flag_is_reported_at_its_own_index_after_an_item_of_the_wrong_type()
    {
        var result = LoadWith("$.events[14].cia", new JsonArray("C", 3, "X"));

        Assert.Equal(2, result.Problems.Count);
        Problems.Has(result, "$.events[14].cia[1]", DataErrorCodes.WrongType);
        Problems.Has(result, "$.events[14].cia[2]", DataErrorCodes.NotAllowed);
    }

    [Fact]
    public void An_event_must_affect_at_least_one_dimension() =>
        Problems.Only(LoadWith("$.events[0].cia", new JsonArray()), "$.events[0].cia", DataErrorCodes.Empty);

    [Fact]
    public void An_event_may_name_a_dimension_only_once() =>
        Problems.Only(LoadWith("$.events[0].cia", new JsonArray("A", "A")), "$.events[0].cia", DataErrorCodes.DuplicateId);

    [Fact]
    public void A_catalogue_without_events_is_refused() =>
        Problems.Only(LoadWith("$.events", new JsonArray()), "$.events", DataErrorCodes.Empty);

    [Theory]
    [InlineData("$.owner")]
    [InlineData("$.groups[0].colour")]
    [InlineData("$.events[5].severity")]
    [InlineData("$.events[5].name.de")]
    [InlineData("$.events[5].description.de")]
    [InlineData("$.events[5].measures[1].de")]
    [InlineData("$.events[5].refs.cwe")]
    public void An_unknown_key_is_reported_where_it_is(string path) =>
        Problems.Only(LoadWith(path, "x"), path, DataErrorCodes.UnknownKey);

    [Theory]
    [InlineData("$.events[2].baseline", "\"yes\"", "boolean")]
    [InlineData("$.events[2].cia", "\"A\"", "array")]
    [InlineData("$.events[2].suggestWhen[0]", "1", "string")]
    [InlineData("$.events[2].name", "\"Brand\"", "object")]
    [InlineData("$.events[2].description", "42", "object")]
    [InlineData("$.events[2].measures[0]", "[]", "object")]
    [InlineData("$.events[2].custom", "\"true\"", "boolean")]
    [InlineData("$.events[2].refs.bsi", "\"G 0.1\"", "array")]
    [InlineData("$.version", "1", "string")]
    [InlineData("$.groups", "{}", "array")]
    public void A_value_of_the_wrong_type_is_reported_with_what_was_expected(string path, string json, string expected)
    {
        var problem = Problems.Only(LoadWith(path, JsonNode.Parse(json)), path, DataErrorCodes.WrongType);
        Assert.Equal(expected, problem.Error.Args["expected"]);
    }

    [Theory]
    [InlineData("$.events[2].group")]
    [InlineData("$.events[2].cia")]
    [InlineData("$.events[2].name")]
    [InlineData("$.events[2].description")]
    [InlineData("$.events")]
    public void A_missing_key_is_reported_where_it_belongs(string path) =>
        Problems.Only(Load(d => d.Delete(path)), path, DataErrorCodes.MissingKey);

    [Fact]
    public void Bad_JSON_is_reported_with_its_line()
    {
        var lines = Encoding.UTF8.GetString(DefaultCatalogue.Json()).Split('\n');
        var broken = Array.FindIndex(lines, l => l.Contains("\"id\": \"CYB-RANSOM\"", StringComparison.Ordinal));
        lines[broken] = lines[broken].Replace("\"baseline\": true,", "\"baseline\": true", StringComparison.Ordinal);

        var problem = Problems.Only(CatalogueLoader.Load(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "$", DataErrorCodes.BadJson);
        Assert.StartsWith($"line {broken + 1},", problem.Error.Args["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_string_is_read_as_Danish_only()
    {
        var e = Load(d => d.Set("$.events[0].description", "Strømmen går.").Set("$.events[0].measures[0]", "UPS")).Value.Events[0];

        Assert.Equal(new LocalizedText("Strømmen går.", string.Empty), e.Description);
        Assert.Equal("Strømmen går.", e.Description.In(Language.English));
        Assert.Equal("UPS", e.Measures[0].Da);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = Load(d => d
            .Set("$.events[0].cia[0]", "X")
            .Set("$.events[1].baseline", "no")
            .Set("$.events[2].suggestWhen", new JsonArray("cloudy"))
            .Set("$.events[3].severity", 4)
            .Set("$.version", "1.0"));

        Assert.Equal(
            [
                ("$.events[0].cia[0]", DataErrorCodes.NotAllowed),
                ("$.events[1].baseline", DataErrorCodes.WrongType),
                ("$.events[2].suggestWhen[0]", DataErrorCodes.NotAllowed),
                ("$.events[3].severity", DataErrorCodes.UnknownKey),
                ("$.version", DataErrorCodes.InvalidVersion),
            ],
            result.Problems.Select(p => (p.Path, p.Error.Code)).OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void A_custom_event_loads_with_its_own_flags()
    {
        var custom = new JsonObject
        {
            ["id"] = "CUSTOM-1",
            ["group"] = "human",
            ["baseline"] = false,
            ["suggestWhen"] = new JsonArray(),
            ["cia"] = new JsonArray("C", "A"),
            ["name"] = new JsonObject { ["da"] = "Fejlkørsel i lønkørsel", ["en"] = "Failed payroll run" },
            ["description"] = "Lønkørslen fejler på lønningsdagen.",
            ["measures"] = new JsonArray(),
            ["custom"] = true,
        };

        var catalogue = Load(d => d.Append("$.events", custom)).Value;

        var e = catalogue.Find("CUSTOM-1")!;
        Assert.True(e.Custom);
        Assert.Equal([Dimension.Confidentiality, Dimension.Availability], e.Cia);
        Assert.False(e.Affects(Dimension.Integrity));
        Assert.False(e.Baseline);
        Assert.Empty(e.Measures);
        Assert.Equal(EventRefs.None, e.Refs);
        Assert.Equal(31, catalogue.Events.Count);
    }

    [Fact]
    public void The_hash_is_stable_and_ignores_key_order_and_whitespace()
    {
        var reversed = Reverse(Documents.Catalogue());

        var first = DefaultCatalogue.Load().Value.Sha256;
        var again = DefaultCatalogue.Load().Value.Sha256;
        Assert.Equal(first, again);
        Assert.Equal(first, CatalogueLoader.Load(Documents.Bytes(reversed, indented: true)).Value.Sha256);
    }

    public static TheoryData<string, Action<JsonObject>> Changes => new()
    {
        { "an event's flags", d => d.Set("$.events[0].cia", new JsonArray("A", "I")) },
        { "an event's baseline", d => d.Set("$.events[1].baseline", true) },
        { "an English measure", d => d.Set("$.events[0].measures[0].en", "A UPS on critical equipment") },
        { "a new event", d => d.Append("$.events", d.CopyOf("$.events[0]").Set("$.id", "PHY-POWER-2")) },
        {
            "the event order", d =>
            {
                var first = d.CopyOf("$.events[0]");
                d.Set("$.events[0]", d.CopyOf("$.events[1]")).Set("$.events[1]", first);
            }
        },
    };

    [Theory, MemberData(nameof(Changes))]
    public void The_hash_changes_when_an_event_changes(string what, Action<JsonObject> change)
    {
        var changed = Load(change).Value;

        Assert.True(changed.Sha256 != DefaultCatalogue.Load().Value.Sha256, $"changing {what} kept the hash");
    }

    private static JsonNode Reverse(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Reverse(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Reverse(item))]),
        _ => node.DeepClone(),
    };
}
