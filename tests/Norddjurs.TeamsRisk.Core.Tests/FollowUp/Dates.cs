using System.Globalization;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

internal static class Dates
{
    /// <summary>An ISO date (yyyy-MM-dd), so test data reads like the calendar.</summary>
    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
