using System.Globalization;
using System.Text;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Delta;

/// <summary>
/// Delta cursors, opaque to clients: a deltaLink <c>token</c> holds the change sequence seen; a nextLink
/// <c>$skiptoken</c> holds the round's start, its end and the last id returned.
/// </summary>
internal static class DeltaToken
{
    public static string ForDeltaLink(long sequence) => Encode($"seq={sequence}");

    public static string ForPage(long from, long upTo, int afterId) => Encode($"from={from}&upTo={upTo}&after={afterId}");

    public static Dictionary<string, long> Decode(string token)
    {
        try
        {
            var padded = token.PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('&')
                .Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            throw new GraphException(410, "resyncChangesApplyDifferences", "The delta token is not valid; start a new enumeration.");
        }
    }

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{text}"))).TrimEnd('=');
}
