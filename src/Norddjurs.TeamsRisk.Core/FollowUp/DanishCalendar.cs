namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>
/// Danish public holidays and working days (design.md §7). Holidays are computed from the year, never listed
/// per year, so the calendar needs no yearly update. A working day is Monday–Friday and not a holiday.
/// </summary>
public static class DanishCalendar
{
    /// <summary>Store Bededag was abolished by law from 2024 (design.md §7); it is a holiday up to 2023.</summary>
    private const int FirstYearWithoutGreatPrayerDay = 2024;

    /// <summary>Easter Sunday by the Gregorian computus (the anonymous algorithm, as given by Meeus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The year's public holidays in date order.</summary>
    public static IReadOnlyList<PublicHoliday> HolidaysIn(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<PublicHoliday>
        {
            new(DanishHoliday.NewYearsDay, new DateOnly(year, 1, 1)),
            new(DanishHoliday.MaundyThursday, easter.AddDays(-3)),
            new(DanishHoliday.GoodFriday, easter.AddDays(-2)),
            new(DanishHoliday.EasterSunday, easter),
            new(DanishHoliday.EasterMonday, easter.AddDays(1)),
            new(DanishHoliday.AscensionDay, easter.AddDays(39)),
            new(DanishHoliday.WhitSunday, easter.AddDays(49)),
            new(DanishHoliday.WhitMonday, easter.AddDays(50)),
            new(DanishHoliday.ConstitutionDay, new DateOnly(year, 6, 5)),
            new(DanishHoliday.ChristmasEve, new DateOnly(year, 12, 24)),
            new(DanishHoliday.ChristmasDay, new DateOnly(year, 12, 25)),
            new(DanishHoliday.BoxingDay, new DateOnly(year, 12, 26)),
        };
        if (year < FirstYearWithoutGreatPrayerDay)
        {
            // The fourth Friday after Easter.
            holidays.Add(new PublicHoliday(DanishHoliday.GreatPrayerDay, easter.AddDays(26)));
        }

        return [.. holidays.OrderBy(h => h.Date)];
    }

    public static PublicHoliday? HolidayOn(DateOnly date) =>
        HolidaysIn(date.Year).FirstOrDefault(h => h.Date == date);

    public static bool IsPublicHoliday(DateOnly date) => HolidayOn(date) is not null;

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>
    /// The day on which a limit of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/> runs out: the start itself is not counted, so 1 is the next working day
    /// and 0 is the start.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
