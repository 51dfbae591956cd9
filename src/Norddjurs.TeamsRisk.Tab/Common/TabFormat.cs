using System.Globalization;
using Norddjurs.TeamsRisk.Core;

namespace Norddjurs.TeamsRisk.Tab.Common;

/// <summary>Dates and numbers as the reader's language writes them (design.md §9: Danish <c>d. MMMM yyyy</c>, decimal comma).</summary>
public static class TabFormat
{
    public static CultureInfo Danish { get; } = CultureInfo.GetCultureInfo("da-DK");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(Language language) => language == Language.English ? English : Danish;

    public static string Date(DateOnly? date, Language language) =>
        date is { } d ? d.ToString(language == Language.English ? "d MMMM yyyy" : "d. MMMM yyyy", Culture(language)) : "–";

    public static string Moment(DateTimeOffset moment, Language language) =>
        TimeZoneInfo.ConvertTime(moment, Workflows.Common.DanishTime.Zone).ToString(
            language == Language.English ? "d MMMM yyyy HH:mm" : "d. MMMM yyyy 'kl.' HH:mm", Culture(language));

    public static string Number(int value, Language language) => value.ToString("N0", Culture(language));
}
