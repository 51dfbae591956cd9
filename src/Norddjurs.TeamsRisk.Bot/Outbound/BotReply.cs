using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Activities;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// The payload of an <c>OutboxKinds.TeamsReply</c> row: an activity the bot already rendered (a card, never a card
/// and a text together) and the conversation it goes to. Written with the change that caused it, so a reply is sent
/// once per inbound activity and survives a restart; the Teams sender delivers it.
/// </summary>
public sealed record BotReply(ConversationReference Conversation, JsonObject Activity, string? ReplyToId = null);
