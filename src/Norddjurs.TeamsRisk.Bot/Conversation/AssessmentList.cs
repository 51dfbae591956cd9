using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.MyAssessments;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Queries;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>The owner's open assessments (invited, in progress, returned), soonest deadline first: the "start" card.</summary>
internal sealed class AssessmentList(AssessmentQueries queries, RoundNames roundNames)
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
        var open = mine.Where(a => Open.Contains(a.Summary.State))
            .OrderBy(a => a.Summary.Deadline ?? DateOnly.MaxValue)
            .ThenBy(a => a.Summary.SystemName, StringComparer.Ordinal);
        foreach (var (summary, stored) in open)
        {
            AssessmentReads.Remember(summary.Id, StableIds.SystemDocumentId(stored.Value.SystemId));
            var steps = GuidedFlow.Steps(stored.Value.Assessment);
            var position = steps.ToList().IndexOf(stored.Value.Flow.Step);
            items.Add(new AssessmentListItem(summary.Id, summary.SystemName ?? summary.SystemId, stored.Document.Version.ToString(CultureInfo.InvariantCulture))
            {
                RoundName = summary.RoundId is { Length: > 0 } roundId ? await roundNames.FindAsync(roundId, cancellationToken).ConfigureAwait(false) : null,
                Deadline = summary.Deadline,
                Started = summary.State != AssessmentState.Invited,
                Returned = summary.State == AssessmentState.Returned,
                StepsDone = Math.Max(position, 0),
                StepCount = steps.Count,
            });
        }

        return items;
    }
}
