using Norddjurs.TeamsRisk.Bot.Conversations;
using Norddjurs.TeamsRisk.BotProtocol.Activities;
using Norddjurs.TeamsRisk.Core;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;
using Norddjurs.TeamsRisk.Workflows.Storage;

namespace Norddjurs.TeamsRisk.Bot.Outbound;

/// <summary>
/// The people who hold a global role now (the directorate) and whom the bot can reach: those with an active 1:1
/// conversation reference, as <see cref="Committee.CommitteeAudience"/> finds the committee. The committee itself is
/// reached in its channel, not here.
/// </summary>
internal sealed class RoleRecipients(IDocumentStore store, RoleResolver roles)
{
    public static bool Resolves(string roleId) => roleId == Role.Directorate.Id();

    public async Task<IReadOnlyList<string>> ObjectIdsAsync(string roleId, CancellationToken cancellationToken)
    {
        if (!RoleIds.TryParse(roleId, out var role))
        {
            return [];
        }

        var personal = await store.LoadAllAsync<ConversationReference>(
            DocumentKinds.ConversationReference, ConversationReferenceDocuments.ConversationType, ConversationTypes.Personal, cancellationToken).ConfigureAwait(false);
        var holders = new List<string>();
        foreach (var reference in personal.Select(p => p.Value).Where(r => r.Status == ConversationReferenceStatus.Active))
        {
            if (reference is not { UserAadObjectId: { Length: > 0 } objectId, TenantId: { Length: > 0 } tenantId } || holders.Contains(objectId, StringComparer.Ordinal))
            {
                continue;
            }

            var global = await roles.GlobalRolesAsync(Actor.Of(tenantId, objectId), cancellationToken).ConfigureAwait(false);
            if (global.Contains(role))
            {
                holders.Add(objectId);
            }
        }

        return holders;
    }
}
