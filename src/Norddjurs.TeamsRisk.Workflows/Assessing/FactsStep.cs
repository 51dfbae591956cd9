using Norddjurs.TeamsRisk.Core.Assessments;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>Step 3a: the system record for the owner to confirm or correct (risk-method.md §2.1 step 3, §6).</summary>
public sealed record FactsStepView : StepView
{
    public required SystemFacts Facts { get; init; }

    /// <summary>Whether the owner has confirmed the facts before (they may still correct them).</summary>
    public required bool Confirmed { get; init; }

    public required FactsStepInput Input { get; init; }
}

internal static class FactsStep
{
    /// <summary>New facts change the suggestions: Core rebuilds the pre-selection (until events are chosen) and rescores lines.</summary>
    public static StepOutcome Apply(Assessment assessment, FactsStepInput input, FlowRules rules) =>
        StepOutcome.From(assessment, AssessmentStart.ConfirmFacts(assessment, input.Facts, rules.Method, rules.Catalogue), _ => FlowFields.Facts);

    public static FactsStepView Build(Assessment assessment, FactsStepInput? pending) => new()
    {
        Facts = assessment.Facts,
        Confirmed = assessment.FactsConfirmed,
        Input = pending ?? new FactsStepInput(assessment.Facts),
    };
}
