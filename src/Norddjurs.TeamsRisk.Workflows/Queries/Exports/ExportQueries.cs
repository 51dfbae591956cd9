using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries.Register;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Exports;

/// <summary>
/// The data behind the auditor's exports (issue 9 item 4): the whole register with every scored risk line, and one
/// system's assessment in one round. The register's readers read them (auditor, committee, coordinator, directorate: they
/// hold nothing the register's pages do not show); the export itself is
/// recorded by <see cref="RecordExport"/>.
/// </summary>
public sealed class ExportQueries(UseCaseServices services, RegisterQuery register, Visibility visibility)
{
    public async Task<Outcome<RegisterExport>> RegisterAsync(Actor actor, CancellationToken cancellationToken)
    {
        var (entries, refusal) = await register.MatchingEntriesAsync(actor, new RegisterFilter().Unpaged, "export.register", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return Outcome<RegisterExport>.From(refusal);
        }

        var escalations = await EscalationsAsync(cancellationToken).ConfigureAwait(false);
        var method = services.Methods.ActiveMethod;
        var risks = new List<ExportedRisk>();
        foreach (var entry in entries!.OrderBy(e => e.System.SystemId, StringComparer.OrdinalIgnoreCase))
        {
            if (entry.Scored is { } scored)
            {
                risks.AddRange(ExportReading.Risks(entry.System, scored, entry.ScoredMethod ?? method, services.Methods.FindCatalogue(scored.Assessment.Catalogue), escalations));
            }
        }

        var head = await services.Store.GetChainHeadAsync(cancellationToken).ConfigureAwait(false);
        return new Outcome<RegisterExport>.Done(new RegisterExport(
            [.. entries!.Select(e => RegisterRows.Of(e, method)).OrderBy(r => r.SystemId, StringComparer.OrdinalIgnoreCase)],
            risks, method,
            new HeatmapPair(HeatmapQuery.Build(entries!, method, residual: false), HeatmapQuery.Build(entries!, method, residual: true)),
            head, services.Now));
    }

    /// <summary>The system's assessment in the round (the latest ad-hoc one when no round is named); not found when there is none.</summary>
    public async Task<Outcome<SystemReport>> SystemReportAsync(Actor actor, string systemId, string? roundId, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, RegisterQuery.Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<SystemReport>.From(RegisterQuery.Refused("export.report"));
        }

        var system = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(systemId), cancellationToken).ConfigureAwait(false);
        if (system is null)
        {
            return new Outcome<SystemReport>.NotFound();
        }

        var records = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "systemId", system.Value.SystemId, cancellationToken).ConfigureAwait(false);
        var record = Register.RegisterReading.Newest(records.Select(r => r.Value)
            .Where(r => r.State != AssessmentState.Cancelled)
            .Where(r => string.IsNullOrWhiteSpace(roundId) ? r.Assessment.RoundId is null : string.Equals(r.Assessment.RoundId, roundId.Trim(), StringComparison.Ordinal)));
        if (record is null)
        {
            return new Outcome<SystemReport>.NotFound();
        }

        var method = services.Methods.FindMethod(record.Assessment.Method);
        var escalations = (await services.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "assessmentId", record.Id, cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Value.Id, e => e.Value, StringComparer.Ordinal);
        var risks = method is null ? [] : ExportReading.Risks(system.Value, record, method, services.Methods.FindCatalogue(record.Assessment.Catalogue), escalations).ToList();
        var snapshotHash = record.SnapshotId is null
            ? null
            : (await services.Store.LoadAsync<Assessing.SnapshotRecord>(DocumentKinds.Snapshot, record.SnapshotId, cancellationToken).ConfigureAwait(false))?.Value.Sha256;
        var head = await services.Store.GetChainHeadAsync(cancellationToken).ConfigureAwait(false);
        return new Outcome<SystemReport>.Done(new SystemReport(
            system.Value.SystemId, system.Value.Name, system.Value.People.Department, record.Id, record.Assessment.RoundId, record.State,
            record.Assessment.Method, record.Assessment.Catalogue, method, snapshotHash, risks,
            method is null || record.Assessment.Lines.Count == 0 ? null : Headline.Of(record.Assessment.Lines, method),
            head, services.Now));
    }

    /// <summary>Pending and decided escalations by id: two reads by the <c>state</c> index, together, whatever the register's size.</summary>
    private async Task<IReadOnlyDictionary<string, Escalation>> EscalationsAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, Escalation>(StringComparer.Ordinal);
        string[] states = [EscalationState.Pending.ToString(), EscalationState.Decided.ToString()];
        foreach (var loaded in (await services.Store.LoadAllManyAsync<Escalation>(DocumentKinds.Escalation, "state", states, cancellationToken).ConfigureAwait(false)).SelectMany(l => l))
        {
            all[loaded.Value.Id] = loaded.Value;
        }

        return all;
    }
}
