using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

/// <summary>risk-method.md §3.6, number for number.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void Health_data_about_two_thousand_citizens_and_medication_give_C4_and_I4()
    {
        Assert.Equal(4, Profiling.SuggestConfidentiality(Given.HomeCare, Given.Method));
        Assert.Equal(4, Profiling.SuggestIntegrity(Given.HomeCare, Given.Method));
    }

    [Fact]
    public void Power_failure_with_UPS_is_2_Lav_and_the_owner_accepts()
    {
        var a = Given.Profiled().Scored("PHY-POWER", likelihood: 2, outage: 1);
        var line = a.Line("PHY-POWER")!;
        Assert.Equal(0.25, line.Availability!.Ratio);
        Assert.Equal(1, line.Availability.Level.Value);
        Assert.Equal(1, line.Consequence.Effective.Value);
        Assert.Equal(2, line.Score.Points);
        Assert.Equal("Lav", line.Score.Band.Label.Da);
        Assert.True(line.Score.WithinAppetite);

        var accepted = a.Treated("PHY-POWER", new TreatmentInput("accept"));
        Assert.Equal(Core.Method.TreatmentKind.Accept, accepted.Line("PHY-POWER")!.Treatment!.Kind);
    }

    [Fact]
    public void A_single_network_line_is_9_Hoej_and_a_second_line_brings_it_to_3_Lav()
    {
        var a = Given.Profiled().Scored("TEC-NETWORK", likelihood: 3, outage: 6);
        var line = a.Line("TEC-NETWORK")!;
        Assert.Equal(1.5, line.Availability!.Ratio);
        Assert.Equal(3, line.Availability.Level.Value);
        Assert.Equal(9, line.Score.Points);
        Assert.Equal("Høj", line.Score.Band.Label.Da);
        Assert.False(line.Score.WithinAppetite);

        var treated = a.Treated("TEC-NETWORK", new TreatmentInput("reduce", Measures: [Given.Measure("second-line", targetL: 1, targetC: 3, months: 4)]));
        var residual = treated.Line("TEC-NETWORK")!.Residual;
        Assert.Equal(3, residual.Points);
        Assert.Equal("Lav", residual.Band.Label.Da);
    }

    [Fact]
    public void Ransomware_is_8_Hoej_with_residual_4_Middel_and_raises_the_DPIA_flag()
    {
        var a = Given.Profiled().Scored("CYB-RANSOM", likelihood: 2, outage: 120);
        var line = a.Line("CYB-RANSOM")!;
        Assert.Equal(4, line.Consequence.Components[Dimension.Confidentiality].Value);
        Assert.Equal(4, line.Consequence.Components[Dimension.Integrity].Value);
        Assert.Equal(4, line.Availability!.Level.Value);
        Assert.Equal(4, line.Consequence.Effective.Value);
        Assert.Equal(8, line.Score.Points);
        Assert.Equal("Høj", line.Score.Band.Label.Da);

        var treated = a.Treated("CYB-RANSOM", new TreatmentInput("reduce", Measures:
        [
            Given.Measure("immutable-backup", 1, 4),
            Given.Measure("edr", 1, 4),
            Given.Measure("segmentation", 1, 4),
        ]));
        var residual = treated.Line("CYB-RANSOM")!.Residual;
        Assert.Equal(4, residual.Points);
        Assert.Equal("Middel", residual.Band.Label.Da);

        var flags = Flags.For(treated, Given.Method);
        Assert.True(flags.ConsiderDpia);
        Assert.False(flags.PriorConsultationMayBeRequired);
    }

    [Fact]
    public void The_whole_example_submits_with_a_headline_of_Hoej_and_two_lines_above_appetite()
    {
        var a = Given.Profiled();
        foreach (var e in a.SelectedEvents.Select(e => e.EventId).Except(["PHY-POWER", "TEC-NETWORK", "CYB-RANSOM"]).ToList())
        {
            a = EventSelection.Choose(a, Given.Catalogue, a.SelectedEvents.Select(s => s.EventId).Where(id => id != e).ToHashSet(),
                a.Events.Where(x => x.Origin == EventOrigin.Baseline).ToDictionary(x => x.EventId, _ => "Dækket af en anden vurdering i eksemplet")).Value;
        }

        a = a.Scored("PHY-POWER", 2, 1).Treated("PHY-POWER", new TreatmentInput("accept"))
             .Scored("TEC-NETWORK", 3, 6).Treated("TEC-NETWORK", new TreatmentInput("reduce", Measures: [Given.Measure("second-line", 1, 3)]))
             .Scored("CYB-RANSOM", 2, 120).Treated("CYB-RANSOM", new TreatmentInput("reduce", Measures: [Given.Measure("backup", 1, 4)]));

        Assert.Empty(Completeness.Check(a, Given.Method, Given.Catalogue, Given.Today));
        var headline = Headline.Of(a.Lines, Given.Method);
        Assert.Equal("high", headline.Highest!.Id);
        Assert.Equal(2, headline.AboveAppetite);
        Assert.Equal(1, headline.CountByBand["low"]);
        Assert.Equal(2, headline.CountByBand["high"]);
    }
}
