using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Workflows.Queries;

/// <summary>One round in the list: when it started, its deadline, and how far its owners have come.</summary>
public sealed record RoundSummary(
    string RoundId, string Name, DateTimeOffset StartedAt, DateOnly Deadline, int Invited, int Opened, int Submitted, int Overdue, int Cancelled);

public sealed record RoundList(IReadOnlyList<RoundSummary> Rounds);

/// <summary>
/// Every round, the newest first, so the coordinator can follow any of them (each opens with <see cref="RoundStatusQuery"/>);
/// for the same readers as a round's status. Every round's assessments are read together, not one round after another.
/// </summary>
public sealed class RoundListQuery(UseCaseServices services, Visibility visibility)
{
    public async Task<Outcome<RoundList>> ReadAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!await visibility.HoldsAnyAsync(actor, RoundReading.Readers, cancellationToken).ConfigureAwait(false))
        {
            return Outcome<RoundList>.From(RoundReading.Refused("round.list"));
        }

        var rounds = await services.Store.LoadAllAsync<RoundRecord>(DocumentKinds.Round, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        var ordered = rounds.Select(r => r.Value).OrderByDescending(r => r.StartedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var assessmentsPerRound = await services.Store.LoadAllManyAsync<AssessmentRecord>(
            DocumentKinds.Assessment, "roundId", [.. ordered.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
        var summaries = new List<RoundSummary>();
        foreach (var (round, assessments) in ordered.Zip(assessmentsPerRound))
        {
            var counts = RoundCounts.Of([.. assessments.Select(a => a.Value)], round.Deadline, services.Today);
            summaries.Add(new RoundSummary(round.Id, round.Name, round.StartedAt, round.Deadline, counts.Invited, counts.Opened, counts.Submitted, counts.Overdue, counts.Cancelled));
        }

        return new Outcome<RoundList>.Done(new RoundList(summaries));
    }
}
