using System.Text.Json;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class AssessmentJsonTests
{
    [Fact]
    public void Likelihood_and_consequence_are_stored_as_plain_numbers()
    {
        Assert.Equal("3", JsonSerializer.Serialize(Likelihood.Of(3)));
        Assert.Equal("4", JsonSerializer.Serialize(ConsequenceLevel.Of(4)));
        Assert.Equal(2, JsonSerializer.Deserialize<Likelihood>("2").Value);
        Assert.Equal(1, JsonSerializer.Deserialize<ConsequenceLevel>("1").Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("\"2\"")]
    public void A_stored_level_that_is_not_a_whole_number_of_1_or_more_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Likelihood>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ConsequenceLevel>(json));
    }

    [Fact]
    public void An_assessment_in_progress_reads_back_with_the_same_scores_and_treatments()
    {
        var a = Given.Profiled().Scored("TEC-NETWORK", 3, 6)
            .Treated("TEC-NETWORK", new TreatmentInput("reduce", Measures: [Given.Measure("second-line", 1, 3)]));

        var json = JsonSerializer.Serialize(a);
        var back = JsonSerializer.Deserialize<Assessment>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        var line = back.Line("TEC-NETWORK")!;
        Assert.Equal(3, line.Likelihood.Value);
        Assert.Equal(3, line.Consequence.Effective.Value);
        Assert.Equal(9, line.Score.Points);
        Assert.Equal(3, line.Residual.Points);
        Assert.Empty(Treatments.Validate(back, Given.Method, line, Completeness.AsInput(line.Treatment!), Given.Today).Errors);
    }
}
