using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>Step 3: C and I for the system, suggested from the record and confirmed or lowered with a reason (risk-method.md §3.2).</summary>
public static class Profiling
{
    /// <summary>C from the highest data class and whether the data subjects reach the "many" threshold.</summary>
    public static int SuggestConfidentiality(SystemFacts facts, RiskMethod method)
    {
        var rules = method.Consequence.ConfidentialitySuggestion;
        var dataClass = facts.PersonalData || facts.HighestDataClass != "none" ? facts.HighestDataClass : "none";
        var row = rules.ByDataClass.First(r => r.DataClass == dataClass);

        // An unknown number of data subjects is read as "many": the cautious suggestion, which the owner may lower with a reason.
        var many = facts.DataSubjectsApprox is not { } count || count >= rules.ManySubjectsThreshold;
        return many ? row.Many : row.Few;
    }

    /// <summary>I: life/health-critical work, then decisions or payments, otherwise the base level.</summary>
    public static int SuggestIntegrity(SystemFacts facts, RiskMethod method)
    {
        var rules = method.Consequence.IntegritySuggestion;
        return facts.LifeOrHealthCritical ? rules.LifeOrHealth
            : facts.SupportsDecisionsOrPayments || facts.Payments ? rules.DecisionsOrPayments
            : rules.Other;
    }

    /// <summary>The owner's C and I. Going below a suggestion needs a reason; going above does not.</summary>
    public static Result<Assessment> SetProfile(Assessment assessment, RiskMethod method, int confidentiality, string? confidentialityReason, int integrity, string? integrityReason)
    {
        var errors = new List<DomainError>();
        var c = Choose(Dimension.Confidentiality, SuggestConfidentiality(assessment.Facts, method), confidentiality, confidentialityReason, method, errors);
        var i = Choose(Dimension.Integrity, SuggestIntegrity(assessment.Facts, method), integrity, integrityReason, method, errors);
        if (errors.Count > 0)
        {
            return Result<Assessment>.Failure(errors);
        }

        // Lines already scored used the old profile: rescore them so points never disagree with the profile.
        var updated = assessment with { Confidentiality = c, Integrity = i };
        return updated with { Lines = [.. updated.Lines.Select(line => Scoring.Rescore(updated, line, method))] };
    }

    private static ProfileValue? Choose(Dimension dimension, int suggested, int chosen, string? reason, RiskMethod method, List<DomainError> errors)
    {
        if (!method.Scale.Contains(chosen))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ProfileOutOfRange, ("dimension", dimension.Id()), ("value", chosen), ("min", method.Scale.Min), ("max", method.Scale.Max)));
            return null;
        }

        if (chosen < suggested && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(DomainError.Of(AssessmentErrorCodes.ProfileLoweredWithoutReason, ("dimension", dimension.Id()), ("suggested", suggested), ("value", chosen)));
            return null;
        }

        return new ProfileValue(suggested, chosen, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }
}
