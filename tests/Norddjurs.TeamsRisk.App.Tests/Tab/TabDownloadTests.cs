using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Tab;

/// <summary>
/// The tab's cookie opens the downloads its pages link to (the audit trail, the exports) and nothing else under /api,
/// and not when another site makes the browser ask (Fetch Metadata): the cookie is SameSite=None for the Teams iframe.
/// </summary>
public sealed class TabDownloadTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private const string AuditExport = "/api/audit/export";

    [Theory]
    [InlineData(null)]
    [InlineData("same-origin")]
    [InlineData("none")]
    public async Task The_auditors_tab_cookie_downloads_the_audit_trail_from_our_own_pages(string? fetchSite)
    {
        using var app = TeamsRiskApp.Create(fixture.Issuer);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await GetWithCookieAsync(client, await CookieForAsync(client, Seeded.JensKirk), AuditExport, fetchSite);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(AuditExport, "cross-site")]
    [InlineData(AuditExport, "same-site")]
    [InlineData("/api/exports/register.xlsx", "cross-site")]
    [InlineData("/api/assessments", "same-origin")]
    [InlineData("/api/me", null)]
    public async Task The_cookie_is_refused_from_another_site_and_everywhere_else_under_api(string path, string? fetchSite)
    {
        using var app = TeamsRiskApp.Create(fixture.Issuer);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await GetWithCookieAsync(client, await CookieForAsync(client, Seeded.JensKirk), path, fetchSite);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> CookieForAsync(HttpClient client, string objectId)
    {
        using var exchange = new HttpRequestMessage(HttpMethod.Post, "/tab/session");
        exchange.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Issuer.Mint(TeamsRiskApp.ValidToken(objectId, TimeProvider.System)));
        using var response = await client.SendAsync(exchange);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-teamsrisk-tab=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient client, string cookie, string path, string? fetchSite)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await client.SendAsync(request);
    }
}
