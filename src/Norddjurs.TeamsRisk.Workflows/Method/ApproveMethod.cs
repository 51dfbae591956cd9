using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Method;

/// <summary>
/// The coordinator records the executive board's approval of a drafted version (risk-method.md §3.8: approver,
/// date, decision reference). It becomes the one active version; the previous active version is retired in the
/// same change. Open assessments keep the version they pinned; new ones pin this.
/// </summary>
public sealed class ApproveMethod(UseCaseServices services)
{
    public async Task<Outcome<MethodVersionChanged>> HandleAsync(Request request, string methodId, string version, MethodApproval approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(approval);
        if (await Replays.FindAsync<MethodVersionChanged>(services.Store, request.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        if (!roles.Contains(Role.Coordinator))
        {
            return Outcome<MethodVersionChanged>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "approveMethod"), ("roles", Role.Coordinator.Id())));
        }

        var target = await services.Store.LoadAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, MethodVersionRecord.DocumentId(methodId, version), cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return new Outcome<MethodVersionChanged>.NotFound();
        }

        var refusal = target.Value.State switch
        {
            MethodVersionState.Active => DomainError.Of(WorkflowErrorCodes.MethodAlreadyActive, ("version", $"{methodId} {version}")),
            MethodVersionState.Retired => DomainError.Of(WorkflowErrorCodes.MethodRetired, ("version", $"{methodId} {version}")),
            _ => approval.IsComplete ? null : DomainError.Of(WorkflowErrorCodes.MethodApprovalIncomplete),
        };
        if (refusal is not null)
        {
            return Outcome<MethodVersionChanged>.From(refusal);
        }

        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, actor, services.Now);
        var active = await services.Store.LoadAllAsync<MethodVersionRecord>(DocumentKinds.MethodVersion, "state", MethodVersionState.Active.ToString(), cancellationToken).ConfigureAwait(false);
        foreach (var previous in active)
        {
            var retired = previous.Value with { State = MethodVersionState.Retired };
            change.Write(previous.Update(retired, retired.Index()));
        }

        var approved = target.Value with { State = MethodVersionState.Active, Approval = approval with { ApprovedBy = approval.ApprovedBy!.Trim(), DecisionRef = approval.DecisionRef!.Trim() } };
        change.Write(target.Update(approved, approved.Index()))
            .Audit(AuditAction.MethodApproved, new AuditSubject("method", methodId, version),
                new AuditContext { MethodId = methodId, MethodVersion = version, MethodSha256 = approved.Sha256 },
                decision: new JsonObject
                {
                    ["approvedBy"] = approved.Approval.ApprovedBy,
                    ["approvedAt"] = approved.Approval.ApprovedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["decisionRef"] = approved.Approval.DecisionRef,
                    ["retired"] = new JsonArray([.. active.Select(a => JsonValue.Create(a.Value.Version))]),
                });
        var outcome = await change.CommitAsync(services.Store, new MethodVersionChanged(methodId, version, approved.Sha256, MethodVersionState.Active), cancellationToken).ConfigureAwait(false);
        await services.Methods.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
