using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Testing;

namespace Norddjurs.TeamsRisk.Core.Tests.Assessments;

/// <summary>From an imported continuity plan to an assessment ready for the owner (risk-method.md §2.1 steps 1–4).</summary>
public sealed class FromTheRegisterTests
{
    private static IReadOnlyList<CriticalSystem> Template()
    {
        var import = ContinuityPlanCsv.Parse(ContinuityPlanCsv.Template(), "template.csv", new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero), PersonRef.FromUpn("koordinator@norddjurs.dk"));
        Assert.True(import.IsSuccess, string.Join("; ", import.Problems));
        return import.Systems;
    }

    [Fact]
    public void The_home_care_system_of_the_template_gets_C4_I4_and_its_suggested_events()
    {
        var omsorg = SystemFactsMapping.From(Template().Single(s => s.SystemId == "OMS-01"));
        Assert.True(omsorg.PersonalData);
        Assert.Equal(4, Profiling.SuggestIntegrity(omsorg, Examples.Method));
        Assert.True(omsorg.External);
        Assert.True(omsorg.SharedInfrastructure);

        var assessment = AssessmentStart.Invite("a-1", omsorg, Examples.Method, Examples.Catalogue, "2026", null);
        var selected = assessment.SelectedEvents.Select(e => e.EventId).ToList();
        Assert.Contains("SUP-OUTAGE", selected);
        Assert.Contains("TEC-SHARED", selected);
        Assert.Contains("CYB-RANSOM", selected);
    }

    [Fact]
    public void Support_access_from_a_third_country_counts_as_a_transfer()
    {
        var system = Template()[0] with
        {
            ThirdCountry = new ThirdCountryDetails { Transfer = ThirdCountryTransfer.No, RemoteAccessFromThirdCountry = true },
        };
        var facts = SystemFactsMapping.From(system);
        Assert.Equal(ThirdCountryTransfer.Yes, facts.ThirdCountryTransfer);
        Assert.Contains("thirdCountryTransferWithoutTool", Flags.ComplianceGaps(facts, Examples.Method));
    }

    [Fact]
    public void A_planned_purchase_with_a_transfer_is_on_hold_until_the_committee_clears_it()
    {
        var system = Template()[0] with
        {
            Status = SystemStatus.Planned,
            ThirdCountry = new ThirdCountryDetails { Transfer = ThirdCountryTransfer.Yes, TransferTool = TransferTool.Scc2021 },
        };
        Assert.True(Flags.ProcurementHold(SystemFactsMapping.From(system)));
        Assert.False(Flags.ProcurementHold(SystemFactsMapping.From(system, thirdCountryClearedByCommittee: true)));
    }
}
