using Microsoft.IdentityModel.Tokens;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>One key of the Bot Framework JWKS with the channels it may sign for (<c>endorsements</c>, §2.1).</summary>
public sealed record BotSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements)
{
    public bool IsEndorsedFor(string channelId) => Endorsements.Contains(channelId, StringComparer.Ordinal);
}

/// <summary>The signing keys could not be fetched and none are cached: the bot cannot tell callers apart, so it answers 503.</summary>
public sealed class BotSigningKeysUnavailableException : Exception
{
    public BotSigningKeysUnavailableException()
    {
    }

    public BotSigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    public BotSigningKeysUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
