namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// Development with neither a credential nor the anonymous switch: start-up allows it (the bot is inert), and every send
/// fails for good naming the settings, instead of the process failing to start.
/// </summary>
public sealed class UnconfiguredTokenSource : IBotTokenSource
{
    public Task<BotToken> AcquireAsync(CancellationToken cancellationToken) =>
        Task.FromException<BotToken>(new BotTokenException("no outbound credential is configured (Bot:ClientSecret, Bot:CertificatePath or Bot:UseManagedIdentity)", isTransient: false));
}
