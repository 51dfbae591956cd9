using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.MyAssessments;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Queries;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>The owner's open assessments (invited, in progress, returned), soonest deadline first: the "start" card.</summary>
internal sealed class AssessmentList(UseCaseServices services, AssessmentQueries queries)
{
    private static readonly AssessmentState[] Open = [AssessmentState.Invited, AssessmentState.InProgress, AssessmentState.Returned];

    public async Task<JsonObject> CardAsync(Actor actor, Language language, CancellationToken cancellationToken, int page = 0) =>
        MyAssessmentsCard.Build(new MyAssessmentsCardModel(await ItemsAsync(actor, cancellationToken).ConfigureAwait(false), page), language);

    public async Task<int> CountAsync(Actor actor, CancellationToken cancellationToken) =>
        (await queries.ListAsync(actor, mine: true, cancellationToken).ConfigureAwait(false)).Count(a => Open.Contains(a.State));

    private async Task<IReadOnlyList<AssessmentListItem>> ItemsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var mine = await queries.ListStoredAsync(actor, mine: true, cancellationToken).ConfigureAwait(false);
        var items = new List<AssessmentListItem>();
        var rounds = new Dictionary<string, string?>(StringComparer.Ordinal);
        var open = mine.Where(a => Open.Contains(a.Summary.State))
            .OrderBy(a => a.Summary.Deadline ?? DateOnly.MaxValue)
            .ThenBy(a => a.Summary.SystemName, StringComparer.Ordinal);
        foreach (var (summary, stored) in open)
        {
            var steps = GuidedFlow.Steps(stored.Value.Assessment);
            var position = steps.ToList().IndexOf(stored.Value.Flow.Step);
            items.Add(new AssessmentListItem(summary.Id, summary.SystemName ?? summary.SystemId, stored.Document.Version.ToString(CultureInfo.InvariantCulture))
            {
                RoundName = summary.RoundId is { Length: > 0 } roundId ? await RoundNameAsync(roundId, rounds, cancellationToken).ConfigureAwait(false) : null,
                Deadline = summary.Deadline,
                Started = summary.State != AssessmentState.Invited,
                Returned = summary.State == AssessmentState.Returned,
                StepsDone = Math.Max(position, 0),
                StepCount = steps.Count,
            });
        }

        return items;
    }

    private async Task<string?> RoundNameAsync(string roundId, Dictionary<string, string?> known, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(roundId, out var name))
        {
            name = (await services.Store.LoadAsync<RoundRecord>(DocumentKinds.Round, roundId, cancellationToken).ConfigureAwait(false))?.Value.Name;
            known[roundId] = name;
        }

        return name;
    }
}
