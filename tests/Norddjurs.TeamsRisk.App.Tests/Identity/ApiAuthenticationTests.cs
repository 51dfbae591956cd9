using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Identity;

/// <summary>Entra tokens through the real JwtBearer pipeline, keys served by a loopback issuer (style-examples.md §6).</summary>
public sealed class ApiAuthenticationTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private static readonly Uri Me = new("/api/me", UriKind.Relative);
    private static readonly TimeProvider Time = TimeProvider.System;
    private const string OtherTenant = "22222222-2222-2222-2222-222222222222";

    private TestTokenIssuer Issuer => fixture.Issuer;

    [Fact]
    public async Task A_valid_token_answers_who_the_caller_is_with_roles_from_the_directory_groups()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        var body = await GetMeAsync(app.CreateClient(), Issuer.Mint(TeamsRiskApp.ValidToken(Seeded.PiaSkov, Time) with { Name = "Pia Skov" }));

        Assert.Equal(Seeded.PiaSkov, (string?)body["objectId"]);
        Assert.Equal(Seeded.Tenant, (string?)body["tenantId"]);
        Assert.Equal("Pia Skov", (string?)body["displayName"]);
        Assert.Equal("pia.skov@norddjurs.example", (string?)body["upn"]);
        Assert.Equal(["committee", "coordinator"], body["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("en", (string?)body["language"]);
    }

    [Fact]
    public async Task App_roles_in_the_token_grant_global_roles_and_the_language_defaults_to_Danish()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        var token = TeamsRiskApp.ValidToken(Seeded.AlexWilber, Time) with { AppRoles = ["Auditor", "Directorate"] };
        var body = await GetMeAsync(app.CreateClient(), Issuer.Mint(token));

        Assert.Equal("Alex Wilber", (string?)body["displayName"]);
        Assert.Equal(["directorate", "auditor"], body["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("da", (string?)body["language"]);
    }

    [Fact]
    public async Task A_token_for_the_client_id_itself_is_accepted_as_audience()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        var token = TeamsRiskApp.ValidToken(Seeded.KarenHolm, Time) with { Audience = TeamsRiskApp.ClientId };
        var body = await GetMeAsync(app.CreateClient(), Issuer.Mint(token));

        Assert.Equal(["committee"], body["roles"]!.AsArray().Select(r => (string?)r));
    }

    /// <summary>Each flaw and the reason JwtBearer gives in <c>WWW-Authenticate</c>, so each 401 is for its own flaw.</summary>
    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "lifetime is invalid" },
        { "not yet valid", "lifetime is invalid" },
        { "wrong audience", "audience" },
        { "wrong issuer", "issuer" },
        { "issuer of another tenant", "issuer" },
        { "wrong tenant", "invalid_token" },
        { "unknown key", "signature key was not found" },
        { "unsigned (alg none)", "signature is invalid" },
        { "HS256", "signature key was not found" },
    };

    [Theory, MemberData(nameof(BadTokens))]
    public async Task A_token_that_fails_any_check_is_401(string flaw, string reason)
    {
        var valid = TeamsRiskApp.ValidToken(Seeded.KarenHolm, Time);
        var now = Time.GetUtcNow();
        var token = flaw switch
        {
            // Beyond the one-minute clock skew in both directions.
            "expired" => valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-2) },
            "not yet valid" => valid with { NotBefore = now.AddMinutes(2), Expires = now.AddHours(1) },
            "wrong audience" => valid with { Audience = "api://some-other-api" },
            "wrong issuer" => valid with { Issuer = $"https://login.microsoftonline.com/{Seeded.Tenant}/v2.0" },
            "issuer of another tenant" => valid with { Issuer = Issuer.IssuerFor(OtherTenant) },
            "wrong tenant" => valid with { TenantId = OtherTenant, Issuer = Issuer.IssuerFor(Seeded.Tenant) },
            "unknown key" => valid with { Signing = TokenSigning.UnknownKey },
            "unsigned (alg none)" => valid with { Signing = TokenSigning.None },
            "HS256" => valid with { Signing = TokenSigning.Hs256 },
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = app.CreateClient();

        using var response = await SendAsync(client, Issuer.Mint(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        // The same key signs a valid token in the same app: the 401 is the flaw, not the set-up.
        using var control = await SendAsync(client, Issuer.Mint(valid));
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task Token_lifetime_is_judged_by_the_apps_clock()
    {
        var now = Time.GetUtcNow();
        var clock = new FakeTimeProvider(now.AddHours(-2));
        using var app = TeamsRiskApp.Create(Issuer).WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = app.CreateClient();
        var token = Issuer.Mint(TeamsRiskApp.ValidToken(Seeded.KarenHolm, Time));

        using var early = await SendAsync(client, token);
        Assert.Equal(HttpStatusCode.Unauthorized, early.StatusCode);

        clock.SetUtcNow(now);
        using var valid = await SendAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);

        clock.Advance(TimeSpan.FromHours(2));
        using var expired = await SendAsync(client, token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_problem_details_and_healthz_stays_anonymous()
    {
        using var app = TeamsRiskApp.Create(Issuer, "Production");
        using var client = app.CreateClient();

        using var response = await client.GetAsync(Me);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (int?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]);

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_dev_header_signs_in_a_seeded_user_in_Development()
    {
        using var app = TeamsRiskApp.Create(Issuer, settings: new Dictionary<string, string?> { ["Auth:AllowDevelopmentSignIn"] = "true" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", Seeded.AlexWilber);

        var body = await client.GetFromJsonAsync<JsonObject>(Me);

        Assert.Equal(Seeded.AlexWilber, (string?)body!["objectId"]);
        Assert.Equal("alexw@norddjurs.example", (string?)body["upn"]);
        Assert.Empty(body["roles"]!.AsArray());
    }

    [Fact]
    public async Task The_dev_header_naming_nobody_is_401()
    {
        using var app = TeamsRiskApp.Create(Issuer, settings: new Dictionary<string, string?> { ["Auth:AllowDevelopmentSignIn"] = "true" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", "99999999-9999-9999-9999-999999999999");

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("Development", "false")]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    public async Task The_dev_header_is_ignored_where_dev_sign_in_is_not_on(string environment, string? allow)
    {
        using var app = TeamsRiskApp.Create(Issuer, environment, new Dictionary<string, string?> { ["Auth:AllowDevelopmentSignIn"] = allow });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", Seeded.KarenHolm);

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonObject> GetMeAsync(HttpClient client, string token)
    {
        using (client)
        {
            using var response = await SendAsync(client, token);
            Assert.True(HttpStatusCode.OK == response.StatusCode, response.Headers.WwwAuthenticate.ToString());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Me);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
