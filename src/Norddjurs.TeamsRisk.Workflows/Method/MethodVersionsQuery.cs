using System.Text;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>One stored method version: its state, hash, approval and the catalogue version it names.</summary>
public sealed record MethodVersionSummary(
    string MethodId,
    string Version,
    MethodVersionState State,
    string Sha256,
    MethodApproval Approval,
    string CatalogueId,
    string CatalogueVersion,
    DateTimeOffset PublishedAt,
    string PublishedBy);

/// <summary>A version's documents exactly as published: the method and the catalogue it names (null if that was never stored).</summary>
public sealed record MethodVersionDocuments(MethodVersionSummary Summary, string MethodJson, string? CatalogueJson);

/// <summary>
/// The method versions for reading (risk-method.md §3.8). The coordinator, the committee, the auditor and the
/// directorate read them (design.md §4): the coordinator edits, the committee reviews by the method, the auditor
/// reads everything, and the directorate is the body whose approval is recorded. Owners see the active method's texts
/// in the guided flow, not here.
/// </summary>
public sealed class MethodVersionsQuery(UseCaseServices services, Visibility visibility)
{
    private static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Coordinator, Role.Committee, Role.Auditor, Role.Directorate };

    /// <summary>Every version, newest publication first.</summary>
    public async Task<Outcome<IReadOnlyList<MethodVersionSummary>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (await RefusedAsync<IReadOnlyList<MethodVersionSummary>>(actor, "readMethods", cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var records = await services.Store.LoadAllAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<MethodVersionSummary> summaries = [.. records.Select(r => Summarise(r.Value)).OrderByDescending(s => s.PublishedAt).ThenByDescending(s => s.Version, StringComparer.Ordinal)];
        return new Outcome<IReadOnlyList<MethodVersionSummary>>.Done(summaries);
    }

    /// <summary>One version with its documents; 404 for an unknown one.</summary>
    public async Task<Outcome<MethodVersionDocuments>> ReadAsync(Actor actor, string methodId, string version, CancellationToken cancellationToken)
    {
        if (await RefusedAsync<MethodVersionDocuments>(actor, "readMethods", cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var record = await services.Store.LoadAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, MethodVersionRecord.DocumentId(methodId, version), cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new Outcome<MethodVersionDocuments>.NotFound();
        }

        var summary = Summarise(record.Value);
        var catalogue = await services.Store.LoadAsync<CatalogueVersionRecord>(
            DocumentKinds.CatalogueVersion, CatalogueVersionRecord.DocumentId(summary.CatalogueId, summary.CatalogueVersion), cancellationToken).ConfigureAwait(false);
        return new Outcome<MethodVersionDocuments>.Done(new MethodVersionDocuments(summary, record.Value.MethodJson, catalogue?.Value.CatalogueJson));
    }

    /// <summary>The active version with its documents, or 404 while none is approved.</summary>
    public async Task<Outcome<MethodVersionDocuments>> ReadActiveAsync(Actor actor, CancellationToken cancellationToken)
    {
        var list = await ListAsync(actor, cancellationToken).ConfigureAwait(false);
        return list switch
        {
            Outcome<IReadOnlyList<MethodVersionSummary>>.Done { Value: var all } when all.FirstOrDefault(v => v.State == MethodVersionState.Active) is { } active =>
                await ReadAsync(actor, active.MethodId, active.Version, cancellationToken).ConfigureAwait(false),
            Outcome<IReadOnlyList<MethodVersionSummary>>.Forbidden forbidden => new Outcome<MethodVersionDocuments>.Forbidden(forbidden.Error),
            _ => new Outcome<MethodVersionDocuments>.NotFound(),
        };
    }

    private async Task<Outcome<T>?> RefusedAsync<T>(Actor actor, string action, CancellationToken cancellationToken) =>
        await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false)
            ? null
            : Outcome<T>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", action), ("roles", "coordinator, committee, auditor, directorate")));

    /// <summary>The catalogue a stored version names, read from its own document (it was valid when published).</summary>
    private static MethodVersionSummary Summarise(MethodVersionRecord record)
    {
        var named = MethodLoader.Load(Encoding.UTF8.GetBytes(record.MethodJson)).ValueOrNull?.EventCatalog;
        return new MethodVersionSummary(record.MethodId, record.Version, record.State, record.Sha256, record.Approval,
            named?.Id ?? string.Empty, named?.Version ?? string.Empty, record.PublishedAt, record.PublishedBy);
    }
}
