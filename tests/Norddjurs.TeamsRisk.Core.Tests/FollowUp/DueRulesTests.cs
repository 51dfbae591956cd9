using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Register;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

public sealed class DueRulesTests
{
    /// <summary>One open record of every kind, each overdue by late 2026.</summary>
    private static readonly FollowUpFacts Open = new()
    {
        Assessments =
        [
            Assessment(AssessmentState.InProgress, invitedOn: "2026-01-31") with { Id = "A-owner" },
            Assessment(AssessmentState.Submitted, submittedOn: "2026-03-30") with { Id = "A-review" },
            Assessment(AssessmentState.Escalated, escalations: Escalation("E-1", Role.Directorate, "2026-03-20")) with { Id = "A-decision" },
        ],
        Measures = [Measure("2026-03-31")],
        Acceptances = [new AcceptanceFacts("AC-1", "S-1", AssessmentState.Decided, Day("2026-06-30"))],
        Systems = [new SystemCycleFacts("S-1", true, Day("2024-01-10"), Day("2025-04-15"), false)],
        DpfTransfers = [new DpfTransferFacts("S-1", Day("2025-06-30"))],
        CompletedLines = [new MeasuresCompletedFacts("A-done", "CYB-RANSOM", "S-1", AssessmentState.Decided, AnyMeasureOpen: false, Day("2026-05-04"))],
        TransferStatuses = [new TransferStatusFacts("S-1", new TransferStatus(TransferTool.Dpf, true), new TransferStatus(TransferTool.Dpf, false), Day("2026-08-01"))],
    };

    [Fact]
    public void Every_reason_is_found_once_its_day_has_come()
    {
        var reasons = DueRules.Evaluate(Open, NkMethod, Day("2026-12-31")).Select(n => n.Reason).Distinct().Order();
        Assert.Equal(Enum.GetValues<NoticeReason>().Where(r => r is not (NoticeReason.OwnerReminder or NoticeReason.MeasureReminder)), reasons);
    }

    [Fact]
    public void Notices_come_in_the_order_they_became_due()
    {
        var notices = DueRules.Evaluate(Open, NkMethod, Day("2026-12-31"));
        Assert.Equal(notices.OrderBy(n => n.DueOn).ThenBy(n => n.Key, StringComparer.Ordinal), notices);
    }

    [Fact]
    public void Nothing_is_due_before_the_first_deadline_comes_near() =>
        Assert.Empty(DueRules.Evaluate(Open, NkMethod, Day("2026-02-01")));

    [Fact]
    public void Running_again_later_finds_the_same_notices_under_the_same_keys()
    {
        var monday = DueRules.Evaluate(Open, NkMethod, Day("2026-11-30")).Select(n => n.Key);
        var tuesday = DueRules.Evaluate(Open, NkMethod, Day("2026-12-01")).Select(n => n.Key);
        Assert.Equal(monday, tuesday);
        Assert.Equal(DueRules.Evaluate(Open, NkMethod, Day("2026-12-01")), DueRules.Evaluate(Open, NkMethod, Day("2026-12-01")));
    }

    [Fact]
    public void Every_key_over_a_whole_year_names_one_notice()
    {
        var byKey = new Dictionary<string, DueNotice>();
        for (var today = Day("2026-01-01"); today.Year == 2026; today = today.AddDays(1))
        {
            foreach (var notice in DueRules.Evaluate(Open, NkMethod, today))
            {
                // The same key always means the same notice: same reason, subject, recipient, due day and deadline.
                Assert.Equal(byKey.GetValueOrDefault(notice.Key, notice), notice);
                byKey[notice.Key] = notice;
            }
        }

        Assert.Equal(13, byKey.Count); // owner 7d, 1d, escalation; review; decision; measure reminder and two steps; acceptance; reassessment; DPF; measures done; legal change
    }

    [Fact]
    public void Nothing_is_due_when_every_record_is_final()
    {
        var final = new FollowUpFacts
        {
            Assessments =
            [
                Assessment(AssessmentState.Decided, invitedOn: "2026-01-31", submittedOn: "2026-02-20", escalations: Escalation("E-1", Role.AreaManager, "2026-03-20", EscalationState.Decided)),
                Assessment(AssessmentState.Cancelled, invitedOn: "2026-01-31"),
                Assessment(AssessmentState.Superseded, invitedOn: "2026-01-31"),
                Assessment(AssessmentState.Approved, invitedOn: "2026-01-31", submittedOn: "2026-02-20"),
            ],
            Measures = [Measure("2026-03-31", MeasureStatus.Gennemført), Measure("2026-03-31", MeasureStatus.Annulleret)],
            Acceptances = [new AcceptanceFacts("AC-1", "S-1", AssessmentState.Superseded, Day("2026-06-30"))],
            Systems = [new SystemCycleFacts("S-1", true, Day("2024-01-10"), Day("2025-04-15"), HasOpenAssessment: true)],
        };
        Assert.Empty(DueRules.Evaluate(final, NkMethod, Day("2026-12-31")));
    }

    [Fact]
    public void A_key_is_reason_subject_deadline_and_step()
    {
        var reminder = Assert.Single(DueRules.Evaluate(Open, NkMethod, Day("2026-02-23")));
        Assert.Equal("owner-reminder:assessment:A-owner:2026-03-02:before-7d", reminder.Key);
    }

    [Fact]
    public void The_seven_and_one_day_reminders_have_different_keys()
    {
        var seven = Assert.Single(DueRules.Evaluate(Open, NkMethod, Day("2026-02-23")));
        var one = Assert.Single(DueRules.Evaluate(Open, NkMethod, Day("2026-03-01")));
        Assert.NotEqual(seven.Key, one.Key);
    }

    [Fact]
    public void An_id_cannot_forge_another_notices_key()
    {
        var notice = new DueNotice(
            NoticeReason.AcceptanceExpired, new NoticeSubject(NoticeSubjectType.Acceptance, "x:2026-01-01"), "S-1", NoticeRecipient.ForRole(Role.System), Day("2026-06-30"), Day("2026-06-30"));
        Assert.Equal("acceptance-expired:acceptance:x%3A2026-01-01:2026-06-30", notice.Key);
    }

    [Fact]
    public void Every_reason_has_a_Danish_and_an_English_title()
    {
        foreach (var reason in Enum.GetValues<NoticeReason>())
        {
            Assert.NotNull(Texts.Find(reason.TextKey(), Language.Danish));
            Assert.NotNull(Texts.Find(reason.TextKey(), Language.English));
        }
    }

    [Fact]
    public void A_recipient_is_a_role_or_one_person_never_both()
    {
        Assert.Equal((Role.AreaManager, (string?)null), (NoticeRecipient.ForRole(Role.AreaManager).Role, NoticeRecipient.ForRole(Role.AreaManager).ObjectId));
        Assert.Equal(((Role?)null, "oid"), (NoticeRecipient.Person("oid").Role, NoticeRecipient.Person("oid").ObjectId));
        Assert.Throws<ArgumentException>(() => NoticeRecipient.Person(" "));
    }
}
