using Microsoft.IdentityModel.JsonWebTokens;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>
/// A token's lifetime against the app's <see cref="TimeProvider"/> (§2.2 step 3); IdentityModel's own check reads the
/// system clock, which tests cannot move.
/// </summary>
internal static class BotTokenLifetime
{
    /// <summary>Why the token is outside its lifetime at <paramref name="now"/>, or null; a token without <c>exp</c> never is.</summary>
    public static string? Failure(JsonWebToken token, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (!token.TryGetPayloadValue<long>("exp", out _))
        {
            return "The token has no expiry.";
        }

        if (now - clockSkew >= new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc)))
        {
            return "The token has expired.";
        }

        if (token.TryGetPayloadValue<long>("nbf", out _) && now + clockSkew < new DateTimeOffset(DateTime.SpecifyKind(token.ValidFrom, DateTimeKind.Utc)))
        {
            return "The token is not yet valid.";
        }

        return null;
    }
}
