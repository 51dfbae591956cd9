using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class EventSelectionTests
{
    private static readonly string[] BaselineEvents =
        ["PHY-POWER", "TEC-FAILURE", "TEC-NETWORK", "TEC-CHANGE", "TEC-DATALOSS", "TEC-VULN", "CYB-RANSOM", "CYB-PHISH", "HUM-ERROR", "HUM-ACCESS", "HUM-STAFF"];

    private static SystemFacts Plain => new() { SystemId = "s", RecordVersion = 1 };

    [Fact]
    public void Baseline_events_are_preselected_for_every_system()
    {
        var choices = EventSelection.Preselect(Given.Catalogue, Plain);
        Assert.Equal(BaselineEvents.Order(), choices.Where(c => c.Selected).Select(c => c.EventId).Order());
        Assert.All(choices.Where(c => c.Selected), c => Assert.Equal(EventOrigin.Baseline, c.Origin));
    }

    [Theory]
    [InlineData("onPremises", new[] { "PHY-FLOOD", "PHY-FIRE", "PHY-COOLING", "PHY-WEATHER", "PHY-INTRUSION" })]
    [InlineData("internetFacing", new[] { "CYB-INTRUSION", "CYB-DDOS" })]
    [InlineData("payments", new[] { "CYB-FRAUD" })]
    [InlineData("sharedInfrastructure", new[] { "TEC-SHARED" })]
    [InlineData("external", new[] { "SUP-OUTAGE", "SUP-EXIT", "SUP-BREACH" })]
    [InlineData("thirdCountry", new[] { "SUP-THIRDCOUNTRY" })]
    public void Events_whose_conditions_hold_are_suggested(string condition, string[] expected)
    {
        var facts = condition switch
        {
            "onPremises" => Plain with { OnPremises = true },
            "internetFacing" => Plain with { InternetFacing = true },
            "payments" => Plain with { Payments = true },
            "sharedInfrastructure" => Plain with { SharedInfrastructure = true },
            "external" => Plain with { External = true },
            _ => Plain with { ThirdCountryTransfer = ThirdCountryTransfer.Unknown },
        };
        var suggested = EventSelection.Preselect(Given.Catalogue, facts).Where(c => c.Origin == EventOrigin.Suggested).Select(c => c.EventId);
        Assert.Equal(expected.Order(), suggested.Order());
    }

    [Fact]
    public void All_listed_conditions_must_hold_for_a_suggestion()
    {
        var externalOnly = EventSelection.Preselect(Given.Catalogue, Plain with { External = true });
        Assert.DoesNotContain(externalOnly, c => c.EventId == "SUP-PROCESSOR" && c.Selected);
        var both = EventSelection.Preselect(Given.Catalogue, Plain with { External = true, PersonalData = true, HighestDataClass = "ordinary" });
        Assert.Contains(both, c => c.EventId == "SUP-PROCESSOR" && c.Selected && c.Origin == EventOrigin.Suggested);
    }

    [Fact]
    public void Deselecting_a_baseline_event_needs_a_reason()
    {
        var a = Given.Started(Plain);
        var keep = BaselineEvents.Where(e => e != "HUM-STAFF").ToHashSet();
        var refused = EventSelection.Choose(a, Given.Catalogue, keep, new Dictionary<string, string>());
        Assert.Equal("event.baseline_deselected_without_reason", refused.Errors.Single().Code);

        var chosen = EventSelection.Choose(a, Given.Catalogue, keep, new Dictionary<string, string> { ["HUM-STAFF"] = "Driften ligger hos leverandøren" }).Value;
        var dropped = chosen.Events.Single(e => e.EventId == "HUM-STAFF");
        Assert.False(dropped.Selected);
        Assert.Equal("Driften ligger hos leverandøren", dropped.DeselectionReason);
    }

    [Fact]
    public void Deselecting_a_suggested_event_needs_no_reason_and_the_owner_may_add_any_catalogue_event()
    {
        var facts = Plain with { InternetFacing = true };
        var a = Given.Started(facts);
        var selected = BaselineEvents.Append("CYB-INTRUSION").Append("PHY-FIRE").ToHashSet();
        var chosen = EventSelection.Choose(a, Given.Catalogue, selected, new Dictionary<string, string>()).Value;
        Assert.False(chosen.Events.Single(e => e.EventId == "CYB-DDOS").Selected);
        Assert.Equal(EventOrigin.AddedByOwner, chosen.Events.Single(e => e.EventId == "PHY-FIRE" && e.Selected).Origin);
    }

    [Fact]
    public void An_unknown_event_is_refused()
    {
        var refused = EventSelection.Choose(Given.Started(Plain), Given.Catalogue, BaselineEvents.Append("NOPE").ToHashSet(), new Dictionary<string, string>());
        Assert.Equal("event.unknown", refused.Errors.Single().Code);
    }

    [Fact]
    public void A_custom_event_carries_its_own_flags_and_is_scored_on_them()
    {
        var a = Given.Profiled();
        var added = EventSelection.AddCustom(a, "custom-1", "Tab af nøglefil til integration", "Certifikat udløber", [Dimension.Availability]).Value;
        var custom = Assert.Single(added.CustomEvents);
        Assert.True(custom.Custom);
        Assert.Equal([Dimension.Availability], custom.Cia);

        var scored = added.Scored("custom-1", likelihood: 3, outage: 24);
        Assert.Equal(Dimension.Availability, scored.Line("custom-1")!.Consequence.DecidingDimension);
        Assert.Equal(12, scored.Line("custom-1")!.Score.Points);
    }

    [Fact]
    public void A_custom_event_needs_a_name_and_a_dimension()
    {
        var refused = EventSelection.AddCustom(Given.Profiled(), "c", " ", null, []);
        Assert.Equal(["event.custom_name_required", "event.custom_needs_dimension"], refused.Errors.Select(e => e.Code));
    }
}
