using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.FollowUp;

/// <summary>The due rules' facts and the records they came from, so a notice can name its people and its assessment.</summary>
public sealed record FollowUpRecords(
    FollowUpFacts Facts,
    IReadOnlyDictionary<string, AssessmentRecord> Assessments,
    IReadOnlyDictionary<string, CriticalSystem> Systems,
    IReadOnlyDictionary<string, TrackedMeasure> Measures,
    IReadOnlyDictionary<string, Escalation> Escalations);

/// <summary>
/// Reads what the due rules need, by indexed fields only (the SharePoint store filters on nothing else), page by
/// page: assessments per state, open measures, pending and accepted escalations, active systems.
/// </summary>
public static class FollowUpFactsReader
{
    /// <summary>States whose records feed a rule: open work, and approvals for the 12-month clock.</summary>
    private static readonly AssessmentState[] ReadStates =
    [
        AssessmentState.Invited, AssessmentState.InProgress, AssessmentState.Returned, AssessmentState.Submitted,
        AssessmentState.Escalated, AssessmentState.Approved, AssessmentState.Decided,
    ];

    public static async Task<FollowUpRecords> ReadAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var assessments = new Dictionary<string, AssessmentRecord>(StringComparer.Ordinal);
        foreach (var state in ReadStates)
        {
            foreach (var loaded in await store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "state", state.ToString(), cancellationToken).ConfigureAwait(false))
            {
                assessments[loaded.Value.Id] = loaded.Value;
            }
        }

        var systems = (await store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, "state", SystemStatus.Active.ToString(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Value.SystemId, s => s.Value, StringComparer.OrdinalIgnoreCase);
        var measures = new Dictionary<string, TrackedMeasure>(StringComparer.Ordinal);
        foreach (var status in new[] { MeasureStatus.Planlagt, MeasureStatus.Igangsat })
        {
            foreach (var loaded in await store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "status", status.ToString(), cancellationToken).ConfigureAwait(false))
            {
                measures[loaded.Value.Id] = loaded.Value;
            }
        }

        var escalations = new Dictionary<string, Escalation>(StringComparer.Ordinal);
        foreach (var state in new[] { EscalationState.Pending, EscalationState.Decided })
        {
            foreach (var loaded in await store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "state", state.ToString(), cancellationToken).ConfigureAwait(false))
            {
                escalations[loaded.Value.Id] = loaded.Value;
            }
        }

        var acceptances = await AcceptancesAsync(store, escalations.Values, assessments, cancellationToken).ConfigureAwait(false);
        var completedLines = await CompletedLinesAsync(store, measures, assessments, cancellationToken).ConfigureAwait(false);
        var transferStatuses = await TransferStatusesAsync(store, systems.Values, assessments.Values, cancellationToken).ConfigureAwait(false);
        var facts = new FollowUpFacts
        {
            Assessments = [.. assessments.Values.Select(a => AssessmentFactsOf(a, escalations.Values)).OfType<AssessmentFacts>()],
            Measures = [.. measures.Values.Select(m => MeasureFactsOf(m, assessments))],
            Acceptances = acceptances,
            Systems = [.. systems.Values.Select(s => CycleFactsOf(s, assessments.Values))],
            DpfTransfers = [.. systems.Values.Where(s => s.ThirdCountry.TransferTool == TransferTool.Dpf).Select(DpfFactsOf)],
            CompletedLines = completedLines,
            TransferStatuses = transferStatuses,
        };
        return new FollowUpRecords(facts, assessments, systems, measures, escalations);
    }

    /// <summary>One assessment's clocks without its escalations: enough for the owner's deadline.</summary>
    internal static AssessmentFacts? FactsOf(AssessmentRecord record) => AssessmentFactsOf(record, []);

    /// <summary>Null for a record stored before its dates were kept: its clocks cannot be known, so no rule runs on it.</summary>
    private static AssessmentFacts? AssessmentFactsOf(AssessmentRecord record, IEnumerable<Escalation> escalations)
    {
        if (record.Dates?.InvitedOn is not { } invitedOn)
        {
            return null;
        }

        var escalatedOn = record.Dates.ApprovedOn ?? invitedOn;
        return new AssessmentFacts
        {
            Id = record.Id,
            SystemId = record.SystemId,
            State = record.State,
            InvitedOn = invitedOn,
            Deadline = record.Deadline,
            ReturnedOn = record.Dates.ReturnedOn,
            SubmittedOn = record.Dates.SubmittedOn,
            Escalations = [.. escalations.Where(e => e.AssessmentId == record.Id)
                .Select(e => new EscalationFacts(e.Id, e.Authority, e.State, escalatedOn))],
        };
    }

    private static MeasureFacts MeasureFactsOf(TrackedMeasure measure, Dictionary<string, AssessmentRecord> assessments) =>
        new(measure.Id, assessments.TryGetValue(measure.AssessmentId, out var record) ? record.SystemId : string.Empty,
            $"{measure.AssessmentId}:{measure.EventId}", measure.Status, measure.Deadline, measure.ResponsibleObjectId);

    /// <summary>
    /// Accepted risks with an end date. The holding assessment may be superseded (then the rule drops it), so one
    /// not among the open or approved ones is read by id.
    /// </summary>
    private static async Task<IReadOnlyList<AcceptanceFacts>> AcceptancesAsync(
        IDocumentStore store, IEnumerable<Escalation> escalations, Dictionary<string, AssessmentRecord> assessments, CancellationToken cancellationToken)
    {
        var acceptances = new List<AcceptanceFacts>();
        foreach (var escalation in escalations)
        {
            if (escalation.Decision is not { Kind: EscalationDecisionKind.Accept, AcceptedUntil: { } endsOn })
            {
                continue;
            }

            var record = assessments.TryGetValue(escalation.AssessmentId, out var known)
                ? known
                : (await store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, escalation.AssessmentId, cancellationToken).ConfigureAwait(false))?.Value;
            if (record is not null)
            {
                acceptances.Add(new AcceptanceFacts(escalation.Id, record.SystemId, record.State, endsOn));
            }
        }

        return acceptances;
    }

    /// <summary>
    /// Risk lines with a completed measure (risk-method.md §2.3 <c>measureCompleted</c>): open if any measure on the
    /// line is still open. The holding assessment may be superseded (then the rule drops it), so it is read by id.
    /// </summary>
    private static async Task<IReadOnlyList<MeasuresCompletedFacts>> CompletedLinesAsync(
        IDocumentStore store, Dictionary<string, TrackedMeasure> open, Dictionary<string, AssessmentRecord> assessments, CancellationToken cancellationToken)
    {
        var completed = await store.LoadAllAsync<TrackedMeasure>(DocumentKinds.Measure, "status", MeasureStatus.Gennemført.ToString(), cancellationToken).ConfigureAwait(false);
        var lines = new List<MeasuresCompletedFacts>();
        foreach (var line in completed.Select(m => m.Value).Where(m => m.ChangedAt is not null).GroupBy(m => (m.AssessmentId, m.EventId)))
        {
            var record = assessments.TryGetValue(line.Key.AssessmentId, out var known)
                ? known
                : (await store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, line.Key.AssessmentId, cancellationToken).ConfigureAwait(false))?.Value;
            if (record is null)
            {
                continue;
            }

            var anyOpen = open.Values.Any(m => m.AssessmentId == line.Key.AssessmentId && m.EventId == line.Key.EventId);
            lines.Add(new MeasuresCompletedFacts(
                line.Key.AssessmentId, line.Key.EventId, record.SystemId, record.State, anyOpen, line.Max(m => DanishDays.Of(m.ChangedAt!.Value))));
        }

        return lines;
    }

    /// <summary>
    /// Each assessed system's transfer status now and in the record version its latest assessment confirmed
    /// (risk-method.md §2.3 <c>legalChange</c>); the older version is read only when the record has changed since.
    /// </summary>
    private static async Task<IReadOnlyList<TransferStatusFacts>> TransferStatusesAsync(
        IDocumentStore store, IEnumerable<CriticalSystem> systems, IEnumerable<AssessmentRecord> assessments, CancellationToken cancellationToken)
    {
        var latestBySystem = assessments
            .Where(a => a.Dates?.InvitedOn is not null)
            .GroupBy(a => a.SystemId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Dates!.InvitedOn)!, StringComparer.OrdinalIgnoreCase);
        var statuses = new List<TransferStatusFacts>();
        foreach (var system in systems)
        {
            if (!latestBySystem.TryGetValue(system.SystemId, out var latest) || latest.Assessment.Facts.RecordVersion == system.Metadata.RecordVersion)
            {
                continue;
            }

            var versionId = $"{StableIds.SystemDocumentId(system.SystemId)}@{latest.Assessment.Facts.RecordVersion}";
            var assessed = await store.LoadAsync<CriticalSystem>(DocumentKinds.SystemVersion, versionId, cancellationToken).ConfigureAwait(false);
            if (assessed is not null)
            {
                statuses.Add(new TransferStatusFacts(
                    system.SystemId, TransferStatus.Of(assessed.Value.ThirdCountry), TransferStatus.Of(system.ThirdCountry),
                    DanishDays.Of(system.Metadata.UpdatedAt ?? system.Metadata.CreatedAt)));
            }
        }

        return statuses;
    }

    private static SystemCycleFacts CycleFactsOf(CriticalSystem system, IEnumerable<AssessmentRecord> assessments)
    {
        var own = assessments.Where(a => string.Equals(a.SystemId, system.SystemId, StringComparison.OrdinalIgnoreCase)).ToList();
        var lastApproved = own.Select(a => a.Dates?.ApprovedOn).Where(d => d is not null).DefaultIfEmpty(null).Max();
        var open = own.Any(a => !AssessmentTransitions.IsFinal(a.State));
        return new SystemCycleFacts(system.SystemId, system.Status == SystemStatus.Active, DanishDays.Of(system.Metadata.CreatedAt), lastApproved, open);
    }

    /// <summary>Without a stored check the clock starts when the system was registered (DpfTransferFacts).</summary>
    private static DpfTransferFacts DpfFactsOf(CriticalSystem system) =>
        new(system.SystemId, system.ThirdCountry.DpfCertified?.CheckedAt ?? DanishDays.Of(system.Metadata.CreatedAt));
}
