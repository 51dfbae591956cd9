using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>
/// One owner's part of a round. Cancelled assessments count only as cancelled; a returned one is opened but no
/// longer submitted; overdue means not submitted and past the round's deadline (Danish calendar day).
/// </summary>
public sealed record OwnerProgress(string OwnerObjectId, string? DisplayName, int Invited, int Opened, int Submitted, int Overdue, int Cancelled);

public sealed record RoundProgress(string RoundId, string Name, DateOnly Deadline, IReadOnlyList<OwnerProgress> Owners);

/// <summary>How far a round has come, per owner, read from its assessments; for the coordinator, the committee and the auditor.</summary>
public sealed class RoundProgressQuery(UseCaseServices services, Visibility visibility)
{
    public async Task<Outcome<RoundProgress>> ReadAsync(Actor actor, string roundId, CancellationToken cancellationToken)
    {
        var (read, refusal) = await RoundReading.ReadAsync<RoundProgress>(services, visibility, actor, roundId, "progress", cancellationToken).ConfigureAwait(false);
        if (read is null)
        {
            return refusal!;
        }

        var (round, assessments) = read;
        var owners = new List<OwnerProgress>();
        foreach (var group in assessments.GroupBy(a => a.OwnerObjectId, EntraIds.Comparer).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var person = await services.Directory.FindUserAsync(group.Key, cancellationToken).ConfigureAwait(false);
            owners.Add(Count(group.Key, person?.DisplayName, [.. group], round.Deadline));
        }

        return new Outcome<RoundProgress>.Done(new RoundProgress(round.Id, round.Name, round.Deadline, owners));
    }

    private OwnerProgress Count(string owner, string? name, IReadOnlyList<AssessmentRecord> records, DateOnly roundDeadline)
    {
        var counts = RoundCounts.Of(records, roundDeadline, services.Today);
        return new OwnerProgress(owner, name, counts.Invited, counts.Opened, counts.Submitted, counts.Overdue, counts.Cancelled);
    }

    internal static bool IsSubmitted(AssessmentState state) =>
        state is AssessmentState.Submitted or AssessmentState.Approved or AssessmentState.Escalated or AssessmentState.Decided or AssessmentState.Superseded;
}
