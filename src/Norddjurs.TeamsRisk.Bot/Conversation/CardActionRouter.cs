using System.Text.Json;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Rendering;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Outcome;
using Norddjurs.TeamsRisk.Cards.Welcome;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Assessments;
using Norddjurs.TeamsRisk.Workflows.Assessing;
using Norddjurs.TeamsRisk.Workflows.Common;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>
/// Every card action, whether it came as an invoke (Action.Execute) or as a message (the Action.Submit fallback):
/// validated on the server against the current step and state, then applied through the use cases. The answer is
/// always a card — the next step, the same step with its errors and the owner's answers, or the current step when the
/// card was stale — and nothing changes unless the action was valid (teams-bot-protocol.md §4; issue 6 item 3).
/// </summary>
internal sealed class CardActionRouter(
    UseCaseServices services,
    AssessmentCards cards,
    AssessmentList list,
    StepInputReader reader,
    OpenAssessment open,
    SaveStep save,
    MoveStep move,
    SubmitAssessment submit,
    Committee.CommitteeCardRouter committee,
    Escalation.EscalationCardRouter escalation)
{
    public async Task<JsonObject> HandleAsync(BotTurn turn, CardActionData action, JsonElement data, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        switch (action.Verb)
        {
            case CardVerbs.Start:
                return await list.CardAsync(turn.Actor, language, cancellationToken, action.Page ?? 0).ConfigureAwait(false);
            case var verb when Committee.CommitteeCardRouter.Handles(verb):
                return await committee.HandleAsync(turn, action, data, cancellationToken).ConfigureAwait(false);
            case var verb when Escalation.EscalationCardRouter.Handles(verb):
                return await escalation.HandleAsync(turn, action, data, cancellationToken).ConfigureAwait(false);
            case CardVerbs.Open or CardVerbs.View or CardVerbs.Next or CardVerbs.Save or CardVerbs.Back or CardVerbs.Jump or CardVerbs.Submit
                when action.AssessmentId is { Length: > 0 } id:
                return await OnAssessmentAsync(turn, action, id, data, cancellationToken).ConfigureAwait(false);
            default:
                return AssessmentCards.Error(BotTexts.Get("error.unknown_action", language), language, new CardActionData(CardVerbs.Start));
        }
    }

    private async Task<JsonObject> OnAssessmentAsync(BotTurn turn, CardActionData action, string assessmentId, JsonElement data, CancellationToken cancellationToken)
    {
        var changes = action.Verb is not CardVerbs.View;

        // A click that commits (a step answered, open, submit) acts on this instance's cached copy when it has one: its commit
        // names the version read, so a stale copy or a key applied before comes back as a conflict or a replay (design.md §2
        // latency budget).
        var commits = action.Verb is CardVerbs.Next or CardVerbs.Save or CardVerbs.Open or CardVerbs.Submit;
        var read = await cards.ReadAsync(turn.Actor, assessmentId, changes ? turn.IdempotencyKey : null, cachedIfPossible: commits, cancellationToken).ConfigureAwait(false);
        if (read.Cached)
        {
            if (read.Context is { } cached && await TryOnCachedAsync(turn, action, cached, data, cancellationToken).ConfigureAwait(false) is { } answered)
            {
                return answered;
            }

            // Anything but a step committed now was decided on a copy that may be stale, or may be a replay: read the store.
            read = await cards.ReadAsync(turn.Actor, assessmentId, turn.IdempotencyKey, cachedIfPossible: false, cancellationToken).ConfigureAwait(false);
        }

        return await OnReadAsync(turn, action, read, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The click on the cached copy; null unless it committed now (then the next card, from what was committed).</summary>
    private async Task<JsonObject?> TryOnCachedAsync(BotTurn turn, CardActionData action, AssessmentInContext context, JsonElement data, CancellationToken cancellationToken)
    {
        if (!context.Roles.Contains(Role.SystemOwner))
        {
            return null;
        }

        if (action.Verb == CardVerbs.Open)
        {
            return context.Record.Value.State is AssessmentState.Invited or AssessmentState.Returned
                && await open.HandleReplayCheckedAsync(turn.Request, context, cancellationToken).ConfigureAwait(false) is Outcome<AssessmentChanged>.Done { Replayed: false, Value.Saved: { } opened }
                ? await CurrentOrStatusAsync(context with { Record = opened }, turn.Language, null, cancellationToken).ConfigureAwait(false)
                : null;
        }

        if (!context.Record.Value.Assessment.IsEditable || IsStale(action, context))
        {
            return null;
        }

        return action.Verb == CardVerbs.Submit
            ? await TrySubmitOnCachedAsync(turn, context, cancellationToken).ConfigureAwait(false)
            : await TryStepOnCachedAsync(turn, action, context, data, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject?> TryStepOnCachedAsync(BotTurn turn, CardActionData action, AssessmentInContext context, JsonElement data, CancellationToken cancellationToken)
    {

        var stay = action.Verb == CardVerbs.Save;
        var state = context.Record.Value.Flow;
        var read = await reader.ReadAsync(state.Step, data, action.MeasureIds, context.Record.Value.Assessment.Facts, turn.Language, cancellationToken).ConfigureAwait(false);
        var flow = cards.FlowFor(context, AssessmentCards.ScratchIds.Instance);
        if (!read.IsValid || !(stay ? flow.Save(state, read.Input, services.Today, turn.Language) : flow.Next(state, read.Input, services.Today, turn.Language)).Accepted)
        {
            return null;
        }

        var outcome = await save.HandleReplayCheckedAsync(turn.Request, context, read.Input, cancellationToken, stay).ConfigureAwait(false);
        return outcome is Outcome<StepSaved>.Done { Replayed: false, Value.Saved: { } saved }
            ? await CurrentOrStatusAsync(context with { Record = saved }, turn.Language, null, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// A multi-document commit reads the key's applied row with its targets whatever the copy (the store's full path), so a
    /// replay comes back as one and a stale copy as a conflict; both are then answered from a fresh read.
    /// </summary>
    private async Task<JsonObject?> TrySubmitOnCachedAsync(BotTurn turn, AssessmentInContext context, CancellationToken cancellationToken)
    {
        var state = context.Record.Value.Flow;
        if (state.Step.Kind != FlowStepKind.Summary || !cards.FlowFor(context, AssessmentCards.ScratchIds.Instance).CanSubmit(state, services.Today))
        {
            return null;
        }

        var outcome = await submit.HandleReplayCheckedAsync(turn.Request, context, cancellationToken).ConfigureAwait(false);
        return outcome is Outcome<AssessmentChanged>.Done { Replayed: false, Value.Saved: { } submitted }
            ? Confirmation(context with { Record = submitted }, turn.Language)
            : null;
    }

    private async Task<JsonObject> OnReadAsync(BotTurn turn, CardActionData action, AssessmentRead read, JsonElement data, CancellationToken cancellationToken)
    {
        var language = turn.Language;

        // A retried activity answers as the first time, before the stale check would refuse its now-old stamp (design.md §2.2).
        var replayed = action.Verb is not CardVerbs.View && read.Applied is not null;
        if (read.Context is not { } context)
        {
            return AssessmentCards.Error(BotTexts.Get("error.not_found", language), language, new CardActionData(CardVerbs.Start));
        }

        if (!context.Roles.Contains(Role.SystemOwner))
        {
            return AssessmentCards.Error(BotTexts.Get("error.not_owner", language), language, new CardActionData(CardVerbs.Start));
        }

        if (replayed)
        {
            return action.Verb == CardVerbs.Submit && context.Record.Value.State == AssessmentState.Submitted
                ? Confirmation(context, language)
                : await CurrentOrStatusAsync(context, language, null, cancellationToken).ConfigureAwait(false);
        }

        if (action.Verb == CardVerbs.Open)
        {
            return await OpenAsync(turn, context, cancellationToken).ConfigureAwait(false);
        }

        if (action.Verb == CardVerbs.View || !context.Record.Value.Assessment.IsEditable)
        {
            return await CurrentOrStatusAsync(context, language, null, cancellationToken).ConfigureAwait(false);
        }

        if (IsStale(action, context))
        {
            return await cards.CurrentAsync(context, language, BotTexts.Get("notice.stale", language), cancellationToken).ConfigureAwait(false);
        }

        return action.Verb switch
        {
            CardVerbs.Next => await StepAsync(turn, context, action, data, stay: false, cancellationToken).ConfigureAwait(false),
            CardVerbs.Save => await StepAsync(turn, context, action, data, stay: true, cancellationToken).ConfigureAwait(false),
            CardVerbs.Back => await MoveAsync(turn, context, new FlowMove.Back(), cancellationToken).ConfigureAwait(false),
            CardVerbs.Jump => await JumpAsync(turn, context, data, cancellationToken).ConfigureAwait(false),
            _ => await SubmitAsync(turn, context, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>An action from a card built for another version of the assessment, or for another step, is not applied.</summary>
    private static bool IsStale(CardActionData action, AssessmentInContext context) =>
        action.Stamp != AssessmentCards.StampOf(context)
        || AssessmentCards.FlowStepOf(action.Step) != context.Record.Value.Flow.Step;

    private async Task<JsonObject> OpenAsync(BotTurn turn, AssessmentInContext context, CancellationToken cancellationToken)
    {
        if (context.Record.Value.State is AssessmentState.Invited or AssessmentState.Returned)
        {
            // On the assessment read above with the key's applied row; the card shows what the commit wrote, with no read.
            var outcome = await open.HandleReplayCheckedAsync(turn.Request, context, cancellationToken).ConfigureAwait(false);
            if (!outcome.IsDone)
            {
                return await AfterRefusalAsync(turn, context, outcome, cancellationToken).ConfigureAwait(false);
            }

            context = outcome is Outcome<AssessmentChanged>.Done { Value.Saved: { } opened }
                ? context with { Record = opened }
                : await ReloadAsync(turn, context, cancellationToken).ConfigureAwait(false) ?? context;
        }

        return await CurrentOrStatusAsync(context, turn.Language, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> StepAsync(BotTurn turn, AssessmentInContext context, CardActionData action, JsonElement data, bool stay, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        var state = context.Record.Value.Flow;
        var flow = cards.FlowFor(context, AssessmentCards.ScratchIds.Instance);
        var read = await reader.ReadAsync(state.Step, data, action.MeasureIds, context.Record.Value.Assessment.Facts, language, cancellationToken).ConfigureAwait(false);
        if (!read.IsValid)
        {
            var pending = flow.Preview(state, read.Input, services.Today, language);
            return await cards.RenderAsync(context, pending with { Errors = [.. read.Errors, .. pending.Errors] }, cancellationToken).ConfigureAwait(false);
        }

        // The same engine the use case runs, here only to show the refused answers with their errors as typed.
        var trial = stay ? flow.Save(state, read.Input, services.Today, language) : flow.Next(state, read.Input, services.Today, language);
        if (!trial.Accepted)
        {
            return await cards.RenderAsync(context, trial.View, cancellationToken).ConfigureAwait(false);
        }

        // The use case runs on the assessment read above (with the key's applied row); its commit names that version, so
        // nothing changed since is overwritten, and a first application of this key meanwhile comes back as a replay.
        var outcome = await save.HandleReplayCheckedAsync(turn.Request, context, read.Input, cancellationToken, stay).ConfigureAwait(false);
        if (outcome is Outcome<StepSaved>.Done { Value.Saved: { } saved })
        {
            return await CurrentOrStatusAsync(context with { Record = saved }, language, null, cancellationToken).ConfigureAwait(false);
        }

        return outcome.IsDone
            ? await CurrentAfterChangeAsync(turn, context, cancellationToken).ConfigureAwait(false)
            : await AfterRefusalAsync(turn, context, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> JumpAsync(BotTurn turn, AssessmentInContext context, JsonElement data, CancellationToken cancellationToken)
    {
        var token = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(CardInputIds.JumpTarget, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (AssessmentCards.FlowStepOf(CardStep.Parse(token)) is not { } target)
        {
            var view = cards.FlowFor(context, AssessmentCards.ScratchIds.Instance).JumpTo(context.Record.Value.Flow, FlowStep.Summary, services.Today, turn.Language).View;
            return await cards.RenderAsync(context, view, cancellationToken).ConfigureAwait(false);
        }

        return await MoveAsync(turn, context, new FlowMove.JumpTo(target), cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> MoveAsync(BotTurn turn, AssessmentInContext context, FlowMove flowMove, CancellationToken cancellationToken)
    {
        var outcome = await move.HandleAsync(turn.Request, context.Record.Value.Id, flowMove, cancellationToken).ConfigureAwait(false);
        if (outcome is Outcome<StepSaved>.Rejected)
        {
            // Show the engine's own reason on the step the owner is on.
            var flow = cards.FlowFor(context, AssessmentCards.ScratchIds.Instance);
            var state = context.Record.Value.Flow;
            var refused = flowMove is FlowMove.JumpTo jump ? flow.JumpTo(state, jump.Target, services.Today, turn.Language) : flow.Back(state, services.Today, turn.Language);
            return await cards.RenderAsync(context, refused.View, cancellationToken).ConfigureAwait(false);
        }

        return outcome.IsDone
            ? await CurrentAfterChangeAsync(turn, context, cancellationToken).ConfigureAwait(false)
            : await AfterRefusalAsync(turn, context, outcome, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> SubmitAsync(BotTurn turn, AssessmentInContext context, CancellationToken cancellationToken)
    {
        var flow = cards.FlowFor(context, AssessmentCards.ScratchIds.Instance);
        if (context.Record.Value.Flow.Step.Kind != FlowStepKind.Summary || !flow.CanSubmit(context.Record.Value.Flow, services.Today))
        {
            return await cards.CurrentAsync(context, turn.Language, BotTexts.Get("notice.incomplete", turn.Language), cancellationToken).ConfigureAwait(false);
        }

        // On the assessment read above with the key's applied row: neither is read again, nor the assessment after the commit.
        var outcome = await submit.HandleReplayCheckedAsync(turn.Request, context, cancellationToken).ConfigureAwait(false);
        if (!outcome.IsDone)
        {
            return await AfterRefusalAsync(turn, context, outcome, cancellationToken).ConfigureAwait(false);
        }

        var submitted = outcome is Outcome<AssessmentChanged>.Done { Value.Saved: { } saved }
            ? context with { Record = saved }
            : await ReloadAsync(turn, context, cancellationToken).ConfigureAwait(false) ?? context;
        return Confirmation(submitted, turn.Language);
    }

    /// <summary>The confirmation after submission: the headline band, and whether the directorate was told at once (a line in the method's highest band).</summary>
    private JsonObject Confirmation(AssessmentInContext context, Language language)
    {
        var record = context.Record.Value;
        var method = services.Methods.FindMethod(record.Assessment.Method);
        var view = cards.FlowFor(context, AssessmentCards.ScratchIds.Instance).View(record.Flow with { Step = FlowStep.Summary, FromSummary = false }, services.Today, language);
        var highest = (view as SummaryStepView)?.Headline.Highest;
        var top = method?.Bands.MaxBy(b => b.Order);
        return ConfirmationCard.Build(
            new ConfirmationCardModel(ConfirmationKind.Submitted, record.Id, context.System.Name, services.Today)
            {
                HighestBandLabel = highest?.Label,
                DirectorateNotified = highest is not null && top is not null && highest.Id == top.Id,
            },
            language);
    }

    private async Task<JsonObject> CurrentAfterChangeAsync(BotTurn turn, AssessmentInContext context, CancellationToken cancellationToken)
    {
        var reloaded = await ReloadAsync(turn, context, cancellationToken).ConfigureAwait(false);
        return reloaded is null
            ? AssessmentCards.Error(BotTexts.Get("error.not_found", turn.Language), turn.Language, new CardActionData(CardVerbs.Start))
            : await CurrentOrStatusAsync(reloaded, turn.Language, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> AfterRefusalAsync<T>(BotTurn turn, AssessmentInContext context, Outcome<T> outcome, CancellationToken cancellationToken)
    {
        var language = turn.Language;
        switch (outcome)
        {
            case Outcome<T>.NotFound:
                return AssessmentCards.Error(BotTexts.Get("error.not_found", language), language, new CardActionData(CardVerbs.Start));
            case Outcome<T>.Forbidden:
                return AssessmentCards.Error(BotTexts.Get("error.not_owner", language), language, new CardActionData(CardVerbs.Start));
        }

        var current = await ReloadAsync(turn, context, cancellationToken).ConfigureAwait(false) ?? context;
        var notice = outcome is Outcome<T>.Conflict
            ? BotTexts.Get("notice.conflict", language)
            : BotTexts.Format("notice.refused", language, ("reason", string.Join(" ", ((Outcome<T>.Rejected)outcome).Errors.Select(e => e.Message(language)))));
        return await CurrentOrStatusAsync(current, language, notice, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> CurrentOrStatusAsync(AssessmentInContext context, Language language, string? notice, CancellationToken cancellationToken)
    {
        var state = context.Record.Value.State;
        if (state == AssessmentState.InProgress)
        {
            return await cards.CurrentAsync(context, language, notice, cancellationToken).ConfigureAwait(false);
        }

        return state switch
        {
            AssessmentState.Submitted => Confirmation(context, language),
            // Not opened yet (or returned): the one way on is to open it, which the error card offers.
            AssessmentState.Invited or AssessmentState.Returned => AssessmentCards.NotEditable(state, language, new CardActionData(CardVerbs.Open) { AssessmentId = context.Record.Value.Id }),
            _ => AssessmentCards.NotEditable(state, language),
        };
    }

    private Task<AssessmentInContext?> ReloadAsync(BotTurn turn, AssessmentInContext context, CancellationToken cancellationToken) =>
        cards.LoadAsync(turn.Actor, context.Record.Value.Id, cancellationToken);
}
