using Norddjurs.TeamsRisk.Core.Catalogue;

namespace Norddjurs.TeamsRisk.Core.Tests.Catalogue;

/// <summary>The shipped catalogue, <c>nk-event-catalog</c> 1.0.0, against risk-method.md §4.</summary>
public sealed class DefaultCatalogueTests
{
    private static readonly EventCatalogue Catalogue = DefaultCatalogue.Load().Value;

    [Fact]
    public void The_default_catalogue_loads_without_problems()
    {
        var result = DefaultCatalogue.Load();
        Assert.Empty(result.Problems);
        Assert.Equal("nk-event-catalog", result.Value.Id);
        Assert.Equal("1.0.0", result.Value.Version);
        Assert.Matches("^[0-9a-f]{64}$", result.Value.Sha256);
    }

    [Fact]
    public void It_has_30_events_in_the_five_groups()
    {
        Assert.Equal(30, Catalogue.Events.Count);
        Assert.Equal(["physical", "technical", "cyber", "supplier", "human"], Catalogue.Groups.Select(g => g.Id));
        Assert.All(Catalogue.Events, e => Assert.Contains(e.Group, Catalogue.Groups.Select(g => g.Id)));
        Assert.Equal(30, Catalogue.Events.Select(e => e.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("physical", "Fysiske og miljømæssige hændelser", "PHY-", 7)]
    [InlineData("technical", "Tekniske hændelser", "TEC-", 7)]
    [InlineData("cyber", "Cyberangreb", "CYB-", 6)]
    [InlineData("supplier", "Leverandører og tredjelande", "SUP-", 5)]
    [InlineData("human", "Menneskelige og organisatoriske forhold", "HUM-", 5)]
    public void Each_group_has_its_Danish_label_and_its_events(string group, string label, string prefix, int count)
    {
        Assert.Equal(label, Catalogue.Group(group).Label.In(Language.Danish));
        Assert.NotEmpty(Catalogue.Group(group).Label.En);
        var events = Catalogue.Events.Where(e => e.Group == group).ToList();
        Assert.Equal(count, events.Count);
        Assert.All(events, e => Assert.StartsWith(prefix, e.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void The_baseline_is_exactly_the_eleven_events_of_the_method()
    {
        string[] baseline =
        [
            "PHY-POWER", "TEC-FAILURE", "TEC-NETWORK", "TEC-CHANGE", "TEC-DATALOSS", "TEC-VULN",
            "CYB-RANSOM", "CYB-PHISH", "HUM-ERROR", "HUM-ACCESS", "HUM-STAFF",
        ];

        Assert.Equal(baseline, Catalogue.Events.Where(e => e.Baseline).Select(e => e.Id));
        Assert.All(Catalogue.Events.Where(e => e.Baseline), e => Assert.Empty(e.SuggestWhen));
    }

    [Fact]
    public void Every_event_has_a_name_description_and_measures_in_Danish_and_English()
    {
        Assert.All(Catalogue.Events, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name.Da), $"{e.Id}: no Danish name");
            Assert.False(string.IsNullOrWhiteSpace(e.Name.En), $"{e.Id}: no English name");
            Assert.False(string.IsNullOrWhiteSpace(e.Description.Da), $"{e.Id}: no Danish description");
            Assert.False(string.IsNullOrWhiteSpace(e.Description.En), $"{e.Id}: no English description");
            Assert.NotEqual(e.Description.Da, e.Description.En);
            Assert.InRange(e.Measures.Count, 3, 5);
            Assert.All(e.Measures, m =>
            {
                Assert.False(string.IsNullOrWhiteSpace(m.Da), $"{e.Id}: a measure has no Danish text");
                Assert.False(string.IsNullOrWhiteSpace(m.En), $"{e.Id}: measure '{m.Da}' has no English text");
            });
        });
    }

    [Fact]
    public void Texts_are_shown_in_the_chosen_language()
    {
        var power = Catalogue.Find("PHY-POWER")!;
        Assert.Equal("Strømsvigt", power.Name.In(Language.Danish));
        Assert.Equal("Power failure", power.Name.In(Language.English));
        Assert.StartsWith("Strømmen forsvinder", power.Description.In(Language.Danish), StringComparison.Ordinal);
        Assert.StartsWith("Power is lost", power.Description.In(Language.English), StringComparison.Ordinal);
        Assert.Equal(("UPS på kritisk udstyr", "UPS on critical equipment"), (power.Measures[0].Da, power.Measures[0].En));
    }

    [Theory]
    [InlineData("CYB-RANSOM", "C,I,A")]
    [InlineData("TEC-VULN", "C,I,A")]
    [InlineData("PHY-POWER", "A")]
    [InlineData("TEC-NETWORK", "A")]
    [InlineData("PHY-FLOOD", "A,I")]
    [InlineData("TEC-DATALOSS", "I,A")]
    [InlineData("CYB-PHISH", "C,I")]
    [InlineData("CYB-FRAUD", "I")]
    [InlineData("SUP-THIRDCOUNTRY", "C")]
    public void Events_affect_the_dimensions_the_method_gives_them(string eventId, string cia)
    {
        var e = Catalogue.Find(eventId)!;
        Assert.Equal(cia, string.Join(",", e.Cia.Select(d => d.Id())));
        Assert.All(Enum.GetValues<Dimension>(), d => Assert.Equal(cia.Contains(d.Id(), StringComparison.Ordinal), e.Affects(d)));
    }

    [Theory]
    [InlineData("SUP-PROCESSOR", new[] { SuggestCondition.External, SuggestCondition.PersonalData })]
    [InlineData("TEC-MISCONFIG", new[] { SuggestCondition.Cloud, SuggestCondition.PersonalData })]
    [InlineData("TEC-SHARED", new[] { SuggestCondition.SharedInfrastructure })]
    [InlineData("SUP-THIRDCOUNTRY", new[] { SuggestCondition.ThirdCountry })]
    [InlineData("CYB-TARGETED", new[] { SuggestCondition.SensitiveData })]
    [InlineData("PHY-FIRE", new[] { SuggestCondition.OnPremises })]
    [InlineData("PHY-POWER", new SuggestCondition[0])]
    public void Suggest_conditions_are_read_from_their_ids(string eventId, SuggestCondition[] conditions) =>
        Assert.Equal(conditions, Catalogue.Find(eventId)!.SuggestWhen);

    [Fact]
    public void Events_keep_their_references_to_BSI_and_ISO_27005()
    {
        var ransom = Catalogue.Find("CYB-RANSOM")!;
        Assert.Equal(["G 0.39", "G 0.35"], ransom.Refs.Bsi);
        Assert.Equal("Unauthorised actions; compromise of functions", ransom.Refs.Iso27005);
        Assert.All(Catalogue.Events, e => Assert.NotEmpty(e.Refs.Bsi));
    }

    [Fact]
    public void No_shipped_event_is_custom() =>
        Assert.All(Catalogue.Events, e => Assert.False(e.Custom, e.Id));
}
