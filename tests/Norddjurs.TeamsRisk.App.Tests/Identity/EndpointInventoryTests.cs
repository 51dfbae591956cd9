using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>
/// Every endpoint the app maps, found from its routing table rather than listed by hand, so an endpoint added later
/// cannot slip through without authentication: in Production each answers 401 to no token and to a forged one, and only
/// the named few are anonymous. The per-role matrices (Api/AccessMatrixTests …) then cover what a signed-in caller may do.
/// </summary>
public sealed partial class EndpointInventoryTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    /// <summary>Anonymous on purpose: health, the bot (Bot Framework tokens, its own tests), the tab's sign-in ways and static Blazor plumbing.</summary>
    private static readonly string[] Anonymous =
    [
        "/healthz", "/api/messages", "/tab/signin", "/tab/session", "/tab/signin/browser", "/tab/signout", "/tab/dev-signin",
        "/signin-oidc", "/signout-callback-oidc",
    ];

    [Fact]
    public async Task Every_api_endpoint_refuses_no_token_and_a_forged_token_in_Production()
    {
        using var app = TeamsRiskApp.Create(fixture.Issuer, "Production");
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var forged = fixture.Issuer.Mint(TeamsRiskApp.ValidToken(Seeded.KarenHolm, TimeProvider.System) with { Signing = TokenSigning.UnknownKey });
        var endpoints = Endpoints(app.Services).Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) && !Anonymous.Contains(e.Path)).ToList();
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} API endpoints found; is the routing table read?");

        var admitted = new List<string>();
        foreach (var (method, path) in endpoints)
        {
            foreach (var token in new string?[] { null, forged })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(path));
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    admitted.Add($"{method} {path} ({(token is null ? "no token" : "forged")}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(admitted);
    }

    [Fact]
    public async Task Every_tab_page_sends_a_caller_without_the_cookie_to_sign_in_before_any_page_runs()
    {
        using var app = TeamsRiskApp.Create(fixture.Issuer, "Production");
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var pages = Endpoints(app.Services).Where(e => e.Method == "GET" && e.Path.StartsWith("/tab", StringComparison.Ordinal) && !Anonymous.Contains(e.Path)).ToList();
        Assert.True(pages.Count >= 9, $"only {pages.Count} tab pages found");

        foreach (var (_, path) in pages)
        {
            using var response = await client.GetAsync(new Uri(Concrete(path), UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.StartsWith("/tab/signin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Only_the_named_endpoints_allow_anonymous_callers()
    {
        using var app = TeamsRiskApp.Create(fixture.Issuer, "Production");
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/_", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.All(anonymous, path => Assert.Contains(path, Anonymous));
    }

    private static IEnumerable<(string Method, string Path)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.TrimStart('/').StartsWith('_'))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct();

    /// <summary>A URL for the pattern: each parameter becomes a value no record has.</summary>
    private static string Concrete(string pattern) => Parameter().Replace(pattern, m => m.Value.StartsWith("{*", StringComparison.Ordinal) ? "x" : "no-such-id");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
