using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

/// <summary>The owner corrects the register's facts (risk-method.md §2.1 step 3): only values the rules can use are kept.</summary>
public sealed class FactCorrectionTests
{
    public static TheoryData<string, SystemFacts> Unusable => new()
    {
        { "facts.number_invalid", Given.HomeCare with { MtdHours = -4 } },
        { "facts.number_invalid", Given.HomeCare with { RpoHours = double.NaN } },
        { "facts.number_invalid", Given.HomeCare with { RpoHours = double.PositiveInfinity } },
        { "facts.number_invalid", Given.HomeCare with { DataSubjectsApprox = -1 } },
        { "facts.data_class_unknown", Given.HomeCare with { HighestDataClass = "topsecret" } },
    };

    [Theory, MemberData(nameof(Unusable))]
    public void A_correction_the_rules_cannot_use_is_refused_and_the_assessment_keeps_its_facts(string code, SystemFacts corrected)
    {
        var started = Given.Started();

        var result = AssessmentStart.ConfirmFacts(started, corrected, Given.Method, Given.Catalogue);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
        Assert.False(started.FactsConfirmed);
        Assert.Equal(Given.HomeCare, started.Facts);
    }

    [Fact]
    public void Zero_and_an_emptied_number_are_usable_corrections()
    {
        var corrected = Given.HomeCare with { MtdHours = 0, RpoHours = null, DataSubjectsApprox = 0, HighestDataClass = "ordinary" };

        var confirmed = AssessmentStart.ConfirmFacts(Given.Started(), corrected, Given.Method, Given.Catalogue).Value;

        Assert.Equal(corrected, confirmed.Facts);
    }
}
