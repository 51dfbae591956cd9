using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.FollowUp;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Assessing;

/// <summary>A submission as stored: immutable, with the canonical SHA-256 of its document (risk-method.md §3.5 rule 8).</summary>
public sealed record SnapshotRecord(string AssessmentId, string SystemId, string? RoundId, string Sha256, DateTimeOffset SubmittedAt, JsonObject Document);

/// <summary>
/// The owner submits a complete assessment: the snapshot is frozen, the planned measures are tracked, the
/// committee is told (and the directorate at once for Kritisk lines), all in one change.
/// </summary>
public sealed class SubmitAssessment(UseCaseServices services)
{
    public Task<Outcome<AssessmentChanged>> HandleAsync(Request request, string assessmentId, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<AssessmentChanged>(services, request, assessmentId, (context, change, ct) => SubmitAsync(request, context, change, ct), cancellationToken);

    /// <summary>
    /// As above, on the assessment the caller has just read together with the key's applied row (the bot's card action), so
    /// neither is read again; a first application of the key meanwhile comes back from the commit as a replay.
    /// </summary>
    public Task<Outcome<AssessmentChanged>> HandleReplayCheckedAsync(Request request, AssessmentInContext loaded, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunReplayCheckedAsync<AssessmentChanged>(services, request, loaded, (context, change, ct) => SubmitAsync(request, context, change, ct), cancellationToken);

    private async Task<Outcome<AssessmentChanged>> SubmitAsync(Request request, AssessmentInContext context, ChangeSet change, CancellationToken ct)
    {
        var record = context.Record.Value;
        var method = services.Methods.FindMethod(record.Assessment.Method);
        var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue);
        if (method is null || catalogue is null)
        {
            return Outcome<AssessmentChanged>.From(DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{record.Assessment.Method.Id} {record.Assessment.Method.Version}")));
        }

        var submission = AssessmentWorkflow.Submit(record.Assessment, context.Roles, method, catalogue, change.Now, request.Actor.ObjectId);
        if (!submission.IsSuccess)
        {
            return Outcome<AssessmentChanged>.From(submission.Errors);
        }

        var snapshot = submission.Value.Snapshot;
        var snapshotId = NextSnapshotId(record);
        var updated = record.WithState(AssessmentState.Submitted) with
        {
            SnapshotId = snapshotId,
            ReturnComment = null,
            Review = null,
            CommitteePost = null,
            Dates = (record.Dates ?? new AssessmentDates()) with { SubmittedOn = services.Today },
            HeadlineBand = Headline.Of(record.Assessment.Lines, method).Highest?.Label.Da,
        };
        change.Save(context.Record, updated)
            .Create(DocumentKinds.Snapshot, snapshotId,
                new SnapshotRecord(record.Id, record.SystemId, record.Assessment.RoundId, snapshot.Sha256, change.Now, snapshot.Document),
                new Dictionary<string, string> { ["assessmentId"] = record.Id, ["systemId"] = record.SystemId, ["roundId"] = record.Assessment.RoundId ?? string.Empty })
            .AuditAssessment(AuditAction.AssessmentSubmitted, updated, computed: new JsonObject { ["snapshotSha256"] = snapshot.Sha256, ["snapshotId"] = snapshotId });

        // Measures are tracked from a submission on, so before the first one there are none to update or cancel: no query.
        await MeasureTracking.TrackPlannedAsync(services.Store, change, updated, firstSubmission: record.SnapshotId is null, ct).ConfigureAwait(false);

        var data = new Dictionary<string, string> { ["assessmentId"] = record.Id, ["systemId"] = record.SystemId, ["snapshotId"] = snapshotId };
        change.Notify(new Notification(NotificationTemplates.Submitted, NotificationTarget.ForRole("committee"), data));
        if (submission.Value.NotifyNow.Contains("directorate"))
        {
            change.Notify(new Notification(NotificationTemplates.SubmittedCritical, NotificationTarget.ForRole("directorate"), data));
        }

        var outcome = await change.CommitAsync(services.Store, new AssessmentChanged(updated.Id, updated.State), ct).ConfigureAwait(false);
        return outcome.WithSaved(change, updated);
    }

    /// <summary>
    /// Numbered, not named by hash: a resubmission after a return is a new snapshot even with the same content. The number
    /// follows the one the assessment names (only a submission sets it, a return keeps it), so no query counts the earlier
    /// ones (a Graph round trip). Were one there under the next number all the same, the create would be refused as a
    /// conflict (snapshots are immutable), never overwritten.
    /// </summary>
    public static string NextSnapshotId(AssessmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var prefix = record.Id + "@";
        var last = record.SnapshotId is { } id && id.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
        return $"{prefix}{last + 1}";
    }
}
