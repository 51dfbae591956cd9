namespace Norddjurs.TeamsRisk.Workflows.Reach;

/// <summary>Whether the bot can message a person 1:1 now: it holds an active conversation reference for them (teams-bot-protocol.md §5.2).</summary>
public interface IPersonalChats
{
    Task<bool> HasChatWithAsync(string userObjectId, CancellationToken cancellationToken);
}
