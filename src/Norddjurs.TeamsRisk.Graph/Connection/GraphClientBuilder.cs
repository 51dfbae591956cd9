using System.Net.Http.Headers;
using System.Reflection;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using AzureIdentityAuthenticationProvider = Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider;

namespace Norddjurs.TeamsRisk.Graph.Connection;

/// <summary>
/// Builds the <see cref="GraphServiceClient"/> from <c>Graph:*</c>: the SDK's default middleware (retry honouring
/// <c>Retry-After</c>, redirect, telemetry; graph-sharepoint.md §7.3–7.4), the process-wide concurrency gate, the
/// decorated User-Agent of §7.2, and requests built from <c>Graph:BaseUrl</c> so tests reach the emulator unchanged (§7.8).
/// </summary>
public static class GraphClientBuilder
{
    /// <summary>Microsoft's throttling guidance: enterprise (non-ISV) traffic is tagged <c>NONISV|Company|App/Version</c>.</summary>
    public const string UserAgentProduct = "NONISV|Norddjurs|TeamsRisk";

    private const string GraphScope = "https://graph.microsoft.com/.default";

    /// <summary>The client; <paramref name="finalHandler"/> replaces the socket handler (the in-process emulator).</summary>
    public static GraphServiceClient Build(GraphOptions options, HttpMessageHandler? finalHandler = null) =>
        Build(options, GraphCredentials.Choose(options), finalHandler);

    /// <summary>Test hook: the same client with a given credential, so a test can see the bearer token arrive.</summary>
    internal static GraphServiceClient Build(GraphOptions options, TokenCredential? credential, HttpMessageHandler? finalHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new ConcurrencyLimitHandler(ConcurrencyLimitHandler.ProcessWide));
        var http = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(UserAgentProduct, Version));
        return new GraphServiceClient(http, AuthenticationFor(options, credential), options.BaseUrl.TrimEnd('/'));
    }

    /// <summary>The bearer token goes to the configured Graph host only; no credential is anonymous (loopback only, see <see cref="GraphOptions"/>).</summary>
    private static IAuthenticationProvider AuthenticationFor(GraphOptions options, TokenCredential? credential) => credential is null
        ? new AnonymousAuthenticationProvider()
        : new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [new Uri(options.BaseUrl).Host], observabilityOptions: null, isCaeEnabled: true, scopes: [GraphScope]);

    private static string Version { get; } = VersionOf(typeof(GraphClientBuilder).Assembly);

    /// <summary>The informational version without its source-revision suffix: a product token allows no '+'.</summary>
    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
