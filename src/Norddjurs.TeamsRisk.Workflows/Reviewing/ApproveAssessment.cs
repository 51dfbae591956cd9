using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Reviewing;

/// <summary>
/// The committee approves a submission with its recommendation for each above-appetite line. With nothing above
/// the appetite it is final (and supersedes the system's earlier assessment); otherwise it escalates at once,
/// one escalation per line to its band's authority, in the same change.
/// </summary>
public sealed class ApproveAssessment(UseCaseServices services)
{
    private static readonly IReadOnlySet<Role> AsSystem = new HashSet<Role> { Role.System };

    public Task<Outcome<AssessmentChanged>> HandleAsync(
        Request request, string assessmentId, IReadOnlyDictionary<string, string> recommendations, CancellationToken cancellationToken) =>
        AssessmentTransitionRunner.RunAsync<AssessmentChanged>(services, request, assessmentId, async (context, change, ct) =>
        {
            var record = context.Record.Value;
            var method = services.Methods.FindMethod(record.Assessment.Method);
            if (method is null)
            {
                return Outcome<AssessmentChanged>.From(DomainError.Of(AssessmentErrorCodes.MethodMismatch, ("method", $"{record.Assessment.Method.Id} {record.Assessment.Method.Version}")));
            }

            var approval = AssessmentWorkflow.Approve(record.Assessment, context.Roles, method, recommendations);
            if (!approval.IsSuccess)
            {
                return Outcome<AssessmentChanged>.From(approval.Errors);
            }

            var approved = record.WithState(AssessmentState.Approved) with
            {
                Recommendations = recommendations.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key, r => r.Value.Trim(), StringComparer.Ordinal),
                Review = CommitteeReview.By(change),
                Dates = (record.Dates ?? new AssessmentDates()) with { ApprovedOn = services.Today },
            };
            change.AuditAssessment(AuditAction.AssessmentApproved, approved);
            foreach (var (eventId, text) in approved.Recommendations)
            {
                change.Audit(AuditAction.RecommendationAdded, new AuditSubject("riskLine", $"{record.Id}:{eventId}"),
                    AuditContexts.For(record.Assessment, record.SystemId), decision: new JsonObject { ["recommendation"] = text });
            }

            var escalations = approval.Value;
            var final = approved;
            if (escalations.Count > 0)
            {
                final = approved.WithState(AssessmentWorkflow.Escalate(approved.State, AsSystem, escalations).Value);
                await EscalateAsync(change, context, final, escalations, ct).ConfigureAwait(false);
            }
            else
            {
                await Supersession.SupersedeEarlierAsync(services.Store, change, final, ct).ConfigureAwait(false);
            }

            change.Save(context.Record, final)
                .Notify(new Notification(NotificationTemplates.Approved, NotificationTarget.User(record.OwnerObjectId),
                    new Dictionary<string, string> { ["assessmentId"] = record.Id, ["state"] = final.State.ToString() }))
                .Notify(Notification.CommitteeCardUpdate(record.Id));
            return await change.CommitAsync(services.Store, new AssessmentChanged(final.Id, final.State), ct).ConfigureAwait(false);
        }, cancellationToken);

    private async Task EscalateAsync(ChangeSet change, AssessmentInContext context, AssessmentRecord record, IReadOnlyList<Escalation> escalations, CancellationToken cancellationToken)
    {
        foreach (var escalation in escalations)
        {
            change.Create(DocumentKinds.Escalation, escalation.Id, escalation, EscalationIndex.Of(escalation))
                .Audit(AuditAction.Escalated, new AuditSubject("escalation", escalation.Id), AuditContexts.For(record.Assessment, record.SystemId),
                    decision: new JsonObject { ["band"] = escalation.BandId, ["authority"] = escalation.Authority.Id(), ["complianceGap"] = escalation.ComplianceGap });
            var target = await AuthorityTargetAsync(context, escalation.Authority, cancellationToken).ConfigureAwait(false);
            change.Notify(new Notification(NotificationTemplates.EscalationPending, target,
                new Dictionary<string, string> { ["escalationId"] = escalation.Id, ["assessmentId"] = record.Id, ["eventId"] = escalation.EventId, ["band"] = escalation.BandId }));
        }
    }

    /// <summary>The area manager is a person (register, or the owner's Entra manager); the directorate is a group.</summary>
    private async Task<NotificationTarget> AuthorityTargetAsync(AssessmentInContext context, Role authority, CancellationToken cancellationToken)
    {
        if (authority == Role.AreaManager)
        {
            var named = await AssessmentAccess.ObjectIdOfAsync(services.Directory, context.System.People.AreaManager, cancellationToken).ConfigureAwait(false);
            var manager = named ?? (await services.Directory.FindManagerAsync(context.Record.Value.OwnerObjectId, cancellationToken).ConfigureAwait(false))?.ObjectId;
            if (manager is not null)
            {
                return NotificationTarget.User(manager);
            }
        }

        if (authority == Role.SystemOwner)
        {
            return NotificationTarget.User(context.Record.Value.OwnerObjectId);
        }

        // No person to reach (or a group authority): the role's members are told, and the coordinator sees it.
        return NotificationTarget.ForRole(authority.Id());
    }
}

public static class EscalationIndex
{
    public static IReadOnlyDictionary<string, string> Of(Escalation escalation) => new Dictionary<string, string>
    {
        ["assessmentId"] = escalation.AssessmentId,
        ["state"] = escalation.State.ToString(),
        ["authorityRole"] = escalation.Authority.Id(),
    };
}
