using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>Step 3b: C and I for the system with the suggestions and the levels' texts (risk-method.md §3.2).</summary>
public sealed record ProfileStepView : StepView
{
    public required ProfileDimensionView Confidentiality { get; init; }

    public required ProfileDimensionView Integrity { get; init; }

    /// <summary>The consequence levels with their citizen and municipality views, lowest first.</summary>
    public required IReadOnlyList<ConsequenceLevelView> Levels { get; init; }

    /// <summary>The number of scored lines a change here rescores.</summary>
    public required int ScoredLines { get; init; }

    public required ProfileStepInput Input { get; init; }
}

/// <summary>
/// One dimension: what the record suggests, what is saved, and whether the value in the input is below the
/// suggestion and so needs a reason.
/// </summary>
public sealed record ProfileDimensionView(DimensionView Dimension, int Suggested, int? Saved, bool ReasonRequired);

internal static class ProfileStep
{
    public static StepOutcome Apply(Assessment assessment, ProfileStepInput input, FlowRules rules)
    {
        var missing = new List<FieldError>();
        if (input.Confidentiality is null)
        {
            missing.Add(new FieldError(FlowFields.Confidentiality, DomainError.Of(AssessmentErrorCodes.ProfileMissing, ("dimension", Dimension.Confidentiality.Id()))));
        }

        if (input.Integrity is null)
        {
            missing.Add(new FieldError(FlowFields.Integrity, DomainError.Of(AssessmentErrorCodes.ProfileMissing, ("dimension", Dimension.Integrity.Id()))));
        }

        // A missing value is stood in for by its suggestion, which needs no reason, so Core reports every other error too.
        var result = Profiling.SetProfile(
            assessment, rules.Method,
            input.Confidentiality ?? Profiling.SuggestConfidentiality(assessment.Facts, rules.Method), input.ConfidentialityReason,
            input.Integrity ?? Profiling.SuggestIntegrity(assessment.Facts, rules.Method), input.IntegrityReason);
        var outcome = StepOutcome.From(assessment, result, Field);
        return missing.Count == 0 ? outcome : StepOutcome.Refused(assessment, [.. missing, .. outcome.Errors]);
    }

    public static ProfileStepView Build(Assessment assessment, ProfileStepInput? pending, FlowRules rules, ViewText text)
    {
        var suggestedC = Profiling.SuggestConfidentiality(assessment.Facts, rules.Method);
        var suggestedI = Profiling.SuggestIntegrity(assessment.Facts, rules.Method);
        var input = pending ?? new ProfileStepInput(
            assessment.Confidentiality?.Value ?? suggestedC, assessment.Confidentiality?.Reason,
            assessment.Integrity?.Value ?? suggestedI, assessment.Integrity?.Reason);
        return new ProfileStepView
        {
            Confidentiality = new ProfileDimensionView(text.Dimension(Dimension.Confidentiality), suggestedC, assessment.Confidentiality?.Value, input.Confidentiality < suggestedC),
            Integrity = new ProfileDimensionView(text.Dimension(Dimension.Integrity), suggestedI, assessment.Integrity?.Value, input.Integrity < suggestedI),
            Levels = text.ConsequenceLevels(),
            ScoredLines = assessment.Lines.Count,
            Input = input,
        };
    }

    private static string Field(DomainError error)
    {
        var confidentiality = error.Args.TryGetValue("dimension", out var d) && d == Dimension.Confidentiality.Id();
        return error.Code == AssessmentErrorCodes.ProfileLoweredWithoutReason
            ? confidentiality ? FlowFields.ConfidentialityReason : FlowFields.IntegrityReason
            : confidentiality ? FlowFields.Confidentiality : FlowFields.Integrity;
    }
}
