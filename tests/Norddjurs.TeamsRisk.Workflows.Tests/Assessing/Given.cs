using Norddjurs.TeamsRisk.Testing;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Workflows.Assessing;

namespace Norddjurs.TeamsRisk.Workflows.Tests.Assessing;

/// <summary>The default method and catalogue, the home-care system of risk-method.md §3.6, and walks through the flow.</summary>
internal static class Given
{
    public const string Owner = "00000000-0000-0000-0000-0000000000020";
    public const string Power = "PHY-POWER";
    public const string Network = "TEC-NETWORK";
    public const string Ransomware = "CYB-RANSOM";
    public const string Phishing = "CYB-PHISH";

    public static readonly RiskMethod Method = Examples.Method;
    public static readonly EventCatalogue Catalogue = Examples.Catalogue;
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static SystemFacts HomeCare => Examples.HomeCare;

    public static GuidedFlow Flow(SequentialIds? ids = null) => new(Method, Catalogue, ids ?? new SequentialIds());

    public static Assessment InProgress(SystemFacts? facts = null) =>
        AssessmentStart.Invite("a-1", facts ?? HomeCare, Method, Catalogue, roundId: "2026", trigger: null) with { State = AssessmentState.InProgress };

    public static FlowState Started(SystemFacts? facts = null) => GuidedFlow.Start(InProgress(facts));

    public static FlowState Accepted(this FlowResult result)
    {
        Assert.True(result.Accepted, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Error}")));
        return result.State;
    }

    public static FlowState Next(this GuidedFlow flow, FlowState state, StepInput input) =>
        flow.Next(state, input, Today).Accepted();

    /// <summary>Facts confirmed and the suggested profile (C 4, I 4 for home care) confirmed.</summary>
    public static FlowState AtEvents(GuidedFlow flow, SystemFacts? facts = null)
    {
        var state = flow.Next(Started(facts), new FactsStepInput(facts ?? HomeCare));
        var profile = (ProfileStepView)flow.View(state, Today);
        return flow.Next(state, profile.Input);
    }

    /// <summary>Only <paramref name="keep"/> stays selected; every dropped baseline event gets a reason.</summary>
    public static EventsStepInput Keep(FlowState state, params string[] keep) =>
        new(keep, state.Assessment.Events.Where(e => !keep.Contains(e.EventId)).ToDictionary(e => e.EventId, _ => "Vurderes i en anden vurdering i eksemplet"));

    public static MeasureStepInput Measure(string description, int targetL, int targetC, int months = 4, string? id = null) =>
        new(id, description, Owner, Today.AddMonths(months), targetL, targetC);

    /// <summary>risk-method.md §3.6 walked to the summary: 2 Lav accepted, 9 Høj → 3 Lav, 8 Høj → 4 Middel.</summary>
    public static FlowState HomeCareAtSummary(GuidedFlow flow)
    {
        var state = AtEvents(flow);
        state = flow.Next(state, Keep(state, Power, Network, Ransomware));
        state = flow.Next(state, new ScoreStepInput(Power, Likelihood: 2, ExpectedOutageHours: 1));
        state = flow.Next(state, new ScoreStepInput(Network, Likelihood: 3, ExpectedOutageHours: 6));
        state = flow.Next(state, new ScoreStepInput(Ransomware, Likelihood: 2, ExpectedOutageHours: 120));
        state = flow.Next(state, new TreatmentStepInput(Power, TreatmentKind.Accept));
        state = flow.Next(state, new TreatmentStepInput(Network, TreatmentKind.Reduce, Measures: [Measure("Second internet line by another route", 1, 3)]));
        return flow.Next(state, new TreatmentStepInput(Ransomware, TreatmentKind.Reduce, Measures:
        [
            Measure("Immutable backup", 1, 4),
            Measure("EDR on servers and clients", 1, 4),
            Measure("Network segmentation", 1, 4),
        ]));
    }

    public static T View<T>(this GuidedFlow flow, FlowState state, Language language = Language.Danish)
        where T : StepView => Assert.IsType<T>(flow.View(state, Today, language));
}

/// <summary>Ids "id-1", "id-2", … in order, so tests can name what the flow creates.</summary>
internal sealed class SequentialIds : IIdSource
{
    private int _next;

    public string NewId() => $"id-{++_next}";
}
