namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>
/// The outcome of one connector call, as a value (house rule 4): the outbox dispatcher retries
/// <see cref="Transient"/> after <see cref="Transient.RetryAfter"/> and dead-letters <see cref="Final"/> with its reason.
/// </summary>
public abstract record ConnectorResult
{
    private ConnectorResult()
    {
    }

    /// <summary>Done. <see cref="Id"/>: the new activity's id (send, reply, update), the conversation id (create); null for delete and typing.</summary>
    /// <param name="ActivityId">Only for a channel thread: the root post's activity id.</param>
    public sealed record Ok(string? Id, string? ActivityId = null) : ConnectorResult;

    /// <summary>Worth trying again after <see cref="RetryAfter"/> (429 honours <c>Retry-After</c>). A POST may already have
    /// arrived (5xx, timeout): at least once, as design.md §5 chooses.</summary>
    public sealed record Transient(TimeSpan RetryAfter, string Reason) : ConnectorResult
    {
        /// <summary>True when <see cref="RetryAfter"/> is the service's own <c>Retry-After</c>; otherwise it is only this call's
        /// backoff, and a caller with its own schedule across attempts (the outbox) should use that instead.</summary>
        public bool AskedByService { get; init; }
    }

    /// <summary>Trying again will not help; <see cref="Kind"/> says what to do instead (mark blocked, install, drop the id, fix the payload).</summary>
    public sealed record Final(ConnectorFailure Kind, string Reason) : ConnectorResult;
}

/// <summary>Why a call failed for good (teams-bot-protocol.md §3.6).</summary>
public enum ConnectorFailure
{
    /// <summary>400: our payload is wrong (BadArgument, BadSyntax).</summary>
    BadRequest,

    /// <summary>401: bad app id or secret, or the Teams channel is not enabled; or the token could not be had for good.</summary>
    Unauthorized,

    /// <summary>403: the user blocked or uninstalled the bot, or a tenant admin disabled it — wait for the user to come back.</summary>
    Blocked,

    /// <summary>403: the app is not installed in that conversation or for that user — install it through Graph (§5.3).</summary>
    NotInstalled,

    /// <summary>Any other 403.</summary>
    Forbidden,

    /// <summary>404: the conversation or activity is gone — drop the stored id.</summary>
    NotFound,

    /// <summary>413 from Teams, or refused before sending: over the 28 KB UTF-16 budget (§4.4) — shrink the card.</summary>
    TooLarge,

    /// <summary>500: the docs say not to retry.</summary>
    ServiceError,

    /// <summary>Refused before sending: the service URL's host is not allow-listed (§3.7); no token left the process.</summary>
    UntrustedServiceUrl,

    /// <summary>Any other answer.</summary>
    Other,
}
