using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.FollowUp;

/// <summary>Turns the measures of a submission into tracked measures, so they are followed up (design.md §3).</summary>
public static class MeasureTracking
{
    public static string IdFor(string assessmentId, string measureId) => $"{assessmentId}:{measureId}";

    public static IReadOnlyDictionary<string, string> Index(TrackedMeasure measure) => new Dictionary<string, string>
    {
        ["assessmentId"] = measure.AssessmentId,
        ["responsibleObjectId"] = measure.ResponsibleObjectId.ToLowerInvariant(),
        ["status"] = measure.Status.ToString(),
    };

    /// <summary>
    /// New measures are created; a resubmission after a return updates the ones it keeps and cancels the ones the
    /// owner dropped, so nothing is tracked twice and nothing silently disappears. A <paramref name="firstSubmission"/> has
    /// no tracked measures yet, so they are not read.
    /// </summary>
    public static async Task TrackPlannedAsync(IDocumentStore store, ChangeSet change, AssessmentRecord record, bool firstSubmission, CancellationToken cancellationToken)
    {
        var existing = firstSubmission
            ? new Dictionary<string, Loaded<TrackedMeasure>>(StringComparer.Ordinal)
            : (await store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "assessmentId", record.Id, cancellationToken).ConfigureAwait(false))
                .ToDictionary(m => m.Value.Id, StringComparer.Ordinal);
        var planned = record.Assessment.Lines
            .SelectMany(l => (l.Treatment?.Measures ?? []).Select(m => new TrackedMeasure(
                IdFor(record.Id, m.Id), record.Id, l.EventId, m.Description, m.ResponsibleObjectId, m.Deadline)))
            .ToList();

        foreach (var measure in planned)
        {
            var subject = new AuditSubject("measure", measure.Id);
            var context = AuditContexts.For(record.Assessment, record.SystemId);
            if (existing.Remove(measure.Id, out var stored))
            {
                var kept = measure with { Status = stored.Value.Status, Binding = stored.Value.Binding };
                change.Write(stored.Update(kept, Index(kept)))
                    .Audit(AuditAction.MeasureUpdated, subject, context, after: JsonNode.Parse(StoreJson.Serialize(kept)));
            }
            else
            {
                change.Create(DocumentKinds.Measure, measure.Id, measure, Index(measure))
                    .Audit(AuditAction.MeasureCreated, subject, context, after: JsonNode.Parse(StoreJson.Serialize(measure)));
            }
        }

        foreach (var dropped in existing.Values.Where(m => m.Value.IsOpen))
        {
            var cancelled = dropped.Value with { Status = MeasureStatus.Annulleret, CancellationReason = "Fjernet ved genindsendelse", ChangedAt = change.Now };
            change.Write(dropped.Update(cancelled, Index(cancelled)))
                .Audit(AuditAction.MeasureUpdated, new AuditSubject("measure", cancelled.Id), AuditContexts.For(record.Assessment, record.SystemId),
                    after: JsonNode.Parse(StoreJson.Serialize(cancelled)));
        }
    }
}
