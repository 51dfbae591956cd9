using System.Globalization;
using System.Text;

namespace Norddjurs.TeamsRisk.GraphEmulator.Lists;

/// <summary>
/// SharePoint's internal name from a label (§3.7): every character that is not an ASCII letter, digit or
/// underscore becomes <c>_x{hhhh}_</c>, and the result is cut to 32 characters, even inside an escape.
/// </summary>
public static class InternalNames
{
    public const int MaxLength = 32;

    public static string FromLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var builder = new StringBuilder();
        foreach (var c in label)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("_x").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)).Append('_');
            }
        }
        return builder.Length > MaxLength ? builder.ToString(0, MaxLength) : builder.ToString();
    }
}
