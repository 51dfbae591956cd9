using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Given;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

public sealed class MeasureDeadlineTests
{
    [Theory]
    [InlineData("2026-03-16", new string[0])]
    [InlineData("2026-03-17", new[] { "MeasureReminder before-14d" })]
    [InlineData("2026-03-31", new[] { "MeasureReminder before-14d" })]
    [InlineData("2026-04-01", new[] { "MeasureOverdue after-0d-areaManager" })]
    [InlineData("2026-04-29", new[] { "MeasureOverdue after-0d-areaManager" })]
    [InlineData("2026-04-30", new[] { "MeasureOverdue after-0d-areaManager", "MeasureOverdue after-30d-committee" })]
    public void A_measure_is_reminded_14_days_before_and_escalated_to_the_area_manager_at_once_and_the_committee_after_30_days(string today, string[] expected) =>
        Assert.Equal(expected, Described(MeasureDeadline.Due(Measure("2026-03-31"), NkMethod, Day(today))));

    [Fact]
    public void The_reminder_goes_to_the_person_responsible_and_the_overdue_steps_to_their_roles()
    {
        var reminder = Assert.Single(MeasureDeadline.Due(Measure("2026-03-31"), NkMethod, Day("2026-03-17")));
        Assert.Equal(NoticeRecipient.Person("responsible-oid"), reminder.Recipient);
        Assert.Equal(new NoticeSubject(NoticeSubjectType.Measure, "M-1"), reminder.Subject);
        Assert.Equal((Day("2026-03-17"), Day("2026-03-31")), (reminder.DueOn, reminder.Deadline));

        var steps = MeasureDeadline.Due(Measure("2026-03-31"), NkMethod, Day("2026-04-30")).ToList();
        Assert.Equal([NoticeRecipient.ForRole(Role.AreaManager), NoticeRecipient.ForRole(Role.Committee)], steps.Select(n => n.Recipient));
        Assert.Equal([Day("2026-04-01"), Day("2026-04-30")], steps.Select(n => n.DueOn));
    }

    [Fact]
    public void Overdue_steps_count_calendar_days_across_month_ends_from_31_January()
    {
        var measure = Measure("2026-01-31");
        Assert.Equal(Day("2026-01-17"), Assert.Single(MeasureDeadline.Due(measure, NkMethod, Day("2026-01-17"))).DueOn);
        Assert.Equal(["MeasureOverdue after-0d-areaManager"], Described(MeasureDeadline.Due(measure, NkMethod, Day("2026-02-01"))));
        Assert.Equal(["MeasureOverdue after-0d-areaManager"], Described(MeasureDeadline.Due(measure, NkMethod, Day("2026-03-01"))));
        Assert.Equal(Day("2026-03-02"), MeasureDeadline.Due(measure, NkMethod, Day("2026-03-02")).Last().DueOn);
    }

    [Theory]
    [InlineData(MeasureStatus.Gennemført)]
    [InlineData(MeasureStatus.Annulleret)]
    public void Nothing_is_due_for_a_measure_that_is_done_or_cancelled(MeasureStatus status)
    {
        Assert.Empty(MeasureDeadline.Due(Measure("2026-03-31", status), NkMethod, Day("2026-03-20")));
        Assert.Empty(MeasureDeadline.Due(Measure("2026-03-31", status), NkMethod, Day("2026-12-31")));
        Assert.False(MeasureDeadline.IsOverdue(Measure("2026-03-31", status), Day("2026-12-31")));
    }

    [Theory]
    [InlineData(MeasureStatus.Planlagt)]
    [InlineData(MeasureStatus.Igangsat)]
    [InlineData(MeasureStatus.Forsinket)]
    public void A_planned_or_started_measure_is_overdue_the_day_after_its_deadline(MeasureStatus status)
    {
        Assert.False(MeasureDeadline.IsOverdue(Measure("2026-03-31", status), Day("2026-03-31")));
        Assert.True(MeasureDeadline.IsOverdue(Measure("2026-03-31", status), Day("2026-04-01")));
        Assert.Single(MeasureDeadline.Due(Measure("2026-03-31", status), NkMethod, Day("2026-04-01")));
    }

    [Fact]
    public void Each_overdue_step_has_its_own_key_and_a_new_deadline_starts_a_new_period()
    {
        var keys = MeasureDeadline.Due(Measure("2026-03-31"), NkMethod, Day("2026-04-30")).Select(n => n.Key).ToList();
        Assert.Equal(
            ["measure-overdue:measure:M-1:2026-03-31:after-0d-areaManager", "measure-overdue:measure:M-1:2026-03-31:after-30d-committee"],
            keys);

        var shortened = Assert.Single(MeasureDeadline.Due(Measure("2026-03-15"), NkMethod, Day("2026-03-16")));
        Assert.DoesNotContain(shortened.Key, keys);
    }
}
