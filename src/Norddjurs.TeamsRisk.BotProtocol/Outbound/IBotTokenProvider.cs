namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>The bot's outbound token (teams-bot-protocol.md §3.1), cached; attach it only to allow-listed hosts (§3.7).</summary>
public interface IBotTokenProvider
{
    /// <summary>A token valid for at least five more minutes. Throws <see cref="BotTokenException"/> when none can be had.</summary>
    Task<BotToken> GetTokenAsync(CancellationToken cancellationToken);
}
