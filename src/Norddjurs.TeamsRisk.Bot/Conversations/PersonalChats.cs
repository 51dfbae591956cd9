using Norddjurs.TeamsRisk.Workflows.Reach;

namespace Norddjurs.TeamsRisk.Bot.Conversations;

/// <summary>The bot can message a person 1:1 when it holds an active personal reference for them (teams-bot-protocol.md §5.2).</summary>
public sealed class PersonalChats(ConversationReferenceStore references) : IPersonalChats
{
    public async Task<bool> HasChatWithAsync(string userObjectId, CancellationToken cancellationToken) =>
        await references.FindPersonalAsync(userObjectId, cancellationToken).ConfigureAwait(false) is not null;
}
