using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>Builds the conversation reference of teams-bot-protocol.md §5.2 from an authenticated activity.</summary>
public static class ConversationReferences
{
    public static ConversationReference From(Activity activity, ActivityKind kind, BotCaller caller, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(caller);
        var conversation = activity.Conversation;
        var scope = ActivityClassifier.ScopeOf(conversation);
        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            BotChannel = activity.ChannelId,
            TenantId = caller.TenantId,
            ConversationId = conversation.Id,
            ConversationType = scope switch
            {
                ConversationScope.Team => ConversationTypes.Channel,
                ConversationScope.GroupChat => ConversationTypes.GroupChat,
                _ => ConversationTypes.Personal,
            },
            BotId = activity.Recipient?.Id,
            UserId = activity.From?.Id,
            UserAadObjectId = activity.From?.AadObjectId,
            TeamId = activity.ChannelData?.Team?.Id,
            TeamAadGroupId = activity.ChannelData?.Team?.AadGroupId,
            // Install events carry the bare channel id as the conversation; messages carry channelData.channel (§1.6 B, D).
            ChannelId = scope == ConversationScope.Team ? activity.ChannelData?.Channel?.Id ?? conversation.BareId : null,
            LastActivityAt = receivedAt,
            Status = IsBotLeaving(kind) ? ConversationReferenceStatus.Uninstalled : ConversationReferenceStatus.Active,
        };
    }

    private static bool IsBotLeaving(ActivityKind kind) => kind switch
    {
        ActivityKind.Installation { Action: InstallationAction.Remove, IsUpgrade: false } => true,
        ActivityKind.MembersRemoved { IncludesBot: true } => true,
        _ => false,
    };
}
