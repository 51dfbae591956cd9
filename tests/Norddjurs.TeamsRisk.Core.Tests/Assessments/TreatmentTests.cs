using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class TreatmentTests
{
    // C = I = 2 so CYB-PHISH (C, I) scores L × 2: L1 = 2 Lav, L2 = 4 Middel; with C = I = 4, L2 = 8 Høj and L3 = 12 Kritisk.
    private static Assessment Line(int c, int likelihood)
    {
        var a = Profiling.SetProfile(Given.Profiled(), Given.Method, c, "test", c, "test").Value;
        return a.Scored("CYB-PHISH", likelihood);
    }

    private static IReadOnlyList<string> Codes(Assessment a, TreatmentInput input) =>
        Treatments.Propose(a, Given.Method, "CYB-PHISH", input, Given.Today).Errors?.Select(e => e.Code).ToList() ?? [];

    [Fact]
    public void Lav_is_accepted_with_one_click()
    {
        Assert.Empty(Codes(Line(2, 1), new TreatmentInput("accept")));
    }

    [Fact]
    public void Middel_is_accepted_only_with_a_reason()
    {
        Assert.Equal(["treatment.justification_required"], Codes(Line(2, 2), new TreatmentInput("accept")));
        Assert.Empty(Codes(Line(2, 2), new TreatmentInput("accept", "MFA er indført på alle konti")));
    }

    [Theory]
    [InlineData("reduce")]
    [InlineData("avoid")]
    [InlineData("share")]
    public void Middel_may_instead_be_reduced_avoided_or_shared(string kind)
    {
        var input = new TreatmentInput(kind, "Begrundelse", Measures: kind == "reduce" ? [Given.Measure("m", 1, 2)] : null);
        Assert.Empty(Codes(Line(2, 2), input));
    }

    [Fact]
    public void Reduce_needs_at_least_one_measure()
    {
        Assert.Equal(["treatment.measures_required"], Codes(Line(2, 2), new TreatmentInput("reduce")));
    }

    [Fact]
    public void A_measure_needs_description_responsible_deadline_and_target()
    {
        var empty = new MeasureInput("m", " ", null, null, null, null);
        Assert.Equal(
            ["measure.description_required", "measure.responsible_required", "measure.deadline_in_past", "measure.target_out_of_range"],
            Codes(Line(2, 2), new TreatmentInput("reduce", Measures: [empty])));
    }

    [Fact]
    public void A_measure_target_may_not_exceed_the_current_likelihood_or_consequence()
    {
        Assert.Equal(["measure.target_above_current"], Codes(Line(2, 2), new TreatmentInput("reduce", Measures: [Given.Measure("m", 3, 2)])));
        Assert.Equal(["measure.target_above_current"], Codes(Line(2, 2), new TreatmentInput("reduce", Measures: [Given.Measure("m", 1, 3)])));
    }

    [Theory]
    [InlineData(2, 2, 365, true)]   // Middel: ≤ 12 months
    [InlineData(2, 2, 366, false)]
    [InlineData(4, 2, 180, true)]   // Høj: ≤ 6 months
    [InlineData(4, 2, 181, false)]
    public void A_measure_deadline_is_within_the_bands_limit_unless_an_exception_is_argued(int c, int likelihood, int days, bool ok)
    {
        var a = Line(c, likelihood);
        var measure = Given.Measure("m", 1, 2) with { Deadline = Given.Today.AddDays(days) };
        Assert.Equal(ok ? [] : ["measure.deadline_too_late"], Codes(a, new TreatmentInput("reduce", Measures: [measure])));
        Assert.Empty(Codes(a, new TreatmentInput("reduce", Measures: [measure with { DeadlineExceptionReason = "Leverandørens udrulningsplan" }])));
    }

    [Fact]
    public void Hoej_may_ask_for_acceptance_only_with_a_reason()
    {
        Assert.Equal(["treatment.justification_required"], Codes(Line(4, 2), new TreatmentInput("accept")));
        Assert.Empty(Codes(Line(4, 2), new TreatmentInput("accept", "Systemet udfases inden for et år")));
    }

    [Fact]
    public void Hoej_measures_must_bring_the_residual_to_Middel_or_argue_for_its_acceptance()
    {
        Assert.Equal(["treatment.residual_above_target"], Codes(Line(4, 2), new TreatmentInput("reduce", Measures: [Given.Measure("m", 2, 4)])));
        Assert.Empty(Codes(Line(4, 2), new TreatmentInput("reduce", "Restrisikoen accepteres til næste runde", Measures: [Given.Measure("m", 2, 4)])));
        Assert.Empty(Codes(Line(4, 2), new TreatmentInput("reduce", Measures: [Given.Measure("m", 1, 4)])));
    }

    [Fact]
    public void Kritisk_cannot_be_accepted_by_the_owner()
    {
        var codes = Codes(Line(4, 3), new TreatmentInput("accept", "Vi lever med det", InterimMeasures: [new InterimMeasureInput("Ekstra overvågning", "u1")]));
        Assert.Equal(["treatment.critical_cannot_be_accepted"], codes);
    }

    [Fact]
    public void Kritisk_needs_measures_within_three_months_and_interim_measures_at_once()
    {
        var a = Line(4, 3);
        Assert.Equal(["treatment.interim_measures_required"], Codes(a, new TreatmentInput("reduce", Measures: [Given.Measure("m", 1, 4, months: 2)])));
        Assert.Equal(["measure.deadline_too_late"], Codes(a, new TreatmentInput("reduce", Measures: [Given.Measure("m", 1, 4, months: 4)], InterimMeasures: [new InterimMeasureInput("Skærpet overvågning", "u1")])));
        Assert.Empty(Codes(a, new TreatmentInput("reduce", Measures: [Given.Measure("m", 1, 4, months: 2)], InterimMeasures: [new InterimMeasureInput("Skærpet overvågning", "u1")])));
    }

    [Fact]
    public void A_treatment_outside_the_bands_allowed_decisions_is_refused()
    {
        Assert.Equal(["treatment.not_allowed"], Codes(Line(2, 1), new TreatmentInput("ignore")));
    }

    [Fact]
    public void Avoid_and_share_explain_how()
    {
        Assert.Equal(["treatment.justification_required"], Codes(Line(2, 1), new TreatmentInput("avoid")));
        Assert.Equal(["treatment.justification_required"], Codes(Line(2, 1), new TreatmentInput("share")));
    }

    [Fact]
    public void Scoring_again_keeps_the_treatment_and_completeness_checks_it_against_the_new_band()
    {
        var a = Line(2, 1).Treated("CYB-PHISH", new TreatmentInput("accept"));
        var rescored = a.Scored("CYB-PHISH", 2);
        Assert.NotNull(rescored.Line("CYB-PHISH")!.Treatment);
        var errors = Completeness.Check(rescored, Given.Method, Given.Catalogue, Given.Today);
        Assert.Contains(errors, e => e.Code == "treatment.justification_required");
    }
}
