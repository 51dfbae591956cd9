using System.Net;

namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>How an HTTP answer is treated: the retry table of §3.6.</summary>
internal readonly record struct ConnectorAnswer(bool IsSuccess, bool IsRetryable, ConnectorFailure Kind)
{
    private static readonly string[] BlockedCodes = ["ConversationBlockedByUser", "MessageWritesBlocked", "BotDisabledByAdmin", "209"];
    private static readonly string[] NotInstalledCodes = ["BotNotInConversationRoster", "ForbiddenOperationException"];

    public static ConnectorAnswer Classify(HttpStatusCode status, string? code) => (int)status switch
    {
        >= 200 and < 300 => new(true, false, default),
        412 or 429 or 502 or 503 or 504 => new(false, true, default),
        400 => Final(ConnectorFailure.BadRequest),
        401 => Final(ConnectorFailure.Unauthorized),
        403 when Is(code, BlockedCodes) => Final(ConnectorFailure.Blocked),
        403 when Is(code, NotInstalledCodes) => Final(ConnectorFailure.NotInstalled),
        403 => Final(ConnectorFailure.Forbidden),
        404 => Final(ConnectorFailure.NotFound),
        413 => Final(ConnectorFailure.TooLarge),
        500 => Final(ConnectorFailure.ServiceError),
        _ => Final(ConnectorFailure.Other),
    };

    private static ConnectorAnswer Final(ConnectorFailure kind) => new(false, false, kind);

    private static bool Is(string? code, string[] codes) => code is not null && codes.Contains(code, StringComparer.OrdinalIgnoreCase);
}
