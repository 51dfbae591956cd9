using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

/// <summary>Acceptance expiry, the 12-month rule and the yearly DPF re-check: dates, not working days.</summary>
public sealed class CycleTests
{
    [Theory]
    [InlineData("2026-06-29", false)]
    [InlineData("2026-06-30", true)]
    [InlineData("2026-07-01", true)]
    public void An_acceptance_expires_on_its_end_date_and_fires_the_acceptanceExpired_trigger(string today, bool due)
    {
        var acceptance = new AcceptanceFacts("AC-1", "S-1", AssessmentState.Decided, Day("2026-06-30"));
        var notices = AcceptanceExpiry.Due(acceptance, Day(today)).ToList();
        Assert.Equal(due, notices.Count == 1);
        if (due)
        {
            Assert.Equal(NoticeReason.AcceptanceExpired, notices[0].Reason);
            Assert.Equal(NoticeRecipient.ForRole(Role.System), notices[0].Recipient);
            Assert.Equal("acceptance-expired:acceptance:AC-1:2026-06-30", notices[0].Key);
        }
    }

    [Theory]
    [InlineData(AssessmentState.Superseded)]
    [InlineData(AssessmentState.Cancelled)]
    public void An_acceptance_whose_assessment_is_superseded_no_longer_expires(AssessmentState state) =>
        Assert.Empty(AcceptanceExpiry.Due(new AcceptanceFacts("AC-1", "S-1", state, Day("2026-06-30")), Day("2026-07-01")));

    [Theory]
    [InlineData("2026-04-14", false)]
    [InlineData("2026-04-15", true)]
    [InlineData("2026-09-01", true)]
    public void A_system_is_due_for_reassessment_12_months_after_its_last_approval(string today, bool due)
    {
        var system = new SystemCycleFacts("S-1", Active: true, RegisteredOn: Day("2024-01-10"), LastApprovedOn: Day("2025-04-15"), HasOpenAssessment: false);
        var notices = ReassessmentCycle.Due(system, NkMethod, Day(today)).ToList();
        Assert.Equal(due, notices.Count == 1);
        if (due)
        {
            Assert.Equal(NoticeReason.ReassessmentDue, notices[0].Reason);
            Assert.Equal(new NoticeSubject(NoticeSubjectType.System, "S-1"), notices[0].Subject);
            Assert.Equal(NoticeRecipient.ForRole(Role.System), notices[0].Recipient);
            Assert.Equal("reassessment-due:system:S-1:2026-04-15", notices[0].Key);
        }
    }

    [Fact]
    public void Twelve_months_after_a_leap_day_is_the_last_day_of_February() =>
        Assert.Equal(Day("2025-02-28"), ReassessmentCycle.DueOn(new SystemCycleFacts("S-1", true, Day("2023-05-01"), Day("2024-02-29"), false), NkMethod.Cycle));

    [Fact]
    public void A_system_never_approved_is_due_12_months_after_it_entered_the_register()
    {
        var system = new SystemCycleFacts("S-1", Active: true, RegisteredOn: Day("2026-01-31"), LastApprovedOn: null, HasOpenAssessment: false);
        Assert.Empty(ReassessmentCycle.Due(system, NkMethod, Day("2027-01-30")));
        Assert.Equal(Day("2027-01-31"), Assert.Single(ReassessmentCycle.Due(system, NkMethod, Day("2027-01-31"))).DueOn);
    }

    [Fact]
    public void No_reassessment_is_started_while_one_is_under_way_or_for_a_system_not_in_use()
    {
        var overdue = new SystemCycleFacts("S-1", Active: true, RegisteredOn: Day("2024-01-10"), LastApprovedOn: Day("2025-01-10"), HasOpenAssessment: false);
        Assert.Single(ReassessmentCycle.Due(overdue, NkMethod, Day("2026-06-01")));
        Assert.Empty(ReassessmentCycle.Due(overdue with { HasOpenAssessment = true }, NkMethod, Day("2026-06-01")));
        Assert.Empty(ReassessmentCycle.Due(overdue with { Active = false }, NkMethod, Day("2026-06-01")));
    }

    [Fact]
    public void A_new_approval_starts_a_new_period_with_a_new_key()
    {
        var system = new SystemCycleFacts("S-1", true, Day("2024-01-10"), Day("2025-04-15"), false);
        var first = Assert.Single(ReassessmentCycle.Due(system, NkMethod, Day("2026-04-15")));
        var next = Assert.Single(ReassessmentCycle.Due(system with { LastApprovedOn = Day("2026-05-20") }, NkMethod, Day("2027-05-20")));
        Assert.NotEqual(first.Key, next.Key);
    }

    [Fact]
    public void The_interval_comes_from_the_methods_cycle()
    {
        var halfYearly = NkMethod with { Cycle = NkMethod.Cycle with { MaxMonthsBetweenApprovedAssessments = 6 } };
        var system = new SystemCycleFacts("S-1", true, Day("2024-01-10"), Day("2026-01-31"), false);
        Assert.Equal(Day("2026-07-31"), Assert.Single(ReassessmentCycle.Due(system, halfYearly, Day("2026-07-31"))).DueOn);
    }

    [Theory]
    [InlineData("2026-06-29", false)]
    [InlineData("2026-06-30", true)]
    [InlineData("2027-01-01", true)]
    public void A_DPF_transfer_is_rechecked_a_year_after_the_last_check(string today, bool due)
    {
        var notices = DpfRecheck.Due(new DpfTransferFacts("S-1", Day("2025-06-30")), Day(today)).ToList();
        Assert.Equal(due, notices.Count == 1);
        if (due)
        {
            Assert.Equal(NoticeReason.DpfRecheckDue, notices[0].Reason);
            Assert.Equal(NoticeRecipient.ForRole(Role.SystemOwner), notices[0].Recipient);
            Assert.Equal("dpf-recheck-due:system:S-1:2026-06-30", notices[0].Key);
        }
    }
}
