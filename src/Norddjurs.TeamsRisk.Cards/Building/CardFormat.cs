using System.Globalization;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Cards.Building;

/// <summary>Dates and numbers as design.md §9 prescribes: <c>d. MMMM yyyy</c> and decimal comma in Danish.</summary>
public static class CardFormat
{
    public static string Date(DateOnly date, Language language) => language == Language.English
        ? date.ToString("d MMMM yyyy", CardTexts.CultureOf(language))
        : date.ToString("d. MMMM yyyy", CardTexts.CultureOf(language));

    /// <summary>Up to two decimals, without trailing zeros ("1,5" in Danish, "1.5" in English).</summary>
    public static string Number(double value, Language language) => value.ToString("0.##", CardTexts.CultureOf(language));

    public static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Input.Date's wire format.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Input.Number's wire value: invariant, whatever the user's language.</summary>
    public static string Wire(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
