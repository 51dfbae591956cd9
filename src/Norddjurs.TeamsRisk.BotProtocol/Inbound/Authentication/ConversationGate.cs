using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// teams-bot-protocol.md §2.2 steps 7 and 8 (§7.8): only <c>msteams</c>, only the served tenants, checked before any
/// business logic. The anonymous Development path passes through it too (§2.6).
/// </summary>
internal static class ConversationGate
{
    public static BotAuthenticationResult Check(BotOptions settings, Activity activity, string? appId)
    {
        if (!string.Equals(activity.ChannelId, Channels.MsTeams, StringComparison.Ordinal))
        {
            return new BotAuthenticationResult.Forbidden($"Channel '{activity.ChannelId}' is not served; only msteams is.");
        }

        var fromChannelData = activity.ChannelData?.Tenant?.Id;
        var fromConversation = activity.Conversation.TenantId;
        if (fromChannelData is { Length: > 0 } && fromConversation is { Length: > 0 }
            && !string.Equals(fromChannelData, fromConversation, StringComparison.OrdinalIgnoreCase))
        {
            return new BotAuthenticationResult.Forbidden("channelData.tenant.id and conversation.tenantId name different tenants.");
        }

        var tenantId = activity.TenantId;
        if (string.IsNullOrEmpty(tenantId) || !settings.ServedTenantIds.Contains(tenantId, StringComparer.OrdinalIgnoreCase))
        {
            return new BotAuthenticationResult.Forbidden("The conversation's tenant is not served (Bot:AllowedTenantIds).");
        }

        return new BotAuthenticationResult.Authenticated(
            new BotCaller(appId, activity.ServiceUrl, tenantId, activity.ChannelId, IsAnonymousDevelopment: appId is null));
    }
}
