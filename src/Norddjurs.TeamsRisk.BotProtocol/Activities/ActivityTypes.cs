namespace Norddjurs.TeamsRisk.BotProtocol.Activities;

/// <summary>Activity types as on the wire; compare ordinally (teams-bot-protocol.md §1.2).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Event = "event";
}

/// <summary>Invoke names we know (§1.5).</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary><c>conversation.conversationType</c> values (§1.2).</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

/// <summary>Channel ids (§1.2): production traffic is <c>msteams</c>.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
}
