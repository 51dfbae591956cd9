using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Bot.Tests.Rendering;

/// <summary>
/// The home-care example of risk-method.md §3.6 walked through the shipped method and catalogue to the summary, with
/// measures owned by people in a small directory (and one who has left it).
/// </summary>
internal static class HomeCare
{
    public const string Power = "PHY-POWER";
    public const string Network = "TEC-NETWORK";
    public const string Ransomware = "CYB-RANSOM";
    public const string AssessmentId = "a-1";
    public const string Stamp = "7";

    public const string AnneId = "6b1f2c4e-0d3a-4b7e-9c51-2a7f3e8d1c01";
    public const string AnneUpn = "anne.holm@norddjurs.dk";
    public const string BoId = "6b1f2c4e-0d3a-4b7e-9c51-2a7f3e8d1c02";
    public const string BoUpn = "bo.lund@norddjurs.dk";

    /// <summary>Someone who has left: the directory no longer knows the id.</summary>
    public const string LeftId = "6b1f2c4e-0d3a-4b7e-9c51-2a7f3e8d1c99";

    public static readonly DateOnly Today = new(2026, 3, 2);

    public static InMemoryDirectory Directory()
    {
        var directory = new InMemoryDirectory("tenant-1");
        directory.Add(AnneId, AnneUpn, "Anne Holm");
        directory.Add(BoId, BoUpn, "Bo Lund");
        return directory;
    }

    public static GuidedFlow Flow() => new(Examples.Method, Examples.Catalogue, new SequentialIds());

    public static FlowState Started() => GuidedFlow.Start(
        AssessmentStart.Invite(AssessmentId, Examples.HomeCare, Examples.Method, Examples.Catalogue, roundId: "2026", trigger: null) with { State = AssessmentState.InProgress });

    public static FlowFrame Frame() => new(AssessmentId, "Omsorgssystem", new Cards.Actions.CardStep(Cards.Actions.CardStepKind.Facts), Stamp)
    {
        RefreshUserIds = ["29:owner"],
    };

    public static FlowState Next(this GuidedFlow flow, FlowState state, StepInput input)
    {
        var result = flow.Next(state, input, Today);
        Assert.True(result.Accepted, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Error}")));
        return result.State;
    }

    /// <summary>Facts and the suggested profile confirmed: the flow stands on the events.</summary>
    public static FlowState AtEvents(GuidedFlow flow)
    {
        var state = flow.Next(Started(), new FactsStepInput(Examples.HomeCare));
        var profile = Assert.IsType<ProfileStepView>(flow.View(state, Today));
        return flow.Next(state, profile.Input);
    }

    /// <summary>Power, network and ransomware kept; every other pre-selected event dropped with a reason.</summary>
    public static EventsStepInput Keep(FlowState state, params string[] keep) =>
        new(keep, state.Assessment.Events.Where(e => !keep.Contains(e.EventId)).ToDictionary(e => e.EventId, e => $"Vurderes andetsteds ({e.EventId})"));

    /// <summary>The whole example: 2 Lav accepted, 9 Høj reduced by one measure, 8 Høj reduced by three.</summary>
    public static FlowState AtSummary(GuidedFlow flow)
    {
        var state = AtEvents(flow);
        state = flow.Next(state, Keep(state, Power, Network, Ransomware));
        state = flow.Next(state, new ScoreStepInput(Power, 2, ExpectedOutageHours: 1, ExpectedDataLossHours: 0.5));
        state = flow.Next(state, new ScoreStepInput(Network, 3, ExistingMeasures: [2], ExpectedOutageHours: 6));
        state = flow.Next(state, new ScoreStepInput(Ransomware, 2, ExpectedOutageHours: 120));
        state = flow.Next(state, new TreatmentStepInput(Power, TreatmentKind.Accept));
        state = flow.Next(state, new TreatmentStepInput(Network, TreatmentKind.Reduce, Measures: [Measure("Anden internetlinje ad en anden vej", AnneId, 1, 3)]));
        return flow.Next(state, new TreatmentStepInput(Ransomware, TreatmentKind.Reduce, Measures:
        [
            Measure("Uforanderlig backup", BoId, 1, 4),
            Measure("EDR på servere og klienter", LeftId, 1, 4),
            Measure("Netværkssegmentering", AnneId, 1, 4),
        ]));
    }

    public static MeasureStepInput Measure(string description, string responsible, int targetL, int targetC, string? id = null) =>
        new(id, description, responsible, Today.AddMonths(4), targetL, targetC);

    /// <summary>The view of one step of a walked assessment, with the saved answers.</summary>
    public static StepView ViewAt(GuidedFlow flow, FlowState state, FlowStep step, Language language = Language.Danish) =>
        flow.View(state with { Step = step, FromSummary = false }, Today, language);
}

/// <summary>Ids "id-1", "id-2", … in order.</summary>
internal sealed class SequentialIds : IIdSource
{
    private int _next;

    public string NewId() => $"id-{++_next}";
}
