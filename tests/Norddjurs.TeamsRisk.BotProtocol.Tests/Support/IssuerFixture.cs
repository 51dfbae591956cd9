namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

/// <summary>One loopback Bot Framework issuer per test class; each test starts its own app (fresh key cache and clock).</summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    public BotFrameworkTestIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await BotFrameworkTestIssuer.StartAsync();

    public async Task DisposeAsync() => await Issuer.DisposeAsync();
}
