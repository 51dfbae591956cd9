using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Tests.Assessments;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

/// <summary>The guards of design.md §3 beyond state and role.</summary>
public sealed class AssessmentGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Invite_needs_an_active_system_without_an_open_assessment()
    {
        Assert.Equal(AssessmentState.Invited, AssessmentWorkflow.Invite(Submitted.AsCoordinator, systemActive: true, hasOpenAssessment: false).Value);
        Assert.Equal("workflow.system_inactive", AssessmentWorkflow.Invite(Submitted.AsCoordinator, false, false).Errors.Single().Code);
        Assert.Equal("workflow.open_assessment_exists", AssessmentWorkflow.Invite(Submitted.AsSystem, true, true).Errors.Single().Code);
        Assert.Equal("workflow.role_missing", AssessmentWorkflow.Invite(Submitted.AsOwner, true, false).Errors.Single().Code);
    }

    [Fact]
    public void Submit_refuses_an_incomplete_assessment_with_every_missing_step()
    {
        var result = AssessmentWorkflow.Submit(Given.Started(), Submitted.AsOwner, Given.Method, Given.Catalogue, Now, Submitted.Owner);
        Assert.Contains(result.Errors, e => e.Code == "assessment.facts_not_confirmed");
        Assert.Contains(result.Errors, e => e.Code == "event.none_selected");
    }

    [Fact]
    public void Submit_freezes_a_complete_assessment_and_tells_no_one_extra_when_all_is_low()
    {
        var a = Submitted.AllLow();
        var submission = AssessmentWorkflow.Submit(a, Submitted.AsOwner, Given.Method, Given.Catalogue, Now, Submitted.Owner).Value;
        Assert.Equal(AssessmentSnapshot.Freeze(a, Given.Method, Now, Submitted.Owner).Sha256, submission.Snapshot.Sha256);
        Assert.Empty(submission.NotifyNow);
    }

    [Fact]
    public void Submitting_a_Kritisk_line_notifies_the_committee_and_the_directorate_now()
    {
        var a = Submitted.WithHighAndCritical() with { State = AssessmentState.InProgress };
        var submission = AssessmentWorkflow.Submit(a, Submitted.AsOwner, Given.Method, Given.Catalogue, Now, Submitted.Owner).Value;
        Assert.Equal(["committee", "directorate"], submission.NotifyNow);
    }

    [Fact]
    public void Only_the_owner_submits_and_only_from_InProgress()
    {
        var a = Submitted.AllLow();
        Assert.Equal("workflow.role_missing", AssessmentWorkflow.Submit(a, Submitted.AsCommittee, Given.Method, Given.Catalogue, Now, "x").Errors.Single().Code);
        Assert.Equal("workflow.transition_forbidden",
            AssessmentWorkflow.Submit(a with { State = AssessmentState.Submitted }, Submitted.AsOwner, Given.Method, Given.Catalogue, Now, "x").Errors.Single().Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_needs_a_comment_and_cancel_a_reason(string? text)
    {
        Assert.Equal("workflow.comment_required", AssessmentWorkflow.Return(AssessmentState.Submitted, Submitted.AsCommittee, text).Errors.Single().Code);
        Assert.Equal("workflow.reason_required", AssessmentWorkflow.Cancel(AssessmentState.InProgress, Submitted.AsCoordinator, text).Errors.Single().Code);
        Assert.Equal(AssessmentState.Returned, AssessmentWorkflow.Return(AssessmentState.Submitted, Submitted.AsCommittee, "Uddyb C").Value);
        Assert.Equal(AssessmentState.Cancelled, AssessmentWorkflow.Cancel(AssessmentState.Returned, Submitted.AsCoordinator, "Systemet udfases").Value);
    }

    [Fact]
    public void Approval_needs_a_recommendation_for_every_above_appetite_line()
    {
        var a = Submitted.WithHighAndCritical();
        var result = AssessmentWorkflow.Approve(a, Submitted.AsCommittee, Given.Method, new Dictionary<string, string> { ["CYB-PHISH"] = "Indstilling", ["CYB-RANSOM"] = " " });
        var missing = result.Errors.Where(e => e.Code == "workflow.recommendation_missing").Select(e => e.Args["event"]).ToList();
        Assert.Contains("CYB-RANSOM", missing);
        Assert.DoesNotContain("CYB-PHISH", missing);
    }

    [Fact]
    public void A_recommendation_for_a_line_that_does_not_exist_is_refused()
    {
        var a = Submitted.WithHighAndCritical();
        var recommendations = new Dictionary<string, string>(Submitted.RecommendationsFor(a)) { ["NO-SUCH"] = "x" };
        Assert.Equal("workflow.recommendation_unknown_line", AssessmentWorkflow.Approve(a, Submitted.AsCommittee, Given.Method, recommendations).Errors.Single().Code);
    }

    [Fact]
    public void Approval_creates_one_escalation_per_above_appetite_line_to_its_bands_authority()
    {
        var a = Submitted.WithHighAndCritical();
        var escalations = AssessmentWorkflow.Approve(a, Submitted.AsCommittee, Given.Method, Submitted.RecommendationsFor(a)).Value;

        var above = a.Lines.Where(l => !l.Score.WithinAppetite).ToList();
        Assert.Equal(above.Count, escalations.Count);
        var critical = escalations.Single(e => e.EventId == "CYB-PHISH");
        Assert.Equal(("critical", Role.Directorate, EscalationState.Pending), (critical.BandId, critical.Authority, critical.State));
        Assert.Equal("a-1:CYB-PHISH", critical.Id);
        Assert.Equal("Udvalget indstiller: CYB-PHISH", critical.Recommendation);
        var high = escalations.Single(e => e.EventId == "CYB-RANSOM");
        Assert.Equal(("high", Role.AreaManager), (high.BandId, high.Authority));
    }

    [Fact]
    public void Approval_with_nothing_above_appetite_creates_no_escalation_and_escalating_it_is_refused()
    {
        var a = Submitted.AllLow() with { State = AssessmentState.Submitted };
        var escalations = AssessmentWorkflow.Approve(a, Submitted.AsCommittee, Given.Method, new Dictionary<string, string>()).Value;
        Assert.Empty(escalations);
        Assert.Equal("workflow.nothing_to_escalate", AssessmentWorkflow.Escalate(AssessmentState.Approved, Submitted.AsSystem, escalations).Errors.Single().Code);
    }

    [Fact]
    public void An_escalation_on_a_compliance_gap_carries_the_gap()
    {
        var facts = Given.HomeCare with { IsProcessor = true, HasDataProcessingAgreement = false, External = true };
        var a = Profiling.SetProfile(Given.Profiled(facts), Given.Method, 4, "t", 4, "t").Value;
        Assert.Contains(a.SelectedEvents, e => e.EventId == "SUP-PROCESSOR");
        a = a.Scored("SUP-PROCESSOR", 3) with { State = AssessmentState.Submitted };
        var line = a.Line("SUP-PROCESSOR")!;
        Assert.False(line.Score.WithinAppetite);

        var escalations = AssessmentWorkflow.Approve(a, Submitted.AsCommittee, Given.Method, Submitted.RecommendationsFor(a)).Value;
        Assert.Equal("missingDataProcessingAgreement", escalations.Single(e => e.EventId == "SUP-PROCESSOR").ComplianceGap);
    }

    [Fact]
    public void The_assessment_is_decided_only_when_the_last_escalation_is()
    {
        var pending = new Escalation("e1", "a-1", "CYB-PHISH", "critical", Role.Directorate, "r", null);
        var decided = pending with { Id = "e2", State = EscalationState.Decided };
        var error = AssessmentWorkflow.CompleteDecisions(AssessmentState.Escalated, Submitted.AsSystem, [pending, decided]).Errors.Single();
        Assert.Equal(("workflow.escalations_pending", "1"), (error.Code, error.Args["count"]));
        Assert.Equal(AssessmentState.Decided, AssessmentWorkflow.CompleteDecisions(AssessmentState.Escalated, Submitted.AsSystem, [decided]).Value);
    }

    [Theory]
    [InlineData(AssessmentState.Approved, true)]
    [InlineData(AssessmentState.Decided, true)]
    [InlineData(AssessmentState.Escalated, false)]
    [InlineData(AssessmentState.Submitted, false)]
    public void A_newer_assessment_supersedes_only_once_it_is_approved_or_decided(AssessmentState newer, bool supersedes)
    {
        var result = AssessmentWorkflow.Supersede(AssessmentState.Decided, Submitted.AsSystem, newer);
        Assert.Equal(supersedes, result.IsSuccess);
        if (!supersedes)
        {
            Assert.Equal("workflow.newer_not_final", result.Errors.Single().Code);
        }
    }
}
