using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Register;

public enum SystemChangeKind
{
    New,
    Changed,
    Unchanged,
}

public sealed record SystemChange(string SystemId, string Name, SystemChangeKind Kind);

/// <summary>What an import would do (preview) or did (apply); with problems, nothing is or was applied.</summary>
public sealed record ImportOutcome(IReadOnlyList<SystemChange> Systems, IReadOnlyList<ImportProblem> Problems)
{
    public int Applied => Problems.Count > 0 ? 0 : Systems.Count(s => s.Kind != SystemChangeKind.Unchanged);
}

/// <summary>
/// The coordinator imports continuity plans (risk-method.md §6): preview lists what would be new, changed or
/// unchanged; apply writes the new and changed records, each with an immutable version and an audit entry.
/// Re-importing the same file changes nothing. A file with any bad row imports nothing.
/// </summary>
public sealed class ImportSystems(UseCaseServices services)
{
    /// <summary>The largest continuity-plan file any caller reads (the API's body limit, the tab's upload): far above a municipality's few hundred rows.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public Task<Outcome<ImportOutcome>> PreviewAsync(Request request, byte[] file, string fileName, CancellationToken cancellationToken) =>
        RunAsync(request, file, fileName, apply: false, cancellationToken);

    public Task<Outcome<ImportOutcome>> ApplyAsync(Request request, byte[] file, string fileName, CancellationToken cancellationToken) =>
        RunAsync(request, file, fileName, apply: true, cancellationToken);

    private async Task<Outcome<ImportOutcome>> RunAsync(Request request, byte[] file, string fileName, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (apply && await Replays.FindAsync<ImportOutcome>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        if (!roles.Contains(Role.Coordinator))
        {
            return Outcome<ImportOutcome>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "import"), ("roles", Role.Coordinator.Id())));
        }

        var importer = await ImporterAsync(request, cancellationToken).ConfigureAwait(false);
        var parsed = ContinuityPlanCsv.Parse(file, fileName, services.Now, importer);
        if (!parsed.IsSuccess)
        {
            return new Outcome<ImportOutcome>.Done(new ImportOutcome([], parsed.Problems));
        }

        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, actor, services.Now);
        var changes = new List<SystemChange>();
        var register = await RegisterAsync(cancellationToken).ConfigureAwait(false);
        foreach (var system in parsed.Systems)
        {
            var id = StableIds.SystemDocumentId(system.SystemId);
            var stored = register.GetValueOrDefault(id);
            var kind = stored is null ? SystemChangeKind.New : SameContent(stored.Value, system) ? SystemChangeKind.Unchanged : SystemChangeKind.Changed;
            changes.Add(new SystemChange(system.SystemId, system.Name, kind));
            if (kind != SystemChangeKind.Unchanged)
            {
                Stage(change, id, stored, system, importer);
            }
        }

        var outcome = new ImportOutcome(changes, []);
        if (!apply || outcome.Applied == 0)
        {
            return new Outcome<ImportOutcome>.Done(outcome);
        }

        return await change.CommitAsync(services.Store, outcome, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The register's systems by document id, read as one query rather than one read per row: on SharePoint a read is a Graph
    /// round trip, and a file of a few hundred systems would wait for as many (a register of 1,000 systems is one page).
    /// </summary>
    private async Task<Dictionary<string, Loaded<CriticalSystem>>> RegisterAsync(CancellationToken cancellationToken)
    {
        var all = await services.Store.LoadAllAsync<CriticalSystem>(DocumentKinds.System, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        return all.ToDictionary(s => s.Document.Id, StringComparer.Ordinal);
    }

    private static void Stage(ChangeSet change, string id, Loaded<CriticalSystem>? stored, CriticalSystem imported, PersonRef importer)
    {
        var version = (stored?.Value.Metadata.RecordVersion ?? 0) + 1;
        var record = stored is null
            ? imported with { Metadata = imported.Metadata with { RecordVersion = version } }
            : imported with
            {
                Metadata = stored.Value.Metadata with { RecordVersion = version, Source = imported.Metadata.Source, UpdatedAt = change.Now, UpdatedBy = importer },
            };
        var index = new Dictionary<string, string>
        {
            ["ownerObjectId"] = record.People.SystemOwner.ToString(),
            ["state"] = record.Status.ToString(),
        };
        change.Write(stored is null ? DocumentWrite.Create(DocumentKinds.System, id, StoreJson.Serialize(record), index) : stored.Update(record, index))
            .Create(DocumentKinds.SystemVersion, $"{id}@{version}", record, new Dictionary<string, string> { ["systemId"] = record.SystemId })
            .Audit(AuditAction.SystemRecordChanged, new AuditSubject("system", record.SystemId, version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new AuditContext { SystemId = record.SystemId, SystemRecordVersion = version },
                before: stored is null ? null : JsonNode.Parse(StoreJson.Serialize(stored.Value)), after: JsonNode.Parse(StoreJson.Serialize(record)));
    }

    /// <summary>The same plan content: who imported it when, from which line, and its version do not count.</summary>
    private static bool SameContent(CriticalSystem stored, CriticalSystem imported) =>
        StoreJson.Serialize(stored with { Metadata = imported.Metadata, Confirmation = imported.Confirmation }) == StoreJson.Serialize(imported);

    private async Task<PersonRef> ImporterAsync(Request request, CancellationToken cancellationToken)
    {
        if (PersonRef.TryParse(request.Actor.ObjectId, out var byId))
        {
            return byId;
        }

        var user = await services.Directory.FindUserAsync(request.Actor.ObjectId, cancellationToken).ConfigureAwait(false);
        return PersonRef.TryParse(user?.Upn, out var byUpn) ? byUpn : throw new InvalidOperationException("The importer has neither a GUID object id nor a UPN.");
    }
}
