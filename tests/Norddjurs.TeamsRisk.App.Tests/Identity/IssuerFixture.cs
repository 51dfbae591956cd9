using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>One loopback token issuer for a test class; each test builds its own app against it.</summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    public TestTokenIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await TestTokenIssuer.StartAsync();

    public async Task DisposeAsync() => await Issuer.DisposeAsync();
}
