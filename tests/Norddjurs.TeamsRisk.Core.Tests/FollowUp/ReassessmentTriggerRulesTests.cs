using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Register;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

/// <summary>The triggers the app fires itself (risk-method.md §2.3): measureCompleted and legalChange on the DPF status.</summary>
public sealed class ReassessmentTriggerRulesTests
{
    private static MeasuresCompletedFacts Line(bool anyOpen = false, AssessmentState state = AssessmentState.Decided) =>
        new("A-1", "CYB-RANSOM", "S-1", state, anyOpen, Day("2026-05-04"));

    [Fact]
    public void When_every_measure_on_a_risk_is_done_the_system_is_reassessed_once_for_that_line()
    {
        var notice = Assert.Single(MeasuresCompleted.Due(Line(), Day("2026-05-04")));
        Assert.Equal(("measures-completed:risk-line:A-1%3ACYB-RANSOM:2026-05-04", NoticeRecipient.ForRole(Role.System), "S-1"), (notice.Key, notice.Recipient, notice.SystemId));
        Assert.Equal(ReassessmentTriggers.MeasureCompleted, notice.Reason.Trigger());
        Assert.Equal(notice, Assert.Single(MeasuresCompleted.Due(Line(), Day("2026-06-01"))));
    }

    [Theory]
    [InlineData(true, AssessmentState.Decided)]
    [InlineData(false, AssessmentState.Superseded)]
    [InlineData(false, AssessmentState.Cancelled)]
    public void A_line_with_an_open_measure_or_an_assessment_already_replaced_fires_nothing(bool anyOpen, AssessmentState state) =>
        Assert.Empty(MeasuresCompleted.Due(Line(anyOpen, state), Day("2026-06-01")));

    [Theory]
    [InlineData(TransferTool.Dpf, true, TransferTool.Dpf, false, "dpf-certified-false")]
    [InlineData(TransferTool.Dpf, true, TransferTool.Scc2021, null, "scc2021")]
    [InlineData(TransferTool.Scc2021, null, TransferTool.Dpf, true, "dpf-certified-true")]
    public void A_change_of_the_DPF_status_since_the_last_assessment_is_a_legal_change(
        TransferTool assessedTool, bool? assessedCertified, TransferTool currentTool, bool? currentCertified, string step)
    {
        var facts = new TransferStatusFacts("S-1", new TransferStatus(assessedTool, assessedCertified), new TransferStatus(currentTool, currentCertified), Day("2026-08-01"));

        var notice = Assert.Single(LegalStatusChange.Due(facts, Day("2026-08-03")));

        Assert.Equal($"legal-change:system:S-1:2026-08-01:{step}", notice.Key);
        Assert.Equal((ReassessmentTriggers.LegalChange, Day("2026-08-01")), (notice.Reason.Trigger(), notice.DueOn));
    }

    [Theory]
    [InlineData(TransferTool.Dpf, true, TransferTool.Dpf, true)]
    [InlineData(TransferTool.Scc2021, null, TransferTool.Bcr, null)]
    public void The_same_status_or_a_change_outside_the_DPF_is_no_legal_change(TransferTool assessedTool, bool? assessedCertified, TransferTool currentTool, bool? currentCertified)
    {
        var facts = new TransferStatusFacts("S-1", new TransferStatus(assessedTool, assessedCertified), new TransferStatus(currentTool, currentCertified), Day("2026-08-01"));
        Assert.Empty(LegalStatusChange.Due(facts, Day("2026-08-03")));
    }

    [Theory]
    [InlineData("legalChange", true)]
    [InlineData("incident", true)]
    [InlineData("cycle", false)]
    [InlineData("LegalChange", false)]
    [InlineData(null, false)]
    public void A_person_names_only_a_trigger_the_method_lists(string? trigger, bool named) =>
        Assert.Equal(named, ReassessmentTriggers.IsNamedByMethod(trigger, NkMethod));

    [Fact]
    public void Only_the_four_automatic_reasons_fire_a_trigger() =>
        Assert.Equal(
            [NoticeReason.AcceptanceExpired, NoticeReason.ReassessmentDue, NoticeReason.MeasuresCompleted, NoticeReason.LegalChange],
            Enum.GetValues<NoticeReason>().Where(r => r.Trigger() is not null));
}
