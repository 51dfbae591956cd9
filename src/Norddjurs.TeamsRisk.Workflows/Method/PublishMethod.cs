using System.Text;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Catalogue;
using Norddjurs.TeamsRisk.Core.Data;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Method;

public sealed record MethodVersionChanged(string MethodId, string Version, string Sha256, MethodVersionState State);

/// <summary>
/// The coordinator publishes a method version (and the catalogue it names, unless already published) as a draft
/// (risk-method.md §3.8). Every problem in the documents is reported with its JSON path; nothing is stored then.
/// Publishing the same version with the same content again changes nothing.
/// </summary>
public sealed class PublishMethod(UseCaseServices services)
{
    public async Task<Outcome<MethodVersionChanged>> HandleAsync(Request request, byte[] methodJson, byte[]? catalogueJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await Replays.FindAsync<MethodVersionChanged>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        if (!roles.Contains(Role.Coordinator))
        {
            return Outcome<MethodVersionChanged>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "publishMethod"), ("roles", Role.Coordinator.Id())));
        }

        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        return await PublishAsync(request, actor, methodJson, catalogueJson, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The app itself publishes the method and catalogue it ships with, as drafts, at start-up (risk-method.md §3.8):
    /// so a coordinator has a version to approve. Recorded in the audit trail as the app.
    /// </summary>
    public async Task<Outcome<MethodVersionChanged>> PublishShippedAsync(string idempotencyKey, byte[] methodJson, byte[] catalogueJson, CancellationToken cancellationToken)
    {
        var request = new Request(new Identity.Actor("system", "system", "Norddjurs.TeamsRisk", new HashSet<string>()), idempotencyKey, AuditChannel.Scheduler);
        if (await Replays.FindAsync<MethodVersionChanged>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        return await PublishAsync(request, Actors.System, methodJson, catalogueJson, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Outcome<MethodVersionChanged>> PublishAsync(Request request, AuditActor actor, byte[] methodJson, byte[]? catalogueJson, CancellationToken cancellationToken)
    {
        var method = MethodLoader.Load(methodJson);
        var catalogue = catalogueJson is null ? null : CatalogueLoader.Load(catalogueJson);
        var problems = MethodDocuments.Of(method.Problems, catalogue?.Problems ?? []);
        if (problems.Count > 0)
        {
            return new Outcome<MethodVersionChanged>.Rejected(problems);
        }

        var rules = method.ValueOrNull!;
        var named = rules.EventCatalog;
        var catalogueId = CatalogueVersionRecord.DocumentId(named.Id, named.Version);
        var storedCatalogue = await services.Store.LoadAsync<CatalogueVersionRecord>(DocumentKinds.CatalogueVersion, catalogueId, cancellationToken).ConfigureAwait(false);
        if (catalogue?.ValueOrNull is { } given && (given.Id != named.Id || given.Version != named.Version)
            || catalogue is null && storedCatalogue is null)
        {
            return Outcome<MethodVersionChanged>.From(DomainError.Of(WorkflowErrorCodes.MethodCatalogueMissing, ("catalogue", $"{named.Id} {named.Version}")));
        }

        var id = MethodVersionRecord.DocumentId(rules.Id, rules.Version);
        var existing = await services.Store.LoadAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.Value.Sha256 == rules.Sha256
                ? new Outcome<MethodVersionChanged>.Done(new MethodVersionChanged(rules.Id, rules.Version, rules.Sha256, existing.Value.State))
                : Outcome<MethodVersionChanged>.From(DomainError.Of(WorkflowErrorCodes.MethodVersionExists, ("version", $"{rules.Id} {rules.Version}")));
        }

        if (catalogue?.ValueOrNull is { } newCatalogue && storedCatalogue is not null && storedCatalogue.Value.Sha256 != newCatalogue.Sha256)
        {
            return Outcome<MethodVersionChanged>.From(DomainError.Of(WorkflowErrorCodes.MethodVersionExists, ("version", $"{named.Id} {named.Version}")));
        }

        var change = new ChangeSet(request, actor, services.Now);
        if (catalogue?.ValueOrNull is { } published && storedCatalogue is null)
        {
            var record = new CatalogueVersionRecord(published.Id, published.Version, published.Sha256, Encoding.UTF8.GetString(catalogueJson!), services.Now, request.Actor.ObjectId);
            change.Create(DocumentKinds.CatalogueVersion, catalogueId, record, record.Index())
                .Audit(AuditAction.CatalogPublished, new AuditSubject("catalog", published.Id, published.Version),
                    new AuditContext { CatalogId = published.Id, CatalogVersion = published.Version, CatalogSha256 = published.Sha256 });
        }

        var draft = new MethodVersionRecord(rules.Id, rules.Version, rules.Sha256, Encoding.UTF8.GetString(methodJson), MethodVersionState.Draft, MethodApproval.None, services.Now, request.Actor.ObjectId);
        change.Create(DocumentKinds.MethodVersion, id, draft, draft.Index())
            .Audit(AuditAction.MethodPublished, new AuditSubject("method", rules.Id, rules.Version),
                new AuditContext { MethodId = rules.Id, MethodVersion = rules.Version, MethodSha256 = rules.Sha256, CatalogId = named.Id, CatalogVersion = named.Version },
                computed: new JsonObject { ["sha256"] = rules.Sha256 });
        var outcome = await change.CommitAsync(services.Store, new MethodVersionChanged(rules.Id, rules.Version, rules.Sha256, MethodVersionState.Draft), cancellationToken).ConfigureAwait(false);
        await services.Methods.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
