namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>The Danish calendar day of an instant: deadlines are counted in the municipality's days (design.md §7).</summary>
public static class DanishDays
{
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, DanishTime.Zone).DateTime);
}
