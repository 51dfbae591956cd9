using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.Cards.Actions;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Cards.Welcome;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>
/// The conversation behind <c>/api/messages</c> (issue 6): the welcome card on install, the text commands, and the
/// guided assessment as cards. Invokes answer with the next card in the HTTP response (Universal Actions, §4.1), so the
/// chat keeps one card that moves forward; messages and events answer 200 at once and reply through the outbox.
/// </summary>
internal sealed partial class BotConversation(
    CardActionRouter actions,
    AssessmentList list,
    UserPreferences preferences,
    Replies replies,
    ConversationReferenceStore references,
    ILogger<BotConversation> logger) : IActivityHandler
{
    public async Task<ActivityResponse> HandleAsync(InboundActivity activity, TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(context);
        // Every authenticated activity refreshes where the bot can reach this person or channel later (§5.2). A routine one
        // (a click, a message) skips the read when this instance saw the same reference stored; install and removal events
        // always read, since another instance may have marked the reference blocked or uninstalled meanwhile. The save runs
        // beside the answer, which does not depend on it (a reply carries its own reference): the install's welcome does not
        // wait for it. The activity is acknowledged only when both are stored; a retry of either is a replay.
        var routine = activity.Kind is ActivityKind.CardAction or ActivityKind.CardSubmit or ActivityKind.TextMessage;
        var saving = routine
            ? references.SaveIfChangedAsync(context.ConversationReference, cancellationToken)
            : references.SaveAsync(context.ConversationReference, cancellationToken);
        ActivityResponse response;
        try
        {
            response = await AnswerAsync(activity, context, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await Task.WhenAny(saving).ConfigureAwait(false);
            throw;
        }

        await saving.ConfigureAwait(false);
        return response;
    }

    private async Task<ActivityResponse> AnswerAsync(InboundActivity activity, TurnContext context, CancellationToken cancellationToken)
    {
        switch (activity.Kind)
        {
            case ActivityKind.CardAction action:
                return ActivityResponse.Invoke(InvokeResponse.Card(await OnCardActionAsync(activity, context, action.Verb, action.Data, cancellationToken).ConfigureAwait(false)));
            case ActivityKind.CardSubmit submit:
                await ReplyAsync(activity, context, turn => OnCardActionAsync(activity, context, null, submit.Data, cancellationToken), cancellationToken).ConfigureAwait(false);
                return ActivityResponse.Ok;
            case ActivityKind.TextMessage text:
                await ReplyAsync(activity, context, turn => OnTextAsync(turn, text.Text, cancellationToken), cancellationToken).ConfigureAwait(false);
                return ActivityResponse.Ok;
            case ActivityKind.MembersAdded { IncludesBot: true }:
                await ReplyAsync(activity, context, turn => WelcomeAsync(turn, activity.Activity.From?.Name, cancellationToken), cancellationToken).ConfigureAwait(false);
                return ActivityResponse.Ok;
            case ActivityKind.UnsupportedInvoke:
                return ActivityResponse.NotImplemented;
            default:
                // Installation, removal and other events: the conversation reference (stored by the caller) is all they change.
                return ActivityResponse.Ok;
        }
    }

    private async Task<JsonObject> OnCardActionAsync(InboundActivity activity, TurnContext context, string? verb, JsonElement data, CancellationToken cancellationToken)
    {
        var turn = await TurnAsync(activity, context, cancellationToken).ConfigureAwait(false);
        var language = turn?.Language ?? await LanguageAsync(activity, cancellationToken).ConfigureAwait(false);
        if (turn is null)
        {
            return AssessmentCards.Error(BotTexts.Get("error.no_identity", language), language);
        }

        var json = data.ValueKind == JsonValueKind.Object ? JsonNode.Parse(data.GetRawText()) as JsonObject : null;
        var action = CardActionData.Read(json, verb);
        if (action is null)
        {
            return AssessmentCards.Error(BotTexts.Get("error.unknown_action", language), language, new CardActionData(CardVerbs.Start));
        }

        LogAction(logger, action.Verb, action.AssessmentId);
        return await actions.HandleAsync(turn, action, data, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> OnTextAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        switch (TextCommand.Parse(text))
        {
            case TextCommand.MyAssessments:
                return await list.CardAsync(turn.Actor, turn.Language, cancellationToken).ConfigureAwait(false);
            case TextCommand.ChooseLanguage choose:
                var language = choose.Language ?? (turn.Language == Language.Danish ? Language.English : Language.Danish);
                await preferences.ChooseAsync(turn.Actor.ObjectId, language, turn.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                return await WelcomeAsync(turn with { Language = language }, turn.Actor.Name, cancellationToken).ConfigureAwait(false);
            default:
                return await WelcomeAsync(turn, turn.Actor.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<JsonObject> WelcomeAsync(BotTurn turn, string? name, CancellationToken cancellationToken)
    {
        var open = turn.Conversation.ConversationType == "personal" ? await list.CountAsync(turn.Actor, cancellationToken).ConfigureAwait(false) : 0;
        return WelcomeCard.Build(new WelcomeCardModel(turn.Conversation.ConversationType == "personal" ? name : null, open), turn.Language);
    }

    /// <summary>Builds the reply card and queues it; an activity whose sender the bot cannot identify gets the error card.</summary>
    private async Task ReplyAsync(InboundActivity activity, TurnContext context, Func<BotTurn, Task<JsonObject>> build, CancellationToken cancellationToken)
    {
        var turn = await TurnAsync(activity, context, cancellationToken).ConfigureAwait(false);
        if (turn is null)
        {
            var language = await LanguageAsync(activity, cancellationToken).ConfigureAwait(false);
            var anonymous = AnonymousTurn(activity, context, language);
            await replies.SendCardAsync(anonymous, AssessmentCards.Error(BotTexts.Get("error.no_identity", language), language), cancellationToken).ConfigureAwait(false);
            return;
        }

        await replies.SendCardAsync(turn, await build(turn).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person behind the activity: tenant from the token, Entra object id from <c>from.aadObjectId</c> (design.md §4).</summary>
    private async Task<BotTurn?> TurnAsync(InboundActivity inbound, TurnContext context, CancellationToken cancellationToken)
    {
        var from = inbound.Activity.From;
        if (from?.AadObjectId is not { Length: > 0 } objectId)
        {
            return null;
        }

        var actor = Actor.Of(context.Caller.TenantId, objectId, from.Name);
        var language = await preferences.LanguageAsync(objectId, inbound.Activity.Locale, cancellationToken).ConfigureAwait(false);
        return new BotTurn(actor, language, KeyOf(inbound, context), context.ConversationReference, ReplyToIdOf(inbound));
    }

    private static BotTurn AnonymousTurn(InboundActivity inbound, TurnContext context, Language language) =>
        new(Actor.Of(context.Caller.TenantId, "unknown"), language, KeyOf(inbound, context), context.ConversationReference, ReplyToIdOf(inbound));

    private Task<Language> LanguageAsync(InboundActivity inbound, CancellationToken cancellationToken) =>
        preferences.LanguageAsync(inbound.Activity.From?.AadObjectId, inbound.Activity.Locale, cancellationToken);

    /// <summary>An activity without an id cannot be de-duplicated; it still gets a key of its own.</summary>
    private static string KeyOf(InboundActivity inbound, TurnContext context) =>
        context.IdempotencyKey ?? $"{inbound.Activity.Conversation.Id}|no-id-{Guid.NewGuid():N}";

    /// <summary>In channels a reply goes into the thread of the message; in a 1:1 chat a new message is clearer.</summary>
    private static string? ReplyToIdOf(InboundActivity inbound) =>
        inbound.Activity.Conversation.ConversationType is "channel" ? inbound.Activity.Id : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action {Verb} on assessment {AssessmentId}")]
    private static partial void LogAction(ILogger logger, string verb, string? assessmentId);
}
