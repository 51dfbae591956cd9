namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// The outbound half of the <c>Bot</c> section (design.md §10): the bot's token for the Bot Connector
/// (teams-bot-protocol.md §3.1) and which service URLs may receive it (§3.7). Bound beside the inbound
/// <c>BotOptions</c>; both read the same keys where they overlap.
/// </summary>
public sealed class ConnectorOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's Entra app id (or the user-assigned managed identity's client id).</summary>
    public string? AppId { get; set; }

    /// <summary>The tenant of the single-tenant app registration; the token is requested there.</summary>
    public string? TenantId { get; set; }

    /// <summary>Client-credentials secret. Exactly one of this, <see cref="CertificatePath"/> and <see cref="UseManagedIdentity"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PEM or PFX (no password) certificate registered on the app.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Use the user-assigned managed identity whose client id is <see cref="AppId"/>.</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Entra's login host; tests point it at a loopback token endpoint.</summary>
    public Uri TokenEndpointBase { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>
    /// Hosts that may receive the bot token: exact names or <c>*.suffix</c>. Empty means the defaults of
    /// <see cref="ServiceUrlAllowList.DefaultHosts"/>; a non-empty list replaces them (e.g. for a government cloud).
    /// </summary>
    public IList<string> ServiceUrlAllowList { get; } = [];

    /// <summary>
    /// Development only (§2.6, §3.7): loopback service URLs (the Agents Playground's <c>/_connector</c>) are allowed,
    /// over http, and no credential is needed — the Playground's connector is anonymous. Refused in any other environment.
    /// </summary>
    public bool AllowUnauthenticatedLocalDevelopment { get; set; }

    /// <summary>Pace of all connector calls of this app (§3.6: the tenant-wide limit is 50 RPS; we stay at 20).</summary>
    public int MaxRequestsPerSecond { get; set; } = 20;

    /// <summary>Attempts within one call for quick transient errors; what remains is returned as transient to the outbox.</summary>
    public int MaxAttemptsPerCall { get; set; } = 3;

    /// <summary>A retry waits in the call only when its delay is at most this; a longer wait goes back to the outbox.</summary>
    public TimeSpan MaxInCallRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One HTTP attempt's time limit; on expiry the outcome is unknown, so it is transient.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
