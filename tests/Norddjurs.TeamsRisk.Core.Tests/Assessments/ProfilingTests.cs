using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class ProfilingTests
{
    [Theory]
    [InlineData("none", 5000, 1)]
    [InlineData("none", 10, 1)]
    [InlineData("ordinary", 99, 2)]
    [InlineData("ordinary", 100, 3)]
    [InlineData("cpr", 99, 3)]
    [InlineData("cpr", 100, 3)]
    [InlineData("sensitive", 99, 3)]
    [InlineData("sensitive", 100, 4)]
    [InlineData("endangering", 1, 4)]
    [InlineData("endangering", 100, 4)]
    public void Confidentiality_is_suggested_from_the_highest_data_class_and_the_number_of_data_subjects(string dataClass, int subjects, int expected)
    {
        var facts = Given.HomeCare with { HighestDataClass = dataClass, PersonalData = dataClass != "none", DataSubjectsApprox = subjects };
        Assert.Equal(expected, Profiling.SuggestConfidentiality(facts, Given.Method));
    }

    [Fact]
    public void An_unknown_number_of_data_subjects_is_read_as_many()
    {
        var facts = Given.HomeCare with { HighestDataClass = "ordinary", DataSubjectsApprox = null };
        Assert.Equal(3, Profiling.SuggestConfidentiality(facts, Given.Method));
    }

    [Theory]
    [InlineData(true, true, false, 4)]
    [InlineData(false, true, false, 3)]
    [InlineData(false, false, true, 3)]
    [InlineData(false, false, false, 2)]
    public void Integrity_is_4_for_life_and_health_3_for_decisions_or_payments_and_2_otherwise(bool lifeOrHealth, bool decisions, bool payments, int expected)
    {
        var facts = Given.HomeCare with { LifeOrHealthCritical = lifeOrHealth, SupportsDecisionsOrPayments = decisions, Payments = payments };
        Assert.Equal(expected, Profiling.SuggestIntegrity(facts, Given.Method));
    }

    [Fact]
    public void Going_below_a_suggestion_needs_a_reason()
    {
        var a = AssessmentStart.ConfirmFacts(Given.Started(), Given.HomeCare, Given.Method, Given.Catalogue).Value;
        var refused = Profiling.SetProfile(a, Given.Method, 3, null, 4, null);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("profile.lowered_without_reason", error.Code);
        Assert.Equal("C", error.Args["dimension"]);

        var lowered = Profiling.SetProfile(a, Given.Method, 3, "Kun pseudonymiserede data", 4, null).Value;
        Assert.Equal(ProfileSource.Lowered, lowered.Confidentiality!.Source);
        Assert.Equal("Kun pseudonymiserede data", lowered.Confidentiality.Reason);
        Assert.Equal(ProfileSource.Confirmed, lowered.Integrity!.Source);
    }

    [Fact]
    public void Going_above_a_suggestion_needs_no_reason()
    {
        var facts = Given.HomeCare with { LifeOrHealthCritical = false, SupportsDecisionsOrPayments = false };
        var a = AssessmentStart.ConfirmFacts(Given.Started(facts), facts, Given.Method, Given.Catalogue).Value;
        var raised = Profiling.SetProfile(a, Given.Method, 4, null, 3, null).Value;
        Assert.Equal(ProfileSource.Raised, raised.Integrity!.Source);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_profile_outside_the_scale_is_refused(int value)
    {
        var a = Given.Started();
        Assert.Equal("profile.out_of_range", Profiling.SetProfile(a, Given.Method, value, "x", 4, null).Errors.Single().Code);
    }

    [Fact]
    public void Changing_the_profile_rescores_the_lines_already_scored()
    {
        var a = Given.Profiled().Scored("CYB-PHISH", likelihood: 2);
        Assert.Equal(8, a.Line("CYB-PHISH")!.Score.Points);
        var lowered = Profiling.SetProfile(a, Given.Method, 2, "Kun almindelige data", 2, "Ingen afgørelser").Value;
        Assert.Equal(4, lowered.Line("CYB-PHISH")!.Score.Points);
    }
}
