using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

/// <summary>A minimal app on loopback Kestrel with the real endpoint, the real authenticator and a recording handler.</summary>
public sealed class BotTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 2, 19, 12, 30, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public RecordingActivityHandler Handler => _app.Services.GetRequiredService<RecordingActivityHandler>();

    public FakeTimeProvider Time => _app.Services.GetRequiredService<FakeTimeProvider>();

    public IServiceProvider Services => _app.Services;

    /// <summary>Production-like settings for the payloads' tenant and bot; <paramref name="settings"/> overrides or adds <c>Bot:*</c> keys.</summary>
    public static async Task<BotTestHost> StartAsync(Uri metadataUrl, string environment = "Production", IDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = Payloads.BotAppId,
            ["Bot:TenantId"] = Payloads.TenantId,
            ["Bot:ClientSecret"] = "test-secret",
            ["Bot:OpenIdMetadataUrl"] = metadataUrl.AbsoluteUri,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(configuration.Where(c => c.Value is not null));
        builder.Services.AddSingleton(new FakeTimeProvider(Now));
        builder.Services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<FakeTimeProvider>());
        builder.Services.AddSingleton<RecordingActivityHandler>();
        builder.Services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<RecordingActivityHandler>());
        builder.Services.AddBotInbound();
        var app = builder.Build();
        app.MapBotMessages();
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BotTestHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async Task<HttpResponseMessage> PostAsync(string json, string? bearerToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await Client.SendAsync(request).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
