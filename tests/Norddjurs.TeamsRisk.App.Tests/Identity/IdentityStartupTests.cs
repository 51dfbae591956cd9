using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>Settings that would let the wrong people in stop the app at start-up, naming the key (design.md §4, §10).</summary>
public sealed class IdentityStartupTests
{
    internal static readonly Dictionary<string, string?> ProductionAuth = new(TeamsRiskApp.ReachSettings)
    {
        ["Auth:TenantId"] = Seeded.Tenant,
        ["Auth:ClientId"] = TeamsRiskApp.ClientId,
        ["Directory:Provider"] = "Seeded",
        ["Bot:AppId"] = TeamsRiskApp.BotSettings["Bot:AppId"],
        ["Bot:TenantId"] = TeamsRiskApp.BotSettings["Bot:TenantId"],
        ["Bot:ClientSecret"] = TeamsRiskApp.BotSettings["Bot:ClientSecret"],
    };

    [Fact]
    public void Production_refuses_to_start_with_the_development_sign_in_switched_on()
    {
        var message = StartUpFailure("Production", With(ProductionAuth, ("Auth:AllowDevelopmentSignIn", "true")));

        Assert.Contains("Auth:AllowDevelopmentSignIn", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auth:ClientId")]
    [InlineData("Auth:TenantId")]
    public void Production_refuses_to_start_without_an_auth_key_and_names_it(string key)
    {
        var message = StartUpFailure("Production", With(ProductionAuth, (key, null)));

        Assert.Contains($"{key} is missing", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_does_not_fall_back_to_plain_http_for_the_token_keys()
    {
        var message = StartUpFailure("Production", With(ProductionAuth, ("Auth:Instance", "http://login.example/")));

        Assert.Contains("Auth:Instance must be an https URL", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", "Graph")]
    [InlineData("Production", null)]
    public void The_Graph_directory_without_Graph_settings_refuses_to_start_naming_the_keys(string environment, string? provider)
    {
        // Development's appsettings let the Playground in without bot credentials; the two may not be combined.
        var bot = environment == "Development" ? ("Bot:AllowUnauthenticatedLocalDevelopment", "false") : ("Bot:AppId", TeamsRiskApp.BotSettings["Bot:AppId"]);
        var message = StartUpFailure(environment, With(ProductionAuth, ("Directory:Provider", provider), bot));

        Assert.Contains("Directory:Provider is Graph: Graph:ClientSecret, Graph:CertificatePath or Graph:UseManagedIdentity must be set", message, StringComparison.Ordinal);
        Assert.Contains("Directory:Provider is Graph: Graph:TenantId is missing.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_the_credential_less_loopback_emulator_as_its_directory()
    {
        var message = StartUpFailure("Production", With(ProductionAuth,
            ("Directory:Provider", "Graph"), ("Graph:BaseUrl", "http://127.0.0.1:5190/v1.0"), ("Graph:TenantId", Seeded.Tenant)));

        Assert.Contains("Graph:BaseUrl is a loopback address without a credential", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_starts_with_the_Graph_directory_and_its_credential()
    {
        using var app = TeamsRiskApp.Create("Production", With(ProductionAuth,
            ("Directory:Provider", "Graph"), ("Graph:TenantId", Seeded.Tenant), ("Graph:ClientId", TeamsRiskApp.ClientId),
            ("Graph:ClientSecret", "placeholder-not-a-secret")));

        using var client = app.CreateClient();

        Assert.IsType<Graph.Directory.GraphDirectory>(app.Services.GetRequiredService<Workflows.Identity.IDirectory>());
    }

    [Fact]
    public void Production_starts_with_the_auth_keys_and_the_seeded_directory_named()
    {
        // Reaching owners (Teams:AppCatalogId, Mail:SenderUserId) needs Graph even with the seeded directory.
        using var app = TeamsRiskApp.Create("Production", new Dictionary<string, string?>(ProductionAuth.Concat(TeamsRiskApp.GraphCredential)));

        using var client = app.CreateClient();

        Assert.NotNull(client);
    }

    internal static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string? Value)[] changes)
    {
        var copy = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }

    /// <summary>
    /// Starts the app and returns the messages of the exception that stopped it and of the host's log: when start-up
    /// fails the host disposes itself, and WebApplicationFactory may then report an ObjectDisposedException instead.
    /// </summary>
    internal static string StartUpFailure(string environment, Dictionary<string, string?> settings)
    {
        var logs = new CapturedLogs();
        using var app = TeamsRiskApp.Create(environment, settings)
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var error = Record.Exception(() => app.CreateClient().Dispose());
        Assert.NotNull(error);
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(Environment.NewLine, messages.Concat(logs.Entries));
    }
}
