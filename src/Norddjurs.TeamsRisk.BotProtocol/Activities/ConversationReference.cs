namespace Norddjurs.TeamsRisk.BotProtocol.Activities;

/// <summary>
/// What proactive sending needs (teams-bot-protocol.md §5.2), built from every authenticated activity. The conversation
/// stores it keyed by <see cref="UserAadObjectId"/> for users and by <see cref="ChannelId"/> for the committee channel,
/// refreshing <see cref="ServiceUrl"/> each time.
/// </summary>
public sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }

    /// <summary>The Bot Framework channel, <c>msteams</c>; not a Teams channel (that is <see cref="ChannelId"/>).</summary>
    public required string BotChannel { get; init; }

    public required string? TenantId { get; init; }

    /// <summary>As received, including a channel thread's <c>;messageid=</c> suffix (sending to it answers in the thread).</summary>
    public required string ConversationId { get; init; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>; <c>personal</c> when Teams left it out and <c>isGroup</c> is not true.</summary>
    public required string ConversationType { get; init; }

    /// <summary>The bot's id in this conversation (<c>recipient.id</c>).</summary>
    public string? BotId { get; init; }

    public string? UserId { get; init; }

    public string? UserAadObjectId { get; init; }

    /// <summary>Bot API team id, <c>19:…@thread.tacv2</c>.</summary>
    public string? TeamId { get; init; }

    /// <summary>Graph team id (Microsoft 365 group id); only on some events.</summary>
    public string? TeamAadGroupId { get; init; }

    /// <summary>Teams channel id without a thread suffix, for channel conversations.</summary>
    public string? ChannelId { get; init; }

    public required DateTimeOffset LastActivityAt { get; init; }

    public required ConversationReferenceStatus Status { get; init; }
}

/// <summary><c>Blocked</c> is learnt from outbound 403s (§3.6), never from an inbound activity.</summary>
public enum ConversationReferenceStatus
{
    Active,
    Uninstalled,
    Blocked,
}
