using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Bot.Outbound;
using Norddjurs.TeamsRisk.Cards.Building;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>
/// Replies to messages and events leave through the outbox (design.md §5): written under the turn's idempotency key,
/// so a re-delivered activity sends nothing twice, and retried by the dispatcher if Teams is unavailable.
/// </summary>
internal sealed class Replies(IDocumentStore store, TimeProvider time)
{
    public async Task SendCardAsync(BotTurn turn, JsonObject card, CancellationToken cancellationToken)
    {
        var reply = new BotReply(turn.Conversation, CardSize.Activity(CardSize.EnsureFits(card)), turn.ReplyToId);
        var message = new OutboxMessage(
            $"{turn.IdempotencyKey}#reply",
            OutboxKinds.TeamsReply,
            "conversation:" + turn.Conversation.ConversationId,
            StoreJson.Serialize(reply),
            time.GetUtcNow());
        // A replayed key commits nothing: the first delivery of this activity already queued its reply.
        await store.CommitAsync(new StoreChange($"{turn.IdempotencyKey}#reply", [], [], [message], null), cancellationToken).ConfigureAwait(false);
    }
}
