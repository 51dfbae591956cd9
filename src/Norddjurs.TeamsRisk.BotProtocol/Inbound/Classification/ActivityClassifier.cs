using System.Text.Json;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>Sorts an activity into the kinds of teams-bot-protocol.md §1.5. Never throws on unknown input (§7.12).</summary>
public static class ActivityClassifier
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static ActivityKind Classify(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type switch
        {
            ActivityTypes.Message => Message(activity),
            ActivityTypes.ConversationUpdate => ConversationUpdate(activity),
            ActivityTypes.InstallationUpdate => Installation(activity),
            ActivityTypes.Invoke => Invoke(activity),
            _ => new ActivityKind.Ignored(activity.Type),
        };
    }

    /// <summary>Personal unless <c>isGroup</c> says otherwise: some clients leave <c>conversationType</c> out (§7.14).</summary>
    public static ConversationScope ScopeOf(ConversationAccount conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.ConversationType switch
        {
            ConversationTypes.Channel => ConversationScope.Team,
            ConversationTypes.GroupChat => ConversationScope.GroupChat,
            ConversationTypes.Personal => ConversationScope.Personal,
            _ => conversation.IsGroup == true ? ConversationScope.GroupChat : ConversationScope.Personal,
        };
    }

    private static ActivityKind Message(Activity activity)
    {
        // A submit with string data arrives as text (§1.5); object data arrives as value with no text.
        if (activity.Value is { ValueKind: JsonValueKind.Object } value && string.IsNullOrWhiteSpace(activity.Text))
        {
            return new ActivityKind.CardSubmit(value);
        }

        var text = BotMention.StripFrom(activity);
        return text.Length > 0 ? new ActivityKind.TextMessage(text) : new ActivityKind.Ignored(activity.Type);
    }

    private static ActivityKind ConversationUpdate(Activity activity)
    {
        var scope = ScopeOf(activity.Conversation);
        if (activity.MembersAdded is { Count: > 0 } added)
        {
            return new ActivityKind.MembersAdded(added, ContainsBot(added, activity), scope);
        }

        if (activity.MembersRemoved is { Count: > 0 } removed)
        {
            return new ActivityKind.MembersRemoved(removed, ContainsBot(removed, activity), scope);
        }

        return new ActivityKind.ConversationEvent(activity.ChannelData?.EventType);
    }

    private static ActivityKind.Installation Installation(Activity activity)
    {
        var (action, isUpgrade) = activity.Action switch
        {
            "add" => (InstallationAction.Add, false),
            "add-upgrade" => (InstallationAction.Add, true),
            "remove" => (InstallationAction.Remove, false),
            "remove-upgrade" => (InstallationAction.Remove, true),
            _ => (InstallationAction.Unknown, false),
        };
        return new ActivityKind.Installation(action, isUpgrade, ScopeOf(activity.Conversation));
    }

    private static ActivityKind Invoke(Activity activity)
    {
        if (activity.Name != InvokeNames.AdaptiveCardAction)
        {
            return new ActivityKind.UnsupportedInvoke(activity.Name);
        }

        var value = activity.Value is { ValueKind: JsonValueKind.Object } v ? v : EmptyObject;
        var action = Property(value, "action") is { ValueKind: JsonValueKind.Object } a ? a : EmptyObject;
        var verb = Property(action, "verb") is { ValueKind: JsonValueKind.String } verbElement ? verbElement.GetString() : null;
        var data = Property(action, "data") is { ValueKind: JsonValueKind.Object } d ? d : EmptyObject;
        var trigger = Property(value, "trigger") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        return new ActivityKind.CardAction(string.IsNullOrEmpty(verb) ? null : verb, data, trigger);
    }

    private static bool ContainsBot(IReadOnlyList<ChannelAccount> members, Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId && members.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal));

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
