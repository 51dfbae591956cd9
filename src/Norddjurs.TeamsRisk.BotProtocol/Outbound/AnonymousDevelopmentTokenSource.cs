namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>Development without a credential: the Agents Playground's <c>/_connector</c> accepts calls without a token (§6.4).</summary>
public sealed class AnonymousDevelopmentTokenSource : IBotTokenSource
{
    public Task<BotToken> AcquireAsync(CancellationToken cancellationToken) => Task.FromResult(BotToken.None);
}
