using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;

namespace Norddjurs.TeamsRisk.Core.Tests.Workflow;

/// <summary>Planlagt → Igangsat → Gennemført, or → Annulleret; Forsinket is derived (design.md §3).</summary>
public sealed class MeasureTransitionTests
{
    private const string Responsible = "00000000-0000-0000-0000-0000000000077";
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackedMeasure Planned = new("m1", "a-1", "CYB-RANSOM", "Offline backup", Responsible, new DateOnly(2026, 6, 30));

    private static readonly RiskMethod Method = DefaultMethod.Load().Value;

    private static MeasureCompletion Done(string note, int likelihood, int consequence) => new(note, likelihood, consequence);

    private static MeasureActor Owner => new("owner", new HashSet<Role> { Role.SystemOwner });

    private static MeasureActor ResponsiblePerson => new(Responsible.ToUpperInvariant(), new HashSet<Role>());

    private static MeasureActor Coordinator => new("coord", new HashSet<Role> { Role.Coordinator });

    private static MeasureActor Auditor => new("aud", new HashSet<Role> { Role.Auditor });

    [Fact]
    public void The_responsible_person_starts_and_completes_with_an_effectiveness_note()
    {
        var started = MeasureTransitions.Start(Planned, ResponsiblePerson, Now).Value;
        Assert.Equal((MeasureStatus.Igangsat, Now), (started.Status, started.ChangedAt));
        var done = MeasureTransitions.Complete(started, ResponsiblePerson, Now, Done("  Gendannelse testet: 4 timer ", 1, 3), Method).Value;
        Assert.Equal((MeasureStatus.Gennemført, "Gendannelse testet: 4 timer"), (done.Status, done.EffectivenessNote));
    }

    [Theory]
    [InlineData(1, 3, 3, "low", true)]
    [InlineData(2, 3, 6, "medium", true)]
    [InlineData(3, 3, 9, "high", false)]
    [InlineData(4, 4, 16, "critical", false)]
    public void The_re_scored_residual_is_scored_by_the_method(int likelihood, int consequence, int points, string band, bool withinAppetite)
    {
        var started = MeasureTransitions.Start(Planned, Owner, Now).Value;
        var done = MeasureTransitions.Complete(started, Owner, Now, Done("Virker", likelihood, consequence), Method).Value;
        Assert.Equal(new AchievedResidual(likelihood, consequence, points, band, withinAppetite), done.Residual);
    }

    [Fact]
    public void Completing_needs_an_effectiveness_note()
    {
        var started = MeasureTransitions.Start(Planned, Owner, Now).Value;
        Assert.Equal("measure.effectiveness_note_required", MeasureTransitions.Complete(started, Owner, Now, Done(" ", 1, 1), Method).Errors.Single().Code);
    }

    [Theory]
    [InlineData(null, 2, "measure.residual_required")]
    [InlineData(2, null, "measure.residual_required")]
    [InlineData(0, 2, "measure.residual_out_of_range")]
    [InlineData(2, 5, "measure.residual_out_of_range")]
    public void Completing_needs_a_residual_on_the_methods_scale(int? likelihood, int? consequence, string code)
    {
        var started = MeasureTransitions.Start(Planned, Owner, Now).Value;
        var refused = MeasureTransitions.Complete(started, Owner, Now, new MeasureCompletion("Virker", likelihood, consequence), Method);
        Assert.Equal(code, refused.Errors.Single().Code);
    }

    [Fact]
    public void A_planned_measure_is_not_completed_without_being_started()
    {
        Assert.Equal("measure.transition_forbidden", MeasureTransitions.Complete(Planned, Owner, Now, Done("Virker", 1, 1), Method).Errors.Single().Code);
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
