using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>The real app in an environment, with its Auth settings pointed at the loopback issuer.</summary>
internal static class TeamsRiskApp
{
    public const string ClientId = "7d3c1a52-8a54-4a8e-9d47-3b1f6c0e2a10";
    public const string Audience = "api://teamsrisk.norddjurs.example/" + ClientId;

    public static WebApplicationFactory<Program> Create(TestTokenIssuer issuer, string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Auth:Instance"] = issuer.Instance.AbsoluteUri,
            ["Auth:TenantId"] = Seeded.Tenant,
            ["Auth:ClientId"] = ClientId,
            ["Auth:Audience"] = Audience,
            ["Directory:Provider"] = "Seeded",
        };
        // Development runs the bot without credentials (appsettings.Development.json); elsewhere it needs them.
        foreach (var (key, value) in environment == "Development" ? new Dictionary<string, string?>() : BotSettings.Concat(ReachSettings).Concat(GraphCredential))
        {
            all[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return Create(environment, all);
    }

    /// <summary>What the bot needs outside Development (design.md §10); the secret is a placeholder no service accepts.</summary>
    public static IReadOnlyDictionary<string, string?> BotSettings { get; } = new Dictionary<string, string?>
    {
        ["Bot:AppId"] = "0f6c3a2e-1b7d-4c59-a8e3-5d2b9c4e7a11",
        ["Bot:TenantId"] = Seeded.Tenant,
        ["Bot:ClientSecret"] = "placeholder-not-a-secret",
    };

    /// <summary>What reaching owners needs outside Development (issue 8: install the app, else mail).</summary>
    public static IReadOnlyDictionary<string, string?> ReachSettings { get; } = new Dictionary<string, string?>
    {
        ["Teams:AppCatalogId"] = "5c7e9a1b-3d5f-4b7d-9f1b-3d5f7b9d1f30",
        ["Mail:SenderUserId"] = "informationssikkerhed@norddjurs.example",
    };

    /// <summary>The Graph credential reaching owners calls Graph with; placeholders no service accepts.</summary>
    public static IReadOnlyDictionary<string, string?> GraphCredential { get; } = new Dictionary<string, string?>
    {
        ["Graph:TenantId"] = Seeded.Tenant,
        ["Graph:ClientId"] = "0f6c3a2e-1b7d-4c59-a8e3-5d2b9c4e7a11",
        ["Graph:ClientSecret"] = "placeholder-not-a-secret",
    };

    /// <summary>Only the given settings on top of appsettings; a null value removes a key.</summary>
    public static WebApplicationFactory<Program> Create(string environment, IDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment(environment)
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings)));

    /// <summary>A token that passes every check, for the seeded tenant and this API.</summary>
    public static TestToken ValidToken(string objectId, TimeProvider time) => new(Seeded.Tenant, objectId, Audience)
    {
        NotBefore = time.GetUtcNow().AddMinutes(-5),
        Expires = time.GetUtcNow().AddMinutes(55),
    };
}
