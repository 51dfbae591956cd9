using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.FollowUp;
using Norddjurs.TeamsRisk.Core.Method;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries.Review;

/// <summary>
/// What waits for the committee and for the decision-makers, read by the <c>state</c> index. The committee, the
/// coordinator and the auditor read it; only the committee acts, and that is checked by the use cases
/// (<see cref="Reviewing.ApproveAssessment"/>, <see cref="Reviewing.ReturnAssessment"/>), not here.
/// </summary>
public sealed class ReviewQueueQuery(UseCaseServices services, Visibility visibility)
{
    private static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Committee, Role.Coordinator, Role.Auditor };

    public async Task<Outcome<ReviewQueue>> ReadAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<ReviewQueue>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "review.read"), ("roles", "committee, coordinator, auditor")));
        }

        var submitted = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "state", AssessmentState.Submitted.ToString(), cancellationToken).ConfigureAwait(false);
        var submissions = submitted.Select(s => Waiting(s.Value)).OfType<WaitingSubmission>()
            .OrderBy(s => s.ReviewDeadline ?? DateOnly.MaxValue).ThenBy(s => s.AssessmentId, StringComparer.Ordinal).ToList();

        var pending = await services.Store.LoadAllAsync<Escalation>(DocumentKinds.Escalation, "state", EscalationState.Pending.ToString(), cancellationToken).ConfigureAwait(false);
        var escalations = new List<WaitingEscalation>();
        foreach (var group in pending.GroupBy(p => p.Value.AssessmentId, StringComparer.Ordinal))
        {
            var record = (await services.Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, group.Key, cancellationToken).ConfigureAwait(false))?.Value;
            if (record is null)
            {
                continue;
            }

            escalations.AddRange(group.Select(e => Waiting(e.Value, record)).OfType<WaitingEscalation>());
        }

        return new Outcome<ReviewQueue>.Done(new ReviewQueue(submissions,
            [.. escalations.OrderBy(e => e.Deadline ?? DateOnly.MaxValue).ThenBy(e => e.EscalationId, StringComparer.Ordinal)]));
    }

    private WaitingSubmission? Waiting(AssessmentRecord record)
    {
        var method = services.Methods.FindMethod(record.Assessment.Method);
        var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue);
        if (method is null)
        {
            return null;
        }

        var submittedOn = record.Dates?.SubmittedOn;
        var lines = record.Assessment.Lines.Where(l => !l.Score.WithinAppetite)
            .Select(l => new ReviewLine(l.EventId, EventName(catalogue, record.Assessment, l.EventId), l.Score.Points, l.Score.Band,
                l.Treatment?.Kind.Id(), l.Treatment?.Justification))
            .ToList();
        return new WaitingSubmission(
            record.Id, record.SystemId, record.SystemName ?? record.SystemId, record.OwnerName, submittedOn,
            submittedOn is { } on ? CommitteeReviewDeadline.For(on, method.Deadlines) : null,
            Headline.Of(record.Assessment.Lines, method).Highest, lines);
    }

    private WaitingEscalation? Waiting(Escalation escalation, AssessmentRecord record)
    {
        var method = services.Methods.FindMethod(record.Assessment.Method);
        if (method is null)
        {
            return null;
        }

        var escalatedOn = record.Dates?.ApprovedOn;
        var deadline = escalatedOn is { } on
            ? DecisionDeadline.For(new EscalationFacts(escalation.Id, escalation.Authority, escalation.State, on), method.Deadlines)
            : null;
        return new WaitingEscalation(
            escalation.Id, escalation.AssessmentId, record.SystemName ?? record.SystemId, escalation.EventId,
            EventName(services.Methods.FindCatalogue(record.Assessment.Catalogue), record.Assessment, escalation.EventId),
            method.Band(escalation.BandId), escalation.Authority, escalation.Recommendation, deadline);
    }

    /// <summary>The catalogue's name, or the owner's custom event's, or the id when neither knows it.</summary>
    internal static LocalizedText EventName(Core.Catalogue.EventCatalogue? catalogue, Assessment assessment, string eventId) =>
        catalogue?.Find(eventId)?.Name ?? assessment.CustomEvents.FirstOrDefault(e => e.Id == eventId)?.Name ?? new LocalizedText(eventId, eventId);
}
