namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>Who sent an activity, as far as its token (or the Development rule) proves.</summary>
/// <param name="AppId">The bot's app id the token was issued for; null for an anonymous Development request.</param>
/// <param name="ServiceUrl">The activity's serviceUrl, bound to the token's <c>serviceurl</c> claim.</param>
/// <param name="TenantId">The conversation's tenant, one of the served tenants.</param>
/// <param name="IsAnonymousDevelopment">True only under the four conditions of teams-bot-protocol.md §2.6.</param>
public sealed record BotCaller(string? AppId, string ServiceUrl, string TenantId, string ChannelId, bool IsAnonymousDevelopment);

/// <summary>The outcome of teams-bot-protocol.md §2.2: authenticated, 401 or 403. The reason is for logs, never for the response.</summary>
public abstract record BotAuthenticationResult
{
    private protected BotAuthenticationResult()
    {
    }

    public sealed record Authenticated(BotCaller Caller) : BotAuthenticationResult;

    /// <summary>No valid token for this activity: steps 1–4 and 6.</summary>
    public sealed record Unauthorized(string Reason) : BotAuthenticationResult;

    /// <summary>A valid token, but not for this channel or tenant: steps 5, 7 and 8.</summary>
    public sealed record Forbidden(string Reason) : BotAuthenticationResult;
}
