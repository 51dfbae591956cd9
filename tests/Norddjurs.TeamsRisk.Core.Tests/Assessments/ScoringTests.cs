using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class ScoringTests
{
    private static Assessment ProfiledAt(int c, int i)
    {
        var a = Given.Profiled();
        return Profiling.SetProfile(a, Given.Method, c, "test", i, "test").Value;
    }

    [Fact]
    public void Event_consequence_is_the_highest_of_its_dimensions_and_the_deciding_one_is_recorded()
    {
        var a = ProfiledAt(c: 2, i: 3).Scored("TEC-VULN", likelihood: 1, outage: 1);
        var consequence = a.Line("TEC-VULN")!.Consequence;
        Assert.Equal(3, consequence.Computed.Value);
        Assert.Equal(Dimension.Integrity, consequence.DecidingDimension);
        Assert.Equal([Dimension.Confidentiality, Dimension.Integrity, Dimension.Availability], consequence.Components.Keys);
    }

    [Fact]
    public void Only_the_dimensions_the_event_affects_count()
    {
        var a = ProfiledAt(c: 4, i: 4).Scored("PHY-POWER", likelihood: 1, outage: 1);
        Assert.Equal(1, a.Line("PHY-POWER")!.Consequence.Computed.Value);
        Assert.Equal(Dimension.Availability, a.Line("PHY-POWER")!.Consequence.DecidingDimension);
    }

    [Fact]
    public void An_override_needs_a_reason()
    {
        var refused = Scoring.ScoreEvent(ProfiledAt(4, 4), Given.Method, Given.Catalogue, "PHY-LOSS", new ScoreInput(2, ExpectedOutageHours: 1, OverrideConsequence: 2));
        Assert.Equal("consequence.override_without_reason", refused.Errors.Single().Code);
    }

    [Fact]
    public void An_override_lowered_by_two_levels_is_flagged_to_the_committee()
    {
        var a = ProfiledAt(4, 4).Scored("PHY-LOSS", 2, outage: 1, overrideLevel: 2, reason: "Bærbare er krypterede");
        var line = a.Line("PHY-LOSS")!;
        Assert.Equal(4, line.Consequence.Computed.Value);
        Assert.Equal(2, line.Consequence.Effective.Value);
        Assert.True(line.Consequence.FlaggedToCommittee);
        Assert.Equal(4, line.Score.Points);
        Assert.Contains("PHY-LOSS", Flags.For(a, Given.Method).LoweredOverrides);
    }

    [Fact]
    public void An_override_lowered_by_one_level_is_not_flagged()
    {
        var line = ProfiledAt(4, 4).Scored("PHY-LOSS", 2, outage: 1, overrideLevel: 3, reason: "Delvist krypteret").Line("PHY-LOSS")!;
        Assert.False(line.Consequence.FlaggedToCommittee);
        Assert.Equal(6, line.Score.Points);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Likelihood_outside_the_scale_is_refused(int likelihood)
    {
        var result = Scoring.ScoreEvent(ProfiledAt(2, 2), Given.Method, Given.Catalogue, "CYB-PHISH", new ScoreInput(likelihood));
        Assert.Equal("likelihood.out_of_range", result.Errors.Single().Code);
    }

    [Fact]
    public void An_event_that_is_not_selected_cannot_be_scored()
    {
        var result = Scoring.ScoreEvent(ProfiledAt(2, 2), Given.Method, Given.Catalogue, "CYB-DDOS", new ScoreInput(2, ExpectedOutageHours: 1));
        Assert.Equal("event.not_selected", result.Errors.Single().Code);
    }

    [Fact]
    public void Existing_measures_are_ticks_on_the_events_typical_measures()
    {
        var a = Scoring.ScoreEvent(ProfiledAt(2, 2), Given.Method, Given.Catalogue, "CYB-RANSOM", new ScoreInput(2, ExistingMeasures: [0, 2], ExpectedOutageHours: 24)).Value;
        Assert.Equal([0, 2], a.Line("CYB-RANSOM")!.ExistingMeasures);
        var refused = Scoring.ScoreEvent(a, Given.Method, Given.Catalogue, "CYB-RANSOM", new ScoreInput(2, ExistingMeasures: [9], ExpectedOutageHours: 24));
        Assert.Equal("event.existing_measure_unknown", refused.Errors.Single().Code);
    }

    [Fact]
    public void Every_problem_in_one_score_is_reported_together()
    {
        var result = Scoring.ScoreEvent(ProfiledAt(2, 2), Given.Method, Given.Catalogue, "CYB-RANSOM", new ScoreInput(7, ExpectedOutageHours: null, OverrideConsequence: 9, OverrideReason: "x"));
        Assert.Equal(["likelihood.out_of_range", "availability.outage_required", "consequence.override_out_of_range"], result.Errors.Select(e => e.Code));
    }
}
