namespace Norddjurs.TeamsRisk.BotProtocol.Outbound;

/// <summary>An access token for the Bot Connector (audience <c>https://api.botframework.com</c>) and when it expires.</summary>
public sealed record BotToken(string AccessToken, DateTimeOffset ExpiresOn)
{
    /// <summary>No token: the Agents Playground's connector is anonymous (Development only); no Authorization header is sent.</summary>
    public static BotToken None { get; } = new(string.Empty, DateTimeOffset.MaxValue);

    public bool IsNone => AccessToken.Length == 0;

    public override string ToString() => $"BotToken(expires {ExpiresOn:O})"; // never the token itself in logs
}
