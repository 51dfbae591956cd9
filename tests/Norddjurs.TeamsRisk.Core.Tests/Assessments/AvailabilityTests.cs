using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class AvailabilityTests
{
    private static SystemFacts WithMtd(double? mtd, double? rpo = null) => Given.HomeCare with { MtdHours = mtd, RpoHours = rpo };

    [Theory]
    [InlineData(2.0, 1)]   // 0.5 × MTD: at most half the MTD
    [InlineData(2.04, 2)]
    [InlineData(4.0, 2)]   // exactly the MTD
    [InlineData(4.04, 3)]
    [InlineData(12.0, 3)]  // exactly 3 × MTD
    [InlineData(12.04, 4)]
    [InlineData(0, 1)]
    public void A_follows_the_outage_as_a_ratio_of_the_MTD(double outageHours, int level)
    {
        var a = Availability.Assess(Given.Method, WithMtd(4), outageHours, null, 0, null).Value;
        Assert.Equal(level, a.Level.Value);
        Assert.Equal(outageHours / 4, a.Ratio);
    }

    [Theory]
    [InlineData(4.0, 1)]
    [InlineData(4.5, 2)]
    [InlineData(24.0, 2)]
    [InlineData(25.0, 3)]
    [InlineData(120.0, 3)]
    [InlineData(121.0, 4)]
    public void Without_an_MTD_A_follows_the_outage_in_hours(double outageHours, int level)
    {
        var a = Availability.Assess(Given.Method, WithMtd(null), outageHours, null, 0, null).Value;
        Assert.Equal(level, a.Level.Value);
        Assert.Null(a.Ratio);
    }

    [Fact]
    public void Data_lost_beyond_the_RPO_gives_at_least_3()
    {
        var a = Availability.Assess(Given.Method, WithMtd(24, rpo: 4), 1, expectedDataLossHours: 8, 0, null).Value;
        Assert.True(a.DataLossBeyondRpo);
        Assert.Equal(3, a.Level.Value);

        var within = Availability.Assess(Given.Method, WithMtd(24, rpo: 4), 1, expectedDataLossHours: 4, 0, null).Value;
        Assert.False(within.DataLossBeyondRpo);
        Assert.Equal(1, within.Level.Value);
    }

    [Fact]
    public void A_peak_period_may_add_one_level_with_a_reason()
    {
        Assert.Equal("availability.peak_bump_without_reason", Availability.Assess(Given.Method, WithMtd(4), 1, null, 1, null).Errors.Single().Code);
        Assert.Equal("availability.peak_bump_not_allowed", Availability.Assess(Given.Method, WithMtd(4), 1, null, 2, "Lønkørsel").Errors.Single().Code);
        var bumped = Availability.Assess(Given.Method, WithMtd(4), 1, null, 1, "Lønkørsel ved månedsskifte").Value;
        Assert.Equal(2, bumped.Level.Value);
        Assert.Equal(4, Availability.Assess(Given.Method, WithMtd(4), 100, null, 1, "Valg").Value.Level.Value);
    }

    [Theory]
    [InlineData(null, "availability.outage_required")]
    [InlineData(-1.0, "availability.outage_invalid")]
    [InlineData(double.NaN, "availability.outage_invalid")]
    public void An_event_that_affects_A_needs_a_valid_outage(double? outage, string code)
    {
        Assert.Equal(code, Availability.Assess(Given.Method, WithMtd(4), outage, null, 0, null).Errors.Single().Code);
    }
}
