using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Committee;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Core.Workflow;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Rounds;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Committee;

/// <summary>An assessment as the committee's card needs it: the record at its stored version and its system.</summary>
internal sealed record CommitteeSubject(Loaded<AssessmentRecord> Record, CriticalSystem System)
{
    public AssessmentRecord Value => Record.Value;

    /// <summary>The stored version: an action from a card built for another one is stale.</summary>
    public string Stamp => Record.Document.Version.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Builds the committee's card of a submission from the stored assessment, for whoever sees it: the lines highest first
/// with the owner's treatments from the summary view the owner saw, the decision once there is one. Committee cards are
/// Danish: the channel is shared (design.md §9), and a member's own view follows their language.
/// </summary>
internal sealed class CommitteeCards(UseCaseServices services, CommitteeAudience audience)
{
    public async Task<CommitteeSubject?> LoadAsync(string assessmentId, CancellationToken cancellationToken)
    {
        var record = await services.Store.LoadAsync<AssessmentRecord>(DocumentKinds.Assessment, assessmentId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var system = await services.Store.LoadAsync<CriticalSystem>(DocumentKinds.System, StableIds.SystemDocumentId(record.Value.SystemId), cancellationToken).ConfigureAwait(false);
        return system is null ? null : new CommitteeSubject(record, system.Value);
    }

    /// <summary>
    /// The card for everyone (posted, and PUT after a decision). Only this one carries the members' refresh: a card
    /// answered to one viewer replaces the message for them alone, and the next PUT brings the refresh back.
    /// </summary>
    public async Task<JsonObject> SharedAsync(CommitteeSubject subject, CancellationToken cancellationToken)
    {
        var refresh = subject.Value.State == AssessmentState.Submitted ? await audience.MemberIdsAsync(cancellationToken).ConfigureAwait(false) : [];
        return await BuildAsync(subject, member: false, Language.Danish, new CommitteeCardExtras { RefreshUserIds = refresh }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One viewer's card: actionable for a member while the submission waits, otherwise what everyone sees.</summary>
    public async Task<JsonObject> BuildAsync(CommitteeSubject subject, bool member, Language language, CommitteeCardExtras extras, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(subject, language, cancellationToken).ConfigureAwait(false);
        var mode = subject.Value.State != AssessmentState.Submitted ? CommitteeCardMode.Decided
            : member ? CommitteeCardMode.Actionable
            : CommitteeCardMode.ReadOnly;
        return CommitteeCard.Build(
            model with { Mode = mode, Notice = extras.Notice, Errors = extras.Errors, Typed = extras.Typed, RefreshUserIds = extras.RefreshUserIds },
            language);
    }

    /// <summary>The lines that need the committee's recommendation (risk-method.md §3.4: above the appetite, or the band's rule asks).</summary>
    public IReadOnlyList<RiskLine> NeedingRecommendation(CommitteeSubject subject)
    {
        var method = services.Methods.FindMethod(subject.Value.Assessment.Method);
        return method is null ? [] : [.. subject.Value.Assessment.Lines.Where(l => AssessmentWorkflow.NeedsRecommendation(l, method))];
    }

    private async Task<CommitteeCardModel> ModelAsync(CommitteeSubject subject, Language language, CancellationToken cancellationToken)
    {
        var record = subject.Value;
        var method = services.Methods.FindMethod(record.Assessment.Method)
            ?? throw new InvalidOperationException($"Assessment {record.Id} pins method {record.Assessment.Method.Id} {record.Assessment.Method.Version}, which this app does not know.");
        var catalogue = services.Methods.FindCatalogue(record.Assessment.Catalogue)
            ?? throw new InvalidOperationException($"Assessment {record.Id} pins a catalogue this app does not know.");
        var summary = (SummaryStepView)new GuidedFlow(method, catalogue, NoNewIds.Instance)
            .View(record.Flow with { Step = FlowStep.Summary, FromSummary = false }, services.Today, language);

        var lines = summary.Lines
            .Where(l => l.Score is not null && record.Assessment.Line(l.Event.Id) is not null)
            .OrderByDescending(l => l.Score!.Points).ThenByDescending(l => l.Score!.Band.Order)
            .Select(l =>
            {
                var line = record.Assessment.Line(l.Event.Id)!;
                return new CommitteeCardLine(
                    l.Event.Id, l.Event.Name, CardValues.Score(l.Score!), AssessmentWorkflow.NeedsRecommendation(line, method),
                    Treatment(line, l.Residual), record.Recommendations?.GetValueOrDefault(l.Event.Id));
            })
            .ToList();

        return new CommitteeCardModel(
            record.Id, subject.System.Name, await OwnerNameAsync(record, subject.System, cancellationToken).ConfigureAwait(false),
            await RoundNameAsync(record, cancellationToken).ConfigureAwait(false), await SubmittedOnAsync(record, cancellationToken).ConfigureAwait(false),
            lines, Headline(summary.Headline), summary.Flags, CommitteeCardMode.ReadOnly)
        {
            Stamp = subject.Stamp,
            Decision = Decision(record),
        };
    }

    private static CommitteeCardTreatment? Treatment(RiskLine line, ScoreView? residual) => line.Treatment is not { } treatment ? null : new(
        treatment.Kind,
        treatment.Justification,
        [.. treatment.InterimMeasures.Select(m => new CommitteeCardMeasure(m.Description, null)), .. treatment.Measures.Select(m => new CommitteeCardMeasure(m.Description, m.Deadline))],
        residual is null ? null : CardValues.Score(residual));

    /// <summary>After a return the comment is kept until the owner submits again; an approval keeps none.</summary>
    private static CommitteeCardDecision? Decision(AssessmentRecord record) =>
        record.State == AssessmentState.Submitted || record.Review is not { } review
            ? null
            : new CommitteeCardDecision(record.ReturnComment is null, review.ByName, DanishTime.DateOf(review.At), record.ReturnComment);

    private static CardHeadline Headline(HeadlineView headline) => new(
        headline.Highest is { } highest ? CardValues.Band(highest) : null,
        [.. headline.Counts.Select(c => new CardBandCount(CardValues.Band(c.Band), c.Count))],
        headline.AboveAppetite);

    private async Task<string> OwnerNameAsync(AssessmentRecord record, CriticalSystem system, CancellationToken cancellationToken)
    {
        var owner = await services.Directory.FindUserAsync(record.OwnerObjectId, cancellationToken).ConfigureAwait(false);
        return owner?.DisplayName ?? system.People.SystemOwner.Upn ?? record.OwnerObjectId;
    }

    private async Task<string?> RoundNameAsync(AssessmentRecord record, CancellationToken cancellationToken) =>
        record.Assessment.RoundId is { Length: > 0 } roundId
            ? (await services.Store.LoadAsync<RoundRecord>(DocumentKinds.Round, roundId, cancellationToken).ConfigureAwait(false))?.Value.Name
            : null;

    private async Task<DateOnly?> SubmittedOnAsync(AssessmentRecord record, CancellationToken cancellationToken) =>
        record.SnapshotId is { } snapshotId
        && await services.Store.LoadAsync<SnapshotRecord>(DocumentKinds.Snapshot, snapshotId, cancellationToken).ConfigureAwait(false) is { } snapshot
            ? DanishTime.DateOf(snapshot.Value.SubmittedAt)
            : null;

    /// <summary>The summary view creates nothing; a flow still wants an id source.</summary>
    private sealed class NoNewIds : IIdSource
    {
        public static NoNewIds Instance { get; } = new();

        public string NewId() => throw new InvalidOperationException("The committee's card creates nothing.");
    }
}

/// <summary>What a refused action adds to a member's card (a notice, errors next to the inputs, what they typed), or the shared card's refresh.</summary>
internal sealed record CommitteeCardExtras
{
    public string? Notice { get; init; }

    public IReadOnlyList<CardFieldError> Errors { get; init; } = [];

    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}
