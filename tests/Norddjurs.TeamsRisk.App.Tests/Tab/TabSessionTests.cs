using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Tab;

/// <summary>
/// The tab's session exchange (issue 9 item 2): a Teams SSO token goes through the API's own Entra checks before the
/// cookie is set; a page without the cookie never reaches a circuit; the dev sign-in exists only in Development.
/// </summary>
public sealed class TabSessionTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private static readonly Uri Session = new("/tab/session", UriKind.Relative);
    private static readonly TimeProvider Time = TimeProvider.System;

    private TestTokenIssuer Issuer => fixture.Issuer;

    [Fact]
    public async Task A_valid_Teams_token_gets_a_secure_SameSite_None_HttpOnly_cookie_that_opens_the_personal_page()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        using var response = await ExchangeAsync(client, Issuer.Mint(TeamsRiskApp.ValidToken(Seeded.AlexWilber, Time) with { Name = "Alex Wilber" }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-teamsrisk-tab=", StringComparison.Ordinal));
        Assert.Contains("samesite=none", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/tab/personal");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var personal = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
        Assert.Contains("Alex Wilber", await personal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTokens => ["forged", "expired", "wrong audience", "wrong tenant", "unsigned"];

    [Theory, MemberData(nameof(BadTokens))]
    public async Task A_token_the_API_would_refuse_gets_401_and_no_cookie(string flaw)
    {
        var valid = TeamsRiskApp.ValidToken(Seeded.AlexWilber, Time);
        var now = Time.GetUtcNow();
        var token = flaw switch
        {
            "forged" => valid with { Signing = TokenSigning.UnknownKey },
            "expired" => valid with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-2) },
            "wrong audience" => valid with { Audience = "api://some-other-api" },
            "wrong tenant" => valid with { TenantId = "22222222-2222-2222-2222-222222222222", Issuer = Issuer.IssuerFor(Seeded.Tenant) },
            "unsigned" => valid with { Signing = TokenSigning.None },
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        using var response = await ExchangeAsync(client, Issuer.Mint(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        // The same app takes a valid token: the 401 is the flaw, not the set-up.
        using var control = await ExchangeAsync(client, Issuer.Mint(valid));
        Assert.Equal(HttpStatusCode.NoContent, control.StatusCode);
    }

    [Fact]
    public async Task No_token_is_401()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        using var response = await client.PostAsync(Session, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/tab/personal")]
    [InlineData("/tab/config")]
    [InlineData("/tab/committee")]
    [InlineData("/tab/personal/assessments/any-id")]
    public async Task A_page_without_the_cookie_goes_to_the_sign_in_page(string path)
    {
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tab/signin", response.Headers.Location!.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_circuits_hub_refuses_a_connection_without_the_cookie()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        using var negotiate = await client.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null);

        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Contains(negotiate.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Unauthorized });
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_dev_sign_in_in_Development_and_returns_only_to_the_tab()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        var html = await client.GetStringAsync(new Uri("/tab/signin?returnUrl=https://evil.example/", UriKind.Relative));

        Assert.Contains("tab/dev-signin?returnUrl=%2Ftab%2Fpersonal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Development", "false")]
    public async Task The_dev_sign_in_does_not_exist_where_it_is_not_allowed(string environment, string? allow)
    {
        using var app = TeamsRiskApp.Create(Issuer, environment, new Dictionary<string, string?> { ["Auth:AllowDevelopmentSignIn"] = allow });
        using var client = NoRedirects(app);

        using var page = await client.GetAsync(new Uri("/tab/dev-signin", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("/tab/dev-signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["objectId"] = Seeded.AlexWilber, ["returnUrl"] = "/tab/personal" }));
        var signIn = await client.GetStringAsync(new Uri("/tab/signin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        // No endpoint takes the POST: 404, or 405 where the components' GET fallback holds the path.
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.False(post.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("dev-signin", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_to_start_with_the_dev_sign_in_on()
    {
        using var app = TeamsRiskApp.Create(Issuer, "Production", new Dictionary<string, string?> { ["Auth:AllowDevelopmentSignIn"] = "true" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Auth:AllowDevelopmentSignIn is allowed only in Development", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dev_sign_in_form_needs_its_antiforgery_token()
    {
        using var app = TeamsRiskApp.Create(Issuer);
        using var client = NoRedirects(app);

        using var post = await client.PostAsync(new Uri("/tab/dev-signin", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["objectId"] = Seeded.AlexWilber, ["returnUrl"] = "/tab/personal" }));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.False(post.Headers.Contains("Set-Cookie") && post.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("__Host-teamsrisk-tab=", StringComparison.Ordinal)));
    }

    private static HttpClient NoRedirects(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Session);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
