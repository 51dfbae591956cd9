using Norddjurs.TeamsRisk.Workflows.Identity;
using Norddjurs.TeamsRisk.Workflows.Ports;

namespace Norddjurs.TeamsRisk.Workflows.Common;

/// <summary>What every use case stands on: the store, the directory and role resolution, the method versions and the clock.</summary>
public sealed record UseCaseServices(IRiskStore Store, IDirectory Directory, RoleResolver Roles, IMethodVersions Methods, TimeProvider Time)
{
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Today in Denmark: deadlines are Danish calendar days.</summary>
    public DateOnly Today => DanishTime.DateOf(Now);
}

/// <summary>Dates as Denmark reads them (design.md §7, §9): a moment shown as a date is its Danish calendar day.</summary>
public static class DanishTime
{
    public static TimeZoneInfo Zone { get; } = Find();

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
