using System.Net;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.BotProtocol.Inbound;
using Norddjurs.TeamsRisk.BotProtocol.Tests.Support;

namespace Norddjurs.TeamsRisk.BotProtocol.Tests.Inbound;

/// <summary>
/// teams-bot-protocol.md §2.2 through the real endpoint: a token from the loopback Bot Framework issuer lets the
/// handler run; each step, broken on its own, refuses with its status and the handler never runs.
/// </summary>
public sealed class BotAuthenticationTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private static readonly DateTimeOffset Now = BotTestHost.Now;

    private BotFrameworkTestIssuer Issuer => fixture.Issuer;

    [Fact]
    public async Task A_valid_Bot_Connector_token_runs_the_handler_with_what_it_proved()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(Now)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activity, context) = Assert.Single(host.Handler.Calls);
        Assert.Equal("start vurdering", Assert.IsType<ActivityKind.TextMessage>(activity.Kind).Text);
        Assert.Equal(Payloads.BotAppId, context.Caller.AppId);
        Assert.Equal(Payloads.TenantId, context.Caller.TenantId);
        Assert.Equal(Payloads.ServiceUrl, context.Caller.ServiceUrl);
        Assert.False(context.Caller.IsAnonymousDevelopment);
        Assert.Equal("a:1Zk3...personal|1771504120337", context.IdempotencyKey);
        Assert.Equal("0b6a7c1e-0000-4000-8000-000000000111", context.ConversationReference.UserAadObjectId);
        Assert.Equal(Now, context.ReceivedAt);
    }

    public static TheoryData<string, HttpStatusCode, string> Rejections => new()
    {
        { "no Authorization header", HttpStatusCode.Unauthorized, "No single Bearer token" },
        { "expired beyond the skew", HttpStatusCode.Unauthorized, "has expired" },
        { "not yet valid beyond the skew", HttpStatusCode.Unauthorized, "not yet valid" },
        { "no expiry", HttpStatusCode.Unauthorized, "no expiry" },
        { "wrong issuer", HttpStatusCode.Unauthorized, "issuer is not the Bot Framework" },
        { "Entra issuer", HttpStatusCode.Unauthorized, "issuer is not the Bot Framework" },
        { "wrong audience", HttpStatusCode.Unauthorized, "audience is not Bot:AppId" },
        { "audience with a trailing slash", HttpStatusCode.Unauthorized, "audience is not Bot:AppId" },
        { "missing serviceurl claim", HttpStatusCode.Unauthorized, "no serviceurl claim" },
        { "wrong serviceurl", HttpStatusCode.Unauthorized, "serviceurl claim is not the activity's serviceUrl" },
        { "unsigned alg none", HttpStatusCode.Unauthorized, "'none' is not accepted" },
        { "HS256 signed with the public key", HttpStatusCode.Unauthorized, "'HS256' is not accepted" },
        { "unknown signing key", HttpStatusCode.Unauthorized, "not in the Bot Framework key set" },
        { "signature tampered", HttpStatusCode.Unauthorized, "signature is not valid" },
        { "key endorsed for another channel", HttpStatusCode.Forbidden, "not endorsed for channel 'msteams'" },
        { "key without endorsements", HttpStatusCode.Forbidden, "not endorsed for channel 'msteams'" },
        { "channel is not msteams", HttpStatusCode.Forbidden, "only msteams is" },
        { "tenant not allowed", HttpStatusCode.Forbidden, "tenant is not served" },
        { "tenant ids disagree", HttpStatusCode.Forbidden, "different tenants" },
    };

    [Theory, MemberData(nameof(Rejections))]
    public async Task Each_broken_step_is_refused_for_its_reason_and_the_handler_does_not_run(string broken, HttpStatusCode expected, string reason)
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var activity = Payloads.Json("personal-message.json");
        var token = BotTestToken.ValidAt(Now);
        switch (broken)
        {
            case "expired beyond the skew": token = new BotTestToken(Now.AddMinutes(-66), Now.AddMinutes(-6)); break;
            case "not yet valid beyond the skew": token = new BotTestToken(Now.AddMinutes(6), Now.AddMinutes(66)); break;
            case "wrong issuer": token = token with { Issuer = "https://api.botframework.example" }; break;
            case "Entra issuer": token = token with { Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0" }; break;
            case "wrong audience": token = token with { Audience = "00000000-0000-4000-8000-000000000bad" }; break;
            case "audience with a trailing slash": token = token with { Audience = Payloads.BotAppId + "/" }; break;
            case "missing serviceurl claim": token = token with { ServiceUrl = null }; break;
            case "wrong serviceurl": token = token with { ServiceUrl = "https://smba.trafficmanager.net/amer/" }; break;
            case "unsigned alg none": token = token with { Signing = BotTokenSigning.AlgNone }; break;
            case "HS256 signed with the public key": token = token with { Signing = BotTokenSigning.Hs256WithPublicKey }; break;
            case "unknown signing key": token = token with { Signing = BotTokenSigning.UnknownKey }; break;
            case "key endorsed for another channel": token = token with { Signing = BotTokenSigning.WebChatKey }; break;
            case "key without endorsements": token = token with { Signing = BotTokenSigning.UnendorsedKey }; break;
            case "channel is not msteams":
                // A key endorsed for webchat passes step 5 for a webchat activity; step 7 still refuses the channel.
                activity["channelId"] = "webchat";
                token = token with { Signing = BotTokenSigning.WebChatKey };
                break;
            case "tenant not allowed":
                activity["conversation"]!["tenantId"] = "99999999-0000-4000-8000-000000000999";
                activity["channelData"]!["tenant"]!["id"] = "99999999-0000-4000-8000-000000000999";
                break;
            case "tenant ids disagree": activity["conversation"]!["tenantId"] = "99999999-0000-4000-8000-000000000999"; break;
        }

        var raw = broken switch
        {
            "no Authorization header" => null,
            "no expiry" => Issuer.Mint(token with { Expires = null }),
            "signature tampered" => Tampered(Issuer.Mint(token)),
            _ => Issuer.Mint(token),
        };

        using var response = await host.PostAsync(activity.ToJsonString(), raw);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var direct = await Authenticator(host).AuthenticateAsync(raw is null ? null : "Bearer " + raw, Payloads.Parse(activity).Activity!, CancellationToken.None);
        var actualReason = direct switch
        {
            BotAuthenticationResult.Unauthorized u when expected == HttpStatusCode.Unauthorized => u.Reason,
            BotAuthenticationResult.Forbidden f when expected == HttpStatusCode.Forbidden => f.Reason,
            _ => $"unexpected {direct}",
        };
        Assert.Contains(reason, actualReason, StringComparison.Ordinal);
    }

    private static BotRequestAuthenticator Authenticator(BotTestHost host) =>
        (BotRequestAuthenticator)host.Services.GetService(typeof(BotRequestAuthenticator))!;

    [Fact]
    public async Task A_401_asks_for_a_bearer_token()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), bearerToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b.c d.e.f")]
    public async Task Anything_but_one_bearer_token_is_refused(string header)
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Payloads.Text("personal-message.json")) };
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task Two_Authorization_headers_are_refused()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var token = Issuer.Mint(BotTestToken.ValidAt(Now));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(Payloads.Text("personal-message.json")) };
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + token, "Bearer " + token]);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(4)]
    public async Task Five_minutes_of_clock_skew_are_allowed_on_either_side(int minutesOff)
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var token = minutesOff < 0
            ? new BotTestToken(Now.AddHours(-1), Now.AddMinutes(minutesOff))
            : new BotTestToken(Now.AddMinutes(minutesOff), Now.AddHours(1));

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Calls);
    }

    [Fact]
    public async Task The_lifetime_is_read_from_the_apps_clock()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var token = Issuer.Mint(BotTestToken.ValidAt(Now));
        host.Time.Advance(TimeSpan.FromMinutes(59)); // by the app's clock the token expired 4 minutes ago: within the skew

        using var withinSkew = await host.PostAsync(Payloads.Text("personal-message.json"), token);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        using var beyondSkew = await host.PostAsync(Payloads.Text("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.OK, withinSkew.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, beyondSkew.StatusCode);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/4f1c2a9e-0000-4000-8000-0000000000aa")]
    [InlineData("https://SMBA.trafficmanager.net/emea/4f1c2a9e-0000-4000-8000-0000000000aa/")]
    public async Task The_serviceurl_claim_matches_without_regard_to_a_trailing_slash_or_case(string claim)
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(Now) with { ServiceUrl = claim }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_channelData_tenant_or_conversation_tenant_is_enough()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var withoutChannelData = Payloads.Json("personal-message.json");
        withoutChannelData.Remove("channelData");
        var withoutConversationTenant = Payloads.Json("personal-message.json");
        withoutConversationTenant["conversation"]!.AsObject().Remove("tenantId");
        var neither = Payloads.Json("personal-message.json");
        neither.Remove("channelData");
        neither["conversation"]!.AsObject().Remove("tenantId");

        var token = Issuer.Mint(BotTestToken.ValidAt(Now));
        using var first = await host.PostAsync(withoutChannelData.ToJsonString(), token);
        using var second = await host.PostAsync(withoutConversationTenant.ToJsonString(), token);
        using var third = await host.PostAsync(neither.ToJsonString(), token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Equal(2, host.Handler.Calls.Count);
    }

    [Fact]
    public async Task Any_listed_tenant_is_served()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl, settings: new Dictionary<string, string?>
        {
            ["Bot:AllowedTenantIds:0"] = "11111111-0000-4000-8000-000000000001",
            ["Bot:AllowedTenantIds:1"] = Payloads.TenantId.ToUpperInvariant(),
        });

        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(Now)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_then_cached()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var before = Issuer.KeySetFetches;

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(Now)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before + 1, Issuer.KeySetFetches);
    }

    [Fact]
    public async Task An_unknown_key_refetches_the_key_set_once_and_a_flood_of_them_does_not_refetch_again()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var unknown = Issuer.Mint(BotTestToken.ValidAt(Now) with { Signing = BotTokenSigning.UnknownKey });
        using (await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(Now))))
        {
        }

        var primed = Issuer.KeySetFetches;
        host.Time.Advance(BotSigningKeySource.MinimumFetchInterval); // the set is no longer brand new

        using var first = await host.PostAsync(Payloads.Text("personal-message.json"), unknown);
        var afterFirst = Issuer.KeySetFetches;
        for (var i = 0; i < 5; i++)
        {
            using var flood = await host.PostAsync(Payloads.Text("personal-message.json"), unknown);
            Assert.Equal(HttpStatusCode.Unauthorized, flood.StatusCode);
        }

        var afterFlood = Issuer.KeySetFetches;
        host.Time.Advance(BotSigningKeySource.MinimumFetchInterval);
        using var later = await host.PostAsync(Payloads.Text("personal-message.json"), unknown);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(primed + 1, afterFirst);
        Assert.Equal(afterFirst, afterFlood);
        Assert.Equal(afterFlood + 1, Issuer.KeySetFetches);
        Assert.Single(host.Handler.Calls);
    }

    [Fact]
    public async Task Keys_older_than_the_refresh_age_are_fetched_again()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        using (await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(Now))))
        {
        }

        var primed = Issuer.KeySetFetches;
        host.Time.Advance(BotSigningKeySource.RefreshAfter);
        using var response = await host.PostAsync(Payloads.Text("personal-message.json"), Issuer.Mint(BotTestToken.ValidAt(host.Time.GetUtcNow())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(primed + 1, Issuer.KeySetFetches);
    }

    [Fact]
    public async Task When_the_key_endpoint_goes_away_the_cached_keys_keep_working()
    {
        var issuer = await BotFrameworkTestIssuer.StartAsync();
        await using var host = await BotTestHost.StartAsync(issuer.MetadataUrl);
        var valid = issuer.Mint(BotTestToken.ValidAt(Now));
        var unknown = issuer.Mint(BotTestToken.ValidAt(Now) with { Signing = BotTokenSigning.UnknownKey });
        using (await host.PostAsync(Payloads.Text("personal-message.json"), valid))
        {
        }

        await issuer.DisposeAsync();
        host.Time.Advance(BotSigningKeySource.MinimumFetchInterval);
        using var unknownKey = await host.PostAsync(Payloads.Text("personal-message.json"), unknown);
        using var knownKey = await host.PostAsync(Payloads.Text("personal-message.json"), valid);

        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, knownKey.StatusCode);
        Assert.Equal(2, host.Handler.Calls.Count);
    }

    [Fact]
    public async Task The_authenticator_works_without_the_endpoint()
    {
        await using var host = await BotTestHost.StartAsync(Issuer.MetadataUrl);
        var authenticator = Authenticator(host);
        var activity = Payloads.Activity("card-action-invoke.json");

        var ok = await authenticator.AuthenticateAsync("Bearer " + Issuer.Mint(BotTestToken.ValidAt(Now)), activity, CancellationToken.None);
        var forbidden = await authenticator.AuthenticateAsync(
            "Bearer " + Issuer.Mint(BotTestToken.ValidAt(Now) with { Signing = BotTokenSigning.WebChatKey }), activity, CancellationToken.None);
        var unauthorized = await authenticator.AuthenticateAsync(null, activity, CancellationToken.None);

        Assert.Equal(Payloads.TenantId, Assert.IsType<BotAuthenticationResult.Authenticated>(ok).Caller.TenantId);
        Assert.Contains("endorsed", Assert.IsType<BotAuthenticationResult.Forbidden>(forbidden).Reason, StringComparison.Ordinal);
        Assert.IsType<BotAuthenticationResult.Unauthorized>(unauthorized);
    }

    /// <summary>Flips one character of the signature.</summary>
    private static string Tampered(string token)
    {
        var last = token[^2] == 'A' ? 'B' : 'A';
        return token[..^2] + last + token[^1];
    }

}
