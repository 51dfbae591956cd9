using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Core.Register;
using Norddjurs.TeamsRisk.Testing.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.App.Tests.Api;

/// <summary>
/// The real app (Development, seeded directory) on its own temp SQLite file, with the real authentication pipeline:
/// tokens come from a loopback issuer, the dev sign-in is off. Share one per test class when the tests do not step
/// on each other; otherwise create one per test.
/// </summary>
public sealed class ApiFactory(Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? extraSettings = null) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "teamsrisk-api-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _app;
    private int _keys;

    public TestTokenIssuer Issuer { get; private set; } = null!;

    public WebApplicationFactory<Program> App => _app ?? throw new InvalidOperationException("Not started.");

    public IRiskStore Store => App.Services.GetRequiredService<IRiskStore>();

    public static TimeProvider Time => TimeProvider.System;

    public async Task InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Instance"] = Issuer.Instance.AbsoluteUri,
            ["Auth:TenantId"] = Seeded.Tenant,
            ["Auth:ClientId"] = TeamsRiskApp.ClientId,
            ["Auth:Audience"] = TeamsRiskApp.Audience,
            ["Auth:AllowDevelopmentSignIn"] = "false",
            ["Directory:Provider"] = "Seeded",
            // The tests start their own rounds over the demo systems.
            ["Development:SeedDemoRound"] = "false",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Development")
            .UseSetting("Storage:Sqlite:Path", Path.Combine(_folder, "teamsrisk.db"))
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings))
            .ConfigureServices(services => configureServices?.Invoke(services)));
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Issuer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public string Token(Caller caller) => Issuer.Mint(TeamsRiskApp.ValidToken(caller.ObjectId, Time) with { AppRoles = caller.AppRoles });

    /// <summary>A fresh idempotency key, as a new click sends.</summary>
    public string NewKey() => $"key-{Interlocked.Increment(ref _keys)}";

    public Task<HttpResponseMessage> GetAsync(Caller caller, string path, string? language = null) =>
        SendAsync(caller, HttpMethod.Get, path, content: null, key: null, language);

    /// <summary>A POST with a JSON body (none when null) and a fresh key unless one is given.</summary>
    public Task<HttpResponseMessage> PostAsync(Caller caller, string path, object? body = null, string? key = null, string? language = null) =>
        SendAsync(caller, HttpMethod.Post, path, body is null ? null : JsonContent.Create(body), key ?? NewKey(), language);

    public Task<HttpResponseMessage> PostCsvAsync(Caller caller, string path, byte[] csv, string? key = null) =>
        SendAsync(caller, HttpMethod.Post, path, new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, key ?? NewKey(), null);

    public async Task<HttpResponseMessage> SendAsync(Caller? caller, HttpMethod method, string path, HttpContent? content, string? key, string? language)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(caller));
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The continuity-plan template with OMS-01 owned by the owner and ØKO-02 by the other owner.</summary>
    public static byte[] Plans() =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(ContinuityPlanCsv.Template())
            .Replace("anne.eksempel@norddjurs.dk", "alexw@norddjurs.example", StringComparison.Ordinal)
            .Replace("carl.eksempel@norddjurs.dk", Callers.OtherOwner.ObjectId, StringComparison.Ordinal));

    /// <summary>Waits for the app's audit sealer (design.md §6) to seal everything pending, so the chain can be read and exported.</summary>
    public async Task AuditSealedAsync()
    {
        var deadline = Time.GetUtcNow().AddSeconds(30);
        while ((await Store.ReadPendingAuditIntentsAsync(1, CancellationToken.None)).Count > 0)
        {
            Assert.True(Time.GetUtcNow() < deadline, "The audit sealer did not seal within 30 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// How many audit intents exist, sealed or not. The sealer moves intents into the chain as it likes, so the two
    /// are read until the head did not move in between.
    /// </summary>
    public async Task<long> AuditedCountAsync()
    {
        while (true)
        {
            var before = await Store.GetChainHeadAsync(CancellationToken.None);
            var pending = (await Store.ReadPendingAuditIntentsAsync(100_000, CancellationToken.None)).Count;
            var after = await Store.GetChainHeadAsync(CancellationToken.None);
            if (before?.Seq == after?.Seq)
            {
                return (after?.Seq ?? 0) + pending;
            }
        }
    }

    /// <summary>What a refused call must leave as it was: the audit trail's length, the rounds and each document's version.</summary>
    public async Task<string> FingerprintAsync(params (string Kind, string Id)[] documents)
    {
        var audited = await AuditedCountAsync();
        var versions = new List<string>();
        foreach (var (kind, id) in documents)
        {
            versions.Add($"{kind}/{id}@{(await Store.GetAsync(kind, id, CancellationToken.None))?.Version}");
        }

        var rounds = (await Store.QueryAsync(DocumentKinds.Round, DocumentQuery.All(), CancellationToken.None)).Items.Count;
        return $"audited={audited}; rounds={rounds}; {string.Join(", ", versions)}";
    }
}

/// <summary>Reading answers.</summary>
public static class Responses
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("An empty body.");

    /// <summary>The error codes of a problem details answer.</summary>
    public static async Task<IReadOnlyList<string>> ErrorCodesAsync(this HttpResponseMessage response) =>
        [.. (await response.JsonAsync())["errors"]!.AsArray().Select(e => (string)e!["code"]!)];
}
