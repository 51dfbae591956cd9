using System.Text.Json;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>What an activity means to the conversation (teams-bot-protocol.md §1.5); pattern-match on the derived records.</summary>
public abstract record ActivityKind
{
    private protected ActivityKind()
    {
    }

    /// <summary>Text from a user; in channels and group chats the bot's own <c>&lt;at&gt;</c> mention is already removed.</summary>
    public sealed record TextMessage(string Text) : ActivityKind;

    /// <summary>A <c>message</c> carrying <c>value</c>: an <c>Action.Submit</c> on one of our cards (§1.6 E, the fallback path).</summary>
    public sealed record CardSubmit(JsonElement Data) : ActivityKind;

    /// <summary><c>conversationUpdate</c> with <c>membersAdded</c>; <see cref="IncludesBot"/> when the bot itself was added (install).</summary>
    public sealed record MembersAdded(IReadOnlyList<ChannelAccount> Members, bool IncludesBot, ConversationScope Scope) : ActivityKind;

    /// <summary><c>conversationUpdate</c> with <c>membersRemoved</c>; <see cref="IncludesBot"/> when the bot itself was removed.</summary>
    public sealed record MembersRemoved(IReadOnlyList<ChannelAccount> Members, bool IncludesBot, ConversationScope Scope) : ActivityKind;

    /// <summary>Any other <c>conversationUpdate</c> (<c>channelRenamed</c>, <c>teamArchived</c>, …).</summary>
    public sealed record ConversationEvent(string? EventType) : ActivityKind;

    /// <summary><c>installationUpdate</c>; upgrades count as the add or remove they are.</summary>
    public sealed record Installation(InstallationAction Action, bool IsUpgrade, ConversationScope Scope) : ActivityKind;

    /// <summary>
    /// <c>invoke</c> <c>adaptiveCard/action</c> (§1.6 F/G). <see cref="Verb"/> may be null (a card authored without one);
    /// <see cref="Data"/> is the action's <c>data</c> with the inputs merged in, an empty object when absent.
    /// </summary>
    public sealed record CardAction(string? Verb, JsonElement Data, string? Trigger) : ActivityKind;

    /// <summary>An <c>invoke</c> we do not implement (<c>task/fetch</c>, <c>composeExtension/*</c>, …): answer 501 (§1.5).</summary>
    public sealed record UnsupportedInvoke(string? Name) : ActivityKind;

    /// <summary>A message with neither text nor value, reactions, edits, events, unknown types: answer 200 and ignore (§1.1).</summary>
    public sealed record Ignored(string Type) : ActivityKind;
}

/// <summary>Where the app is installed or the conversation happens.</summary>
public enum ConversationScope
{
    Personal,
    GroupChat,
    Team,
}

public enum InstallationAction
{
    Add,
    Remove,
    Unknown,
}
