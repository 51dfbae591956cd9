using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>What the protocol established about one inbound activity.</summary>
/// <param name="Caller">What the token proved: app id, serviceUrl, tenant.</param>
/// <param name="ConversationReference">Built from this activity (§5.2); the handler stores it to send proactively later.</param>
/// <param name="IdempotencyKey">Conversation id + activity id (design.md §2.2); null only if the activity has no id.</param>
/// <param name="ReceivedAt">When the request arrived, from the app's <see cref="TimeProvider"/>.</param>
public sealed record TurnContext(BotCaller Caller, ConversationReference ConversationReference, string? IdempotencyKey, DateTimeOffset ReceivedAt);
