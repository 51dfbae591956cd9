using System.Globalization;
using System.Text;
using Norddjurs.TeamsRisk.GraphEmulator.Routing;

namespace Norddjurs.TeamsRisk.GraphEmulator.Query;

/// <summary>
/// The opaque <c>$skiptoken</c> of list item pages, shaped like SharePoint's (§4.3):
/// base64 of <c>Paged=TRUE&amp;p_ID={last id}</c>, plus <c>&amp;p_Index={offset}</c> when sorted by a column.
/// </summary>
internal readonly record struct SkipToken(int LastId, int Offset)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"Paged=TRUE&p_ID={LastId}&p_Index={Offset}"))).TrimEnd('=');

    public static SkipToken? Decode(string? token)
    {
        if (token is null)
        {
            return null;
        }
        try
        {
            var padded = token.PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('&')
                .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            return new SkipToken(
                int.Parse(parts["p_ID"], CultureInfo.InvariantCulture),
                parts.TryGetValue("p_Index", out var index) ? int.Parse(index, CultureInfo.InvariantCulture) : 0);
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or OverflowException)
        {
            throw GraphException.Invalid("The skip token is not valid. Only URLs returned by the API can be used to page.");
        }
    }
}
