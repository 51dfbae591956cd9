using System.Globalization;
using System.Text.Json.Nodes;
using Norddjurs.TeamsRisk.Cards.Flow;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>
/// A band as a coloured box with its label in it. Adaptive Cards 1.5 has no arbitrary colours, so the box takes
/// the container style nearest the band's Fluent colour (green good, yellow/orange warning, red attention); the label
/// is always there, so the colour is never the only signal (risk-method.md §3.3, accessibility).
/// </summary>
internal static class BandBadge
{
    public static JsonObject Of(CardBand band, string text, bool bold = true) =>
        Elements.Container([Elements.Text(text, bold: bold)], StyleOf(band.Color));

    /// <summary>"9 point · Høj" with the band's colour.</summary>
    public static JsonObject Of(CardScore score, Language language) =>
        Of(score.Band, CardTexts.Format("score.points_band", language, ("points", CardFormat.Whole(score.Points)), ("band", score.Band.Label)));

    public static string StyleOf(string hexColor)
    {
        if (!TryHue(hexColor, out var hue, out var saturation) || saturation < 0.2)
        {
            return "emphasis";
        }

        return hue switch
        {
            < 15 or >= 330 => "attention",
            < 70 => "warning",
            < 170 => "good",
            _ => "accent",
        };
    }

    private static bool TryHue(string hex, out double hue, out double saturation)
    {
        hue = saturation = 0;
        var digits = hex.TrimStart('#');
        if (digits.Length != 6 || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return false;
        }

        double r = (rgb >> 16 & 0xFF) / 255.0, g = (rgb >> 8 & 0xFF) / 255.0, b = (rgb & 0xFF) / 255.0;
        double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b)), delta = max - min;
        saturation = max == 0 ? 0 : delta / max;
        if (delta == 0)
        {
            return true;
        }

        hue = max == r ? 60 * ((g - b) / delta % 6) : max == g ? 60 * ((b - r) / delta + 2) : 60 * ((r - g) / delta + 4);
        hue = (hue + 360) % 360;
        return true;
    }
}
