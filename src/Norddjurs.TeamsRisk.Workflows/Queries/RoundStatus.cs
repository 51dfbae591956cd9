using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Reach;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>
/// One invitation of a round as the coordinator follows it (issue 8 item 1): how it reached the owner —
/// <c>pending</c> until the dispatcher tried, then <c>installing</c>, <c>teams</c>, <c>mail</c> or <c>notReached</c> with
/// the reason — and whether the owner opened, submitted, or is overdue (the Danish calendar day after the deadline).
/// </summary>
public sealed record InvitationStatus(
    string AssessmentId,
    string SystemId,
    string OwnerObjectId,
    string? OwnerName,
    string State,
    string Reach,
    string? ReachReason,
    DateTimeOffset? ReachedAt,
    bool Opened,
    bool Submitted,
    bool Overdue,
    bool Cancelled);

public sealed record RoundStatus(string RoundId, string Name, DateOnly Deadline, IReadOnlyList<InvitationStatus> Invitations);

/// <summary>The round's invitations one by one, read from its assessments and what the dispatcher stamped for each.</summary>
public sealed class RoundStatusQuery(UseCaseServices services, Visibility visibility)
{
    public async Task<Outcome<RoundStatus>> ReadAsync(Actor actor, string roundId, CancellationToken cancellationToken)
    {
        var (read, refusal) = await RoundReading.ReadAsync<RoundStatus>(services, visibility, actor, roundId, "round.status", cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return refusal!;
        }

        var (round, assessments) = read;
        var names = new Dictionary<string, string?>(EntraIds.Comparer);
        var invitations = new List<InvitationStatus>();
        foreach (var record in assessments.OrderBy(a => a.SystemId, StringComparer.Ordinal))
        {
            if (!names.TryGetValue(record.OwnerObjectId, out var name))
            {
                name = (await services.Directory.FindUserAsync(record.OwnerObjectId, cancellationToken).ConfigureAwait(false))?.DisplayName;
                names[record.OwnerObjectId] = name;
            }

            var reach = await RecordInvitationReach.ReadAsync(services.Store, record.Id, cancellationToken).ConfigureAwait(false);
            invitations.Add(StatusOf(record, name, reach, round.Deadline));
        }

        return new Outcome<RoundStatus>.Done(new RoundStatus(round.Id, round.Name, round.Deadline, invitations));
    }

    private InvitationStatus StatusOf(AssessmentRecord record, string? ownerName, InvitationReach? reach, DateOnly roundDeadline)
    {
        var cancelled = record.State == AssessmentState.Cancelled;
        var submitted = RoundProgressQuery.IsSubmitted(record.State);
        return new InvitationStatus(
            record.Id,
            record.SystemId,
            record.OwnerObjectId,
            ownerName,
            record.State.ToString(),
            reach is null ? "pending" : JsonNaming(reach.Channel),
            reach?.Reason,
            reach?.At,
            Opened: record.State != AssessmentState.Invited && !cancelled,
            Submitted: submitted,
            Overdue: !cancelled && !submitted && (record.Deadline ?? roundDeadline) < services.Today,
            Cancelled: cancelled);
    }

    private static string JsonNaming(ReachChannel channel) => channel switch
    {
        ReachChannel.Installing => "installing",
        ReachChannel.Teams => "teams",
        ReachChannel.Mail => "mail",
        _ => "notReached",
    };
}
