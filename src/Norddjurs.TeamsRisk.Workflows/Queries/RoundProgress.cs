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
    private static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Coordinator, Role.Committee, Role.Auditor };

    public async Task<Outcome<RoundProgress>> ReadAsync(Actor actor, string roundId, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<RoundProgress>.From(DomainError.Of(WorkflowErrorCodes.RoleMissing, ("action", "progress"), ("roles", "coordinator, committee, auditor")));
        }

        var round = await services.Store.LoadAsync<RoundRecord>(DocumentKinds.Round, roundId, cancellationToken).ConfigureAwait(false);
        if (round is null)
        {
            return new Outcome<RoundProgress>.NotFound();
        }

        var assessments = await services.Store.LoadAllAsync<AssessmentRecord>(DocumentKinds.Assessment, "roundId", roundId, cancellationToken).ConfigureAwait(false);
        var owners = new List<OwnerProgress>();
        foreach (var group in assessments.Select(a => a.Value).GroupBy(a => a.OwnerObjectId, EntraIds.Comparer).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var person = await services.Directory.FindUserAsync(group.Key, cancellationToken).ConfigureAwait(false);
            owners.Add(Count(group.Key, person?.DisplayName, [.. group], round.Value.Deadline));
        }

        return new Outcome<RoundProgress>.Done(new RoundProgress(round.Value.Id, round.Value.Name, round.Value.Deadline, owners));
    }

    private OwnerProgress Count(string owner, string? name, IReadOnlyList<AssessmentRecord> records, DateOnly roundDeadline)
    {
        var live = records.Where(r => r.State != AssessmentState.Cancelled).ToList();
        var submitted = live.Count(r => IsSubmitted(r.State));
        var overdue = live.Count(r => !IsSubmitted(r.State) && (r.Deadline ?? roundDeadline) < services.Today);
        return new OwnerProgress(owner, name, live.Count, live.Count(r => r.State != AssessmentState.Invited), submitted, overdue, records.Count - live.Count);
    }

    internal static bool IsSubmitted(AssessmentState state) =>
        state is AssessmentState.Submitted or AssessmentState.Approved or AssessmentState.Escalated or AssessmentState.Decided or AssessmentState.Superseded;
}
