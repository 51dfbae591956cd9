using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Register;

/// <summary>Turns a register entry into its row: the headline and flags come from the assessment it is scored by, with the method that assessment pinned.</summary>
internal static class RegisterRows
{
    public static RegisterRow Of(RegisterEntry entry, RiskMethod activeMethod)
    {
        var system = entry.System;
        var scored = entry.Scored;
        var latest = entry.Latest;
        var method = entry.ScoredMethod ?? activeMethod;
        var facts = scored?.Assessment.Facts ?? SystemFactsMapping.From(system);
        var headline = scored is null ? null : Headline.Of(scored.Assessment.Lines, method);
        var flags = scored is null ? null : Core.Assessments.Flags.For(scored.Assessment, method);
        return new RegisterRow(
            system.SystemId,
            system.Name,
            system.People.Department,
            system.People.SystemOwner.ToString(),
            latest?.OwnerName,
            system.Status,
            latest?.Id,
            latest?.State,
            latest?.Assessment.RoundId,
            scored?.Id,
            headline?.Highest,
            headline?.CountByBand ?? new Dictionary<string, int>(),
            headline?.AboveAppetite ?? 0,
            scored?.Assessment.Lines.Count ?? 0,
            new RegisterFlags(
                ThirdCountry: facts.ThirdCountryTransfer != ThirdCountryTransfer.No,
                Dpia: flags?.ConsiderDpia ?? false,
                ProcurementHold: system.ThirdCountry.ProcurementHold || Core.Assessments.Flags.ProcurementHold(facts),
                ComplianceGap: Core.Assessments.Flags.ComplianceGaps(facts, method).Count > 0),
            entry.NextAssessmentDue,
            scored?.Assessment.Method);
    }
}
