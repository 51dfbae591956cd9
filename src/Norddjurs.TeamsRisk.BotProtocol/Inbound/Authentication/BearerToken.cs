using System.Buffers;

namespace Norddjurs.TeamsRisk.BotProtocol.Inbound;

/// <summary>§2.2 step 1: <c>Bearer</c> and exactly one token of JWT characters (two joined headers or spaces fail).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    private static readonly SearchValues<char> JwtCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static string? From(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorizationHeader.AsSpan(Scheme.Length).Trim();
        return token.Length > 0 && !token.ContainsAnyExcept(JwtCharacters) ? token.ToString() : null;
    }
}
