namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>Asks the identity provider for a fresh token every time; <see cref="BotTokenCache"/> decides when.</summary>
public interface IBotTokenSource
{
    Task<BotToken> AcquireAsync(CancellationToken cancellationToken);
}
