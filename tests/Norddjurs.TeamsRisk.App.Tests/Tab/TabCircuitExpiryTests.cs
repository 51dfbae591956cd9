using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Norddjurs.TeamsRisk.App.Authentication;
using Norddjurs.TeamsRisk.App.Tests.Identity;
using Norddjurs.TeamsRisk.Testing.Identity;

namespace Norddjurs.TeamsRisk.App.Tests.Tab;

/// <summary>
/// A tab circuit ends its sign-in when the cookie it came with lapses: each request's principal is stamped with the cookie's
/// expiry, and the circuit's authentication state provider (revalidating every minute) turns anonymous after it.
/// </summary>
public sealed class TabCircuitExpiryTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task A_page_request_with_the_cookie_carries_the_cookies_expiry_and_the_circuit_uses_the_revalidating_provider()
    {
        var seen = new List<ClaimsPrincipal>();
        using var app = TeamsRiskApp.Create(fixture.Issuer).WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new RecordPrincipal(seen))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var before = DateTimeOffset.UtcNow;

        using var exchange = new HttpRequestMessage(HttpMethod.Post, "/tab/session");
        exchange.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Issuer.Mint(TeamsRiskApp.ValidToken(Seeded.AlexWilber, TimeProvider.System)));
        using var session = await client.SendAsync(exchange);
        var cookie = Assert.Single(session.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-teamsrisk-tab=", StringComparison.Ordinal));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/tab/personal");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var personal = await client.SendAsync(page);

        Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
        var stamp = Assert.Single(seen.Single(p => p.Identity?.IsAuthenticated == true).FindAll(TabSessionExpiry.Claim));
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(stamp.Value, CultureInfo.InvariantCulture));
        Assert.InRange(expires, before + TabCookieSetup.Lifetime - TimeSpan.FromSeconds(5), DateTimeOffset.UtcNow + TabCookieSetup.Lifetime + TimeSpan.FromSeconds(5));

        using var scope = app.Services.CreateScope();
        Assert.IsType<TabCircuitAuthentication>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }

    [Fact]
    public void A_principal_is_current_until_its_stamped_expiry_and_one_without_a_stamp_never_is()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var stamped = Principal(new Claim(TabSessionExpiry.Claim, now.AddMinutes(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

        Assert.True(TabSessionExpiry.IsCurrent(stamped, now));
        Assert.True(TabSessionExpiry.IsCurrent(stamped, now.AddMinutes(9)));
        Assert.False(TabSessionExpiry.IsCurrent(stamped, now.AddMinutes(10)));
        Assert.False(TabSessionExpiry.IsCurrent(Principal(), now));
        Assert.False(TabSessionExpiry.IsCurrent(Principal(new Claim(TabSessionExpiry.Claim, "-5")), now));
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity([new Claim("oid", Seeded.AlexWilber), .. claims], "test"));

    /// <summary>Keeps the principal each request ended with (set by the endpoint's authorization, after the app's pipeline ran).</summary>
    private sealed class RecordPrincipal(List<ClaimsPrincipal> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                await rest(context);
                lock (seen)
                {
                    seen.Add(context.User);
                }
            });
            next(app);
        };
    }
}
