using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

public sealed class FlagsTests
{
    private static SystemFacts Transfer(ThirdCountryTransfer transfer, string? tool, bool personalData = true) =>
        Given.HomeCare with { ThirdCountryTransfer = transfer, TransferTool = tool, PersonalData = personalData, Cloud = true };

    [Theory]
    [InlineData(ThirdCountryTransfer.Yes, "none", "thirdCountryTransferWithoutTool")]
    [InlineData(ThirdCountryTransfer.Yes, null, "thirdCountryTransferWithoutTool")]
    [InlineData(ThirdCountryTransfer.Yes, "unknown", "thirdCountryTransferUnknown")]
    [InlineData(ThirdCountryTransfer.Unknown, null, "thirdCountryTransferUnknown")]
    public void A_transfer_without_a_valid_tool_is_a_compliance_gap(ThirdCountryTransfer transfer, string? tool, string gap)
    {
        Assert.Equal([gap], Flags.ComplianceGaps(Transfer(transfer, tool), Given.Method));
    }

    [Theory]
    [InlineData("adequacy")]
    [InlineData("dpf")]
    [InlineData("scc2021")]
    [InlineData("bcr")]
    public void A_transfer_with_a_tool_is_flagged_but_is_no_gap(string tool)
    {
        var facts = Transfer(ThirdCountryTransfer.Yes, tool);
        Assert.Empty(Flags.ComplianceGaps(facts, Given.Method));
        Assert.True(Flags.For(Given.Started(facts), Given.Method).ThirdCountryTransfer);
    }

    [Fact]
    public void Without_personal_data_a_transfer_is_no_gap()
    {
        Assert.Empty(Flags.ComplianceGaps(Transfer(ThirdCountryTransfer.Yes, "none", personalData: false), Given.Method));
    }

    [Fact]
    public void A_processor_without_a_data_processing_agreement_is_a_compliance_gap()
    {
        var facts = Given.HomeCare with { IsProcessor = true, HasDataProcessingAgreement = false };
        Assert.Equal(["missingDataProcessingAgreement"], Flags.ComplianceGaps(facts, Given.Method));
        Assert.Empty(Flags.ComplianceGaps(facts with { HasDataProcessingAgreement = true }, Given.Method));
    }

    [Theory]
    [InlineData("accept", false)]
    [InlineData("share", false)]
    [InlineData("avoid", true)]
    [InlineData("reduce", true)]
    public void A_compliance_gap_can_only_be_reduced_or_avoided(string kind, bool allowed)
    {
        var facts = Transfer(ThirdCountryTransfer.Yes, "none");
        var a = Given.Profiled(facts).Scored("SUP-THIRDCOUNTRY", likelihood: 1);
        var input = new TreatmentInput(kind, "Begrundelse", Measures: kind == "reduce" ? [Given.Measure("scc", 1, 4, months: 2)] : null);
        var result = Treatments.Propose(a, Given.Method, "SUP-THIRDCOUNTRY", input, Given.Today);
        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Contains(result.Errors, e => e.Code == "treatment.compliance_gap_only_reduce_or_avoid");
        }
    }

    [Fact]
    public void A_compliance_gap_measure_lands_within_90_days_even_in_a_low_band()
    {
        var a = Given.Profiled(Transfer(ThirdCountryTransfer.Yes, "none")).Scored("SUP-THIRDCOUNTRY", likelihood: 1);
        var late = Given.Measure("scc", 1, 4) with { Deadline = Given.Today.AddDays(91) };
        var result = Treatments.Propose(a, Given.Method, "SUP-THIRDCOUNTRY", new TreatmentInput("reduce", Measures: [late]), Given.Today);
        Assert.Equal("measure.deadline_too_late", result.Errors.Single().Code);
    }

    [Fact]
    public void The_event_carrying_a_compliance_gap_cannot_be_left_out()
    {
        var a = Given.Profiled(Transfer(ThirdCountryTransfer.Unknown, null));
        var without = EventSelection.Choose(a, Given.Catalogue, a.SelectedEvents.Select(e => e.EventId).Where(e => e != "SUP-THIRDCOUNTRY").ToHashSet(), new Dictionary<string, string>()).Value;
        Assert.Contains(Completeness.Check(without, Given.Method, Given.Catalogue, Given.Today), e => e.Code == "event.compliance_gap_event_required");
    }

    [Fact]
    public void A_planned_system_with_an_uncleared_transfer_is_on_procurement_hold_until_the_committee_clears_it()
    {
        var planned = Transfer(ThirdCountryTransfer.Yes, "scc2021") with { Planned = true };
        Assert.True(Flags.ProcurementHold(planned));
        Assert.False(Flags.ProcurementHold(planned with { ThirdCountryClearedByCommittee = true }));
        Assert.False(Flags.ProcurementHold(planned with { Planned = false }));
        Assert.False(Flags.ProcurementHold(planned with { ThirdCountryTransfer = ThirdCountryTransfer.No }));
    }

    [Fact]
    public void Sensitive_data_transferred_makes_committee_review_mandatory()
    {
        var facts = Transfer(ThirdCountryTransfer.Yes, "scc2021") with { SensitiveDataTransferred = true };
        Assert.True(Flags.For(Given.Started(facts), Given.Method).CommitteeReviewMandatory);
    }

    [Fact]
    public void A_Hoej_risk_to_C_or_I_with_personal_data_suggests_a_DPIA()
    {
        var a = Given.Profiled().Scored("CYB-PHISH", likelihood: 2);
        Assert.True(Flags.For(a, Given.Method).ConsiderDpia);
    }

    [Fact]
    public void A_Hoej_risk_to_availability_alone_raises_no_GDPR_flag()
    {
        var a = Given.Profiled().Scored("TEC-NETWORK", likelihood: 3, outage: 6);
        var flags = Flags.For(a, Given.Method);
        Assert.False(flags.ConsiderDpia);
        Assert.False(flags.PriorConsultationMayBeRequired);
    }

    [Fact]
    public void Without_personal_data_no_GDPR_flag_is_raised()
    {
        var facts = Given.HomeCare with { PersonalData = false, HighestDataClass = "none" };
        var a = Profiling.SetProfile(Given.Profiled(facts), Given.Method, 4, null, 4, null).Value.Scored("CYB-PHISH", 2);
        Assert.False(Flags.For(a, Given.Method).ConsiderDpia);
    }

    [Fact]
    public void A_residual_that_stays_Hoej_flags_prior_consultation_with_Datatilsynet()
    {
        var a = Given.Profiled().Scored("CYB-PHISH", likelihood: 3)
            .Treated("CYB-PHISH", new TreatmentInput("reduce", "Restrisikoen forelægges", Measures: [Given.Measure("mfa", 2, 4, months: 2)], InterimMeasures: [new InterimMeasureInput("Overvågning", "u1")]));
        Assert.Equal(8, a.Line("CYB-PHISH")!.Residual.Points);
        Assert.True(Flags.For(a, Given.Method).PriorConsultationMayBeRequired);
    }
}
