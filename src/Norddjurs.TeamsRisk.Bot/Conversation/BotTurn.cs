using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Core.Audit;
using Norddjurs.TeamsRisk.Workflows.Common;
using Norddjurs.TeamsRisk.Workflows.Identity;

namespace Norddjurs.TeamsRisk.Bot.Conversation;

/// <summary>
/// Who acts in this turn and how to answer them: the person (tenant + Entra object id, design.md §4), their language
/// (§9), the turn's idempotency key (conversation id + activity id, §2.2) and the conversation replies go to.
/// </summary>
internal sealed record BotTurn(Actor Actor, Language Language, string IdempotencyKey, ConversationReference Conversation, string? ReplyToId)
{
    public Request Request => new(Actor, IdempotencyKey, AuditChannel.Bot);

    /// <summary>A second change in the same turn (e.g. open, then show) needs its own key.</summary>
    public Request RequestFor(string suffix) => new(Actor, $"{IdempotencyKey}#{suffix}", AuditChannel.Bot, IdempotencyKey);
}
