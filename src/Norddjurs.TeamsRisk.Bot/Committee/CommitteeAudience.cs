using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Committee;

/// <summary>
/// The committee members whose Teams clients should fetch their actionable view when the card is shown: the card's
/// <c>refresh.userIds</c>, which must be <c>29:</c> ids, at most 60 (teams-bot-protocol.md §4.3, §7 pitfall 20). The bot
/// learns a person's <c>29:</c> id from their 1:1 chat with it, so the members are the people with a personal conversation
/// reference who hold the committee role now. A member the bot has not met yet still gets their view from the card's
/// button or the message menu's refresh.
/// </summary>
internal sealed class CommitteeAudience(IDocumentStore store, RoleResolver roles)
{
    public const int MaxUserIds = 60;

    public async Task<IReadOnlyList<string>> MemberIdsAsync(CancellationToken cancellationToken)
    {
        var personal = await store.LoadAllAsync<ConversationReference>(
            DocumentKinds.ConversationReference, ConversationReferenceDocuments.ConversationType, ConversationTypes.Personal, cancellationToken).ConfigureAwait(false);
        var members = new List<string>();
        foreach (var reference in personal.Select(p => p.Value).Where(r => r.Status == ConversationReferenceStatus.Active).OrderByDescending(r => r.LastActivityAt))
        {
            if (reference is not { UserId: { Length: > 0 } userId, UserAadObjectId: { Length: > 0 } objectId, TenantId: { Length: > 0 } tenantId }
                || members.Contains(userId, StringComparer.Ordinal))
            {
                continue;
            }

            var global = await roles.GlobalRolesAsync(Actor.Of(tenantId, objectId), cancellationToken).ConfigureAwait(false);
            if (global.Contains(Role.Committee))
            {
                members.Add(userId);
                if (members.Count == MaxUserIds)
                {
                    break;
                }
            }
        }

        return members;
    }
}
