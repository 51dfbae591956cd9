using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Exports;

/// <summary>
/// An export leaves the app, so it is an audit entry (risk-method.md §5, <c>ExportGenerated</c>): who, what, and the
/// chain head the file carries, so a later export can be checked against this one.
/// </summary>
public sealed class RecordExport(UseCaseServices services)
{
    public async Task<Outcome<bool>> HandleAsync(Request request, AuditSubject subject, JsonObject details, CancellationToken cancellationToken)
    {
        var roles = await services.Roles.GlobalRolesAsync(request.Actor, cancellationToken).ConfigureAwait(false);
        var actor = await Actors.DescribeAsync(services.Directory, request.Actor, roles, cancellationToken).ConfigureAwait(false);
        var change = new ChangeSet(request, actor, services.Now).Audit(AuditAction.ExportGenerated, subject, decision: details);
        return await change.CommitAsync(services.Store, true, cancellationToken).ConfigureAwait(false);
    }
}
