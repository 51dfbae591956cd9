using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Queries.Review;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Exports;

/// <summary>Turns a stored assessment and its escalations into the auditor's risk lines.</summary>
internal static class ExportReading
{
    public static IEnumerable<ExportedRisk> Risks(
        CriticalSystem system, AssessmentRecord record, RiskMethod method, EventCatalogue? catalogue, IReadOnlyDictionary<string, Escalation> escalations)
    {
        foreach (var line in record.Assessment.Lines)
        {
            var escalation = escalations.GetValueOrDefault(Escalation.IdFor(record.Id, line.EventId));
            var decision = escalation?.Decision;
            var recommendation = record.Recommendations?.GetValueOrDefault(line.EventId) ?? escalation?.Recommendation;
            yield return new ExportedRisk(
                system.SystemId, system.Name, system.People.Department, record.Id, record.Assessment.RoundId, record.State,
                line.EventId, ReviewQueueQuery.EventName(catalogue, record.Assessment, line.EventId),
                line.Score.Likelihood.Value, line.Score.Consequence.Value, line.Score.Points, line.Score.Band, line.Score.WithinAppetite,
                line.Residual.Points, line.Residual.Band,
                line.Treatment?.Kind.ToString().ToLowerInvariant(), line.Treatment?.Justification, recommendation,
                decision?.Kind, decision?.Justification, decision?.AcceptedUntil, decision?.DecidedByObjectId, decision?.DecidedAt, decision?.CaseNumber,
                line.Treatment?.Measures ?? [],
                record.Dates?.SubmittedOn, record.Dates?.ApprovedOn, record.Assessment.Method);
        }
    }
}
