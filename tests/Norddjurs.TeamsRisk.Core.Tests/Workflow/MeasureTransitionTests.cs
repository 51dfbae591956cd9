using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

/// <summary>Planlagt → Igangsat → Gennemført, or → Annulleret; Forsinket is derived (design.md §3).</summary>
public sealed class MeasureTransitionTests
{
    private const string Responsible = "00000000-0000-0000-0000-0000000000077";
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackedMeasure Planned = new("m1", "a-1", "CYB-RANSOM", "Offline backup", Responsible, new DateOnly(2026, 6, 30));

    private static MeasureActor Owner => new("owner", new HashSet<Role> { Role.SystemOwner });

    private static MeasureActor ResponsiblePerson => new(Responsible.ToUpperInvariant(), new HashSet<Role>());

    private static MeasureActor Coordinator => new("coord", new HashSet<Role> { Role.Coordinator });

    private static MeasureActor Auditor => new("aud", new HashSet<Role> { Role.Auditor });

    [Fact]
    public void The_responsible_person_starts_and_completes_with_an_effectiveness_note()
    {
        var started = MeasureTransitions.Start(Planned, ResponsiblePerson, Now).Value;
        Assert.Equal((MeasureStatus.Igangsat, Now), (started.Status, started.ChangedAt));
        var done = MeasureTransitions.Complete(started, ResponsiblePerson, Now, "  Gendannelse testet: 4 timer ").Value;
        Assert.Equal((MeasureStatus.Gennemført, "Gendannelse testet: 4 timer"), (done.Status, done.EffectivenessNote));
    }

    [Fact]
    public void Completing_needs_an_effectiveness_note()
    {
        var started = MeasureTransitions.Start(Planned, Owner, Now).Value;
        Assert.Equal("measure.effectiveness_note_required", MeasureTransitions.Complete(started, Owner, Now, " ").Errors.Single().Code);
    }

    [Fact]
    public void A_planned_measure_is_not_completed_without_being_started()
    {
        Assert.Equal("measure.transition_forbidden", MeasureTransitions.Complete(Planned, Owner, Now, "Virker").Errors.Single().Code);
    }

    [Theory]
    [InlineData(MeasureStatus.Planlagt)]
    [InlineData(MeasureStatus.Igangsat)]
    public void An_open_measure_is_cancelled_with_a_reason_by_the_owner_or_the_coordinator(MeasureStatus status)
    {
        var measure = Planned with { Status = status };
        Assert.Equal("measure.cancellation_reason_required", MeasureTransitions.Cancel(measure, Owner, Now, null).Errors.Single().Code);
        Assert.Equal(MeasureStatus.Annulleret, MeasureTransitions.Cancel(measure, Coordinator, Now, "Systemet udfases").Value.Status);
        Assert.Equal("Systemet udfases", MeasureTransitions.Cancel(measure, Owner, Now, "Systemet udfases").Value.CancellationReason);
        Assert.Equal("measure.actor_not_allowed", MeasureTransitions.Cancel(measure, ResponsiblePerson, Now, "x").Errors.Single().Code);
    }

    [Theory]
    [InlineData(MeasureStatus.Gennemført)]
    [InlineData(MeasureStatus.Annulleret)]
    public void A_done_or_cancelled_measure_is_final(MeasureStatus status)
    {
        var measure = Planned with { Status = status };
        Assert.Equal("measure.transition_forbidden", MeasureTransitions.Start(measure, Owner, Now).Errors.Single().Code);
        Assert.Equal("measure.transition_forbidden", MeasureTransitions.Cancel(measure, Owner, Now, "x").Errors.Single().Code);
        Assert.Empty(MeasureTransitions.AvailableActions(measure, Owner));
    }

    [Fact]
    public void The_auditor_and_strangers_change_nothing()
    {
        Assert.Equal("measure.actor_not_allowed", MeasureTransitions.Start(Planned, Auditor, Now).Errors.Single().Code);
        Assert.Empty(MeasureTransitions.AvailableActions(Planned, Auditor));
        Assert.Equal([MeasureAction.Start, MeasureAction.Cancel], MeasureTransitions.AvailableActions(Planned, Owner));
        Assert.Equal([MeasureAction.Start], MeasureTransitions.AvailableActions(Planned, ResponsiblePerson));
    }

    [Theory]
    [InlineData("2026-06-30", MeasureStatus.Planlagt, MeasureStatus.Planlagt)]
    [InlineData("2026-07-01", MeasureStatus.Planlagt, MeasureStatus.Forsinket)]
    [InlineData("2026-07-01", MeasureStatus.Igangsat, MeasureStatus.Forsinket)]
    [InlineData("2026-07-01", MeasureStatus.Gennemført, MeasureStatus.Gennemført)]
    [InlineData("2026-07-01", MeasureStatus.Annulleret, MeasureStatus.Annulleret)]
    public void Forsinket_is_shown_the_day_after_the_deadline_while_open(string today, MeasureStatus stored, MeasureStatus shown) =>
        Assert.Equal(shown, (Planned with { Status = stored }).DisplayStatus(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
