using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;

namespace Norddjurs.TeamsRisk.Core.Assessments;

/// <summary>Creating an assessment and confirming the system's facts (risk-method.md §2.1 steps 2–3).</summary>
public static class AssessmentStart
{
    /// <summary>A new, invited assessment pinned to the method and catalogue in force (§3.8); events pre-selected from the record.</summary>
    public static Assessment Invite(string id, SystemFacts facts, RiskMethod method, EventCatalogue catalogue, string? roundId, string? trigger, string? previousAssessmentId = null) =>
        new()
        {
            Id = id,
            State = AssessmentState.Invited,
            Method = new PinnedVersion(method.Id, method.Version, method.Sha256),
            Catalogue = new PinnedVersion(catalogue.Id, catalogue.Version, catalogue.Sha256),
            Facts = facts,
            RoundId = roundId,
            Trigger = trigger,
            PreviousAssessmentId = previousAssessmentId,
            Events = EventSelection.Preselect(catalogue, facts),
        };

    /// <summary>
    /// The owner confirms (or corrects) the record. New facts change the suggestions, so the pre-selection is
    /// rebuilt when the events have not been chosen yet, and scored lines are rescored.
    /// </summary>
    public static Result<Assessment> ConfirmFacts(Assessment assessment, SystemFacts facts, RiskMethod method, EventCatalogue catalogue)
    {
        if (facts.SystemId != assessment.Facts.SystemId)
        {
            return DomainError.Of(AssessmentErrorCodes.NotEditable, ("assessment", assessment.Id));
        }

        if (FactProblems(facts).ToList() is { Count: > 0 } problems)
        {
            return Result<Assessment>.Failure(problems);
        }

        var updated = assessment with
        {
            Facts = facts,
            FactsConfirmed = true,
            Events = assessment.EventsChosen ? assessment.Events : EventSelection.Preselect(catalogue, facts),
        };
        return updated with { Lines = [.. updated.Lines.Select(l => Scoring.Rescore(updated, l, method))] };
    }

    /// <summary>A corrected fact the rules could not use: a negative or non-finite number, or a data class the method does not know.</summary>
    private static IEnumerable<DomainError> FactProblems(SystemFacts facts)
    {
        if (facts.DataSubjectsApprox is < 0)
        {
            yield return DomainError.Of(AssessmentErrorCodes.FactNumberInvalid, ("fact", "dataSubjectsApprox"), ("value", facts.DataSubjectsApprox));
        }

        foreach (var (name, hours) in new[] { ("mtdHours", facts.MtdHours), ("rpoHours", facts.RpoHours) })
        {
            if (hours is { } value && (value < 0 || !double.IsFinite(value)))
            {
                yield return DomainError.Of(AssessmentErrorCodes.FactNumberInvalid, ("fact", name), ("value", value));
            }
        }

        if (!Method.MethodVocabulary.DataClasses.Contains(facts.HighestDataClass))
        {
            yield return DomainError.Of(AssessmentErrorCodes.FactDataClassUnknown, ("value", facts.HighestDataClass));
        }
    }

    /// <summary>Whether this method and catalogue are the ones the assessment pinned; anything else would rewrite history (D8).</summary>
    public static bool Pins(Assessment assessment, RiskMethod method, EventCatalogue catalogue) =>
        assessment.Method.Sha256 == method.Sha256 && assessment.Catalogue.Sha256 == catalogue.Sha256;
}
