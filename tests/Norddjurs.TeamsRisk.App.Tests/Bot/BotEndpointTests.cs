using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Bot;

/// <summary>/api/messages in the real app: open to the Playground in Development only; elsewhere a request without a valid Bot Framework token changes nothing.</summary>
public sealed class BotEndpointTests : IDisposable
{
    private const string Conversation = "a:1playground-conversation";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-bot-endpoint", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Production_without_the_bot_app_id_refuses_to_start_and_names_it()
    {
        var message = IdentityStartupTests.StartUpFailure("Production", IdentityStartupTests.With(IdentityStartupTests.ProductionAuth, ("Bot:AppId", null)));

        Assert.Contains("Bot:AppId", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_the_unauthenticated_development_switch()
    {
        var message = IdentityStartupTests.StartUpFailure("Production", IdentityStartupTests.With(IdentityStartupTests.ProductionAuth, ("Bot:AllowUnauthenticatedLocalDevelopment", "true")));

        Assert.Contains("Bot:AllowUnauthenticatedLocalDevelopment", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJhdWQiOiJ4In0.")]
    [InlineData("forged.token.value")]
    public async Task In_Production_an_unsigned_or_forged_request_is_401_and_changes_nothing(string? token)
    {
        using var app = App("Production", new Dictionary<string, string?>(IdentityStartupTests.ProductionAuth.Concat(TeamsRiskApp.GraphCredential)));
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(LanguageCommand("1")) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var store = app.Services.GetRequiredService<IRiskStore>();
        Assert.Null(await store.GetAsync(DocumentKinds.UserPreference, UserPreferences.DocumentId(Seeded.AlexWilber), CancellationToken.None));
        Assert.Null(await store.FindAppliedChangeAsync($"{Conversation}|1#reply", CancellationToken.None));
    }

    [Fact]
    public async Task In_Development_the_Playground_user_sees_the_demo_rounds_assessments_and_can_choose_English()
    {
        using var app = App("Development", new Dictionary<string, string?>());
        using var client = app.CreateClient();

        using var list = await client.PostAsJsonAsync("/api/messages", Invoke("2", "start"));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var body = (await list.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        var card = body["value"]!.ToJsonString();
        Assert.Contains("Mine vurderinger", card, StringComparison.Ordinal);
        Assert.Contains("Omsorgssystem (demo)", card, StringComparison.Ordinal);
        Assert.Contains("assessment.open", card, StringComparison.Ordinal);

        using var language = await client.PostAsJsonAsync("/api/messages", LanguageCommand("3"));
        Assert.Equal(HttpStatusCode.OK, language.StatusCode);
        var store = app.Services.GetRequiredService<IRiskStore>();
        Assert.NotNull(await store.FindAppliedChangeAsync($"{Conversation}|3#reply", CancellationToken.None));
        var preferences = app.Services.GetRequiredService<UserPreferences>();
        Assert.Equal(Core.Language.English, await preferences.LanguageAsync(Seeded.AlexWilber, "da-DK", CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private WebApplicationFactory<Program> App(string environment, IDictionary<string, string?> settings) =>
        TeamsRiskApp.Create(environment, new Dictionary<string, string?>(settings) { ["Directory:Provider"] = "Seeded" })
            .WithWebHostBuilder(b => b
                .UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "teamsrisk.db"))
                .ConfigureServices(s => s.AddSingleton<IStartupFilter, FromLoopback>()));

    /// <summary>The test server has no socket; requests here come from the machine itself, as the Playground's do.</summary>
    internal sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return following(context);
            });
            next(app);
        };
    }

    private static JsonObject Activity(string type, string id) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["serviceUrl"] = "http://127.0.0.1:56150/_connector",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:alex", ["aadObjectId"] = Seeded.AlexWilber, ["name"] = "Alex Wilber" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = Conversation, ["conversationType"] = "personal", ["tenantId"] = Seeded.Tenant },
        ["locale"] = "da-DK",
    };

    private static JsonObject LanguageCommand(string id)
    {
        var activity = Activity("message", id);
        activity["text"] = "sprog engelsk";
        return activity;
    }

    private static JsonObject Invoke(string id, string verb)
    {
        var activity = Activity("invoke", id);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["verb"] = verb } },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
