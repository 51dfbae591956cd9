namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// Where to write: a conversation at a connector. <see cref="ServiceUrl"/> MUST come from an authenticated inbound
/// activity (its JWT <c>serviceurl</c> claim matched, §2.2), or from a conversation reference stored from one (§5.2) —
/// never from user input, card data or a query string (§3.7). The client also refuses hosts off the allow-list.
/// </summary>
/// <param name="ServiceUrl">The activity's <c>serviceUrl</c>, with or without the trailing slash.</param>
/// <param name="ConversationId">Opaque; may contain <c>:</c>, <c>;messageid=</c>, <c>@</c> — it is escaped in the URL.</param>
/// <param name="BotId">Our bot's channel account id (the inbound <c>recipient.id</c>); sent as <c>from</c> when known.</param>
public sealed record ConversationAddress(Uri ServiceUrl, string ConversationId, string? BotId = null);

/// <summary>
/// Open (or find: repeated calls return the same <c>a:</c> id) the bot's 1:1 chat with a user (§3.5). The app must be
/// installed for the user (§5), else 403 → <see cref="ConnectorFailure.NotInstalled"/>. <see cref="ServiceUrl"/>: as for
/// <see cref="ConversationAddress"/>; before any activity arrived, the public <c>https://smba.trafficmanager.net/teams/</c>.
/// </summary>
/// <param name="UserId">The user's <c>29:</c> id from a roster or event, or the bare Entra object id (aadObjectId) — not <c>29:{guid}</c>.</param>
/// <param name="TenantId">Required by Teams.</param>
/// <param name="FirstMessage">Optional; no activity id comes back for 1:1.</param>
public sealed record PersonalConversationRequest(Uri ServiceUrl, string UserId, string TenantId, OutboundMessage? FirstMessage = null, string? BotId = null);

/// <summary>
/// A new top-level post (thread) in a team channel (§3.5, §5.4): the committee channel. The bot must be installed in the
/// team. The result's <see cref="ConnectorResult.Ok.Id"/> is the thread's conversation id (<c>…;messageid=…</c>, send
/// follow-ups there) and <see cref="ConnectorResult.Ok.ActivityId"/> the root post (update the card there).
/// </summary>
/// <param name="ChannelId">The channel's <c>19:…@thread.tacv2</c> id (the team id posts to General).</param>
/// <param name="FirstMessage">Mandatory: Teams refuses empty threads.</param>
public sealed record ChannelThreadRequest(Uri ServiceUrl, string ChannelId, string TenantId, OutboundMessage FirstMessage, string? BotId = null);
