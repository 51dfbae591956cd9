using Norddjurs.TeamsRisk.Core.Errors;
using Norddjurs.TeamsRisk.Core.FollowUp;
using static Norddjurs.TeamsRisk.Core.Tests.FollowUp.Dates;

namespace Norddjurs.TeamsRisk.Core.Tests.FollowUp;

public sealed class DanishCalendarTests
{
    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, string easter) =>
        Assert.Equal(Day(easter), DanishCalendar.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01", DanishHoliday.NewYearsDay)]
    [InlineData("2026-04-02", DanishHoliday.MaundyThursday)]
    [InlineData("2026-04-03", DanishHoliday.GoodFriday)]
    [InlineData("2026-04-05", DanishHoliday.EasterSunday)]
    [InlineData("2026-04-06", DanishHoliday.EasterMonday)]
    [InlineData("2026-05-14", DanishHoliday.AscensionDay)]
    [InlineData("2026-05-24", DanishHoliday.WhitSunday)]
    [InlineData("2026-05-25", DanishHoliday.WhitMonday)]
    [InlineData("2026-06-05", DanishHoliday.ConstitutionDay)]
    [InlineData("2026-12-24", DanishHoliday.ChristmasEve)]
    [InlineData("2026-12-25", DanishHoliday.ChristmasDay)]
    [InlineData("2026-12-26", DanishHoliday.BoxingDay)]
    public void Every_Danish_public_holiday_of_2026_falls_on_its_day_and_is_no_working_day(string date, DanishHoliday holiday)
    {
        var day = Day(date);
        Assert.Equal(holiday, DanishCalendar.HolidayOn(day)?.Holiday);
        Assert.False(DanishCalendar.IsWorkingDay(day));
    }

    [Fact]
    public void The_year_2026_has_exactly_the_twelve_holidays_of_design_section_7()
    {
        var holidays = DanishCalendar.HolidaysIn(2026);
        Assert.Equal(12, holidays.Count);
        Assert.DoesNotContain(holidays, h => h.Holiday == DanishHoliday.GreatPrayerDay);
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
    }

    [Fact]
    public void Store_Bededag_is_a_holiday_in_2023_the_fourth_Friday_after_Easter()
    {
        var greatPrayerDay = new DateOnly(2023, 5, 5);
        Assert.Equal(DanishHoliday.GreatPrayerDay, DanishCalendar.HolidayOn(greatPrayerDay)?.Holiday);
        Assert.False(DanishCalendar.IsWorkingDay(greatPrayerDay));
    }

    [Theory]
    [InlineData("2024-04-26")]
    [InlineData("2025-05-16")]
    [InlineData("2026-05-01")]
    [InlineData("2027-04-23")]
    public void Store_Bededag_is_an_ordinary_working_day_from_2024(string fourthFridayAfterEaster)
    {
        var day = Day(fourthFridayAfterEaster);
        Assert.Equal(DayOfWeek.Friday, day.DayOfWeek);
        Assert.False(DanishCalendar.IsPublicHoliday(day));
        Assert.True(DanishCalendar.IsWorkingDay(day));
    }

    [Theory]
    [InlineData("2026-12-31")] // nytårsaftensdag is not a public holiday
    [InlineData("2026-05-15")] // the Friday after Kristi himmelfart is a bridge day, not a holiday
    [InlineData("2026-12-28")]
    [InlineData("2026-04-07")]
    public void Days_that_are_often_taken_off_are_still_working_days(string date) =>
        Assert.True(DanishCalendar.IsWorkingDay(Day(date)));

    [Theory]
    [InlineData("2026-01-03")]
    [InlineData("2026-01-04")]
    public void Weekends_are_not_working_days(string date) =>
        Assert.False(DanishCalendar.IsWorkingDay(Day(date)));

    [Theory]
    [InlineData("2026-04-01", 1, "2026-04-07")] // Wednesday before Easter: Thursday to Monday are off
    [InlineData("2026-03-30", 15, "2026-04-23")] // a committee review across Easter
    [InlineData("2026-03-20", 20, "2026-04-22")] // a directorate decision across Easter
    [InlineData("2026-12-21", 10, "2027-01-07")] // an area manager decision across Christmas and New Year
    [InlineData("2026-12-23", 1, "2026-12-28")]
    [InlineData("2026-12-31", 1, "2027-01-04")]
    [InlineData("2026-01-30", 1, "2026-02-02")] // Friday at a month end, over the weekend
    [InlineData("2026-02-27", 2, "2026-03-03")]
    [InlineData("2026-01-03", 1, "2026-01-05")] // a Saturday start counts from Monday
    [InlineData("2026-05-13", 1, "2026-05-15")] // Kristi himmelfartsdag
    [InlineData("2026-06-04", 1, "2026-06-08")] // Grundlovsdag on a Friday
    [InlineData("2026-03-04", 0, "2026-03-04")]
    public void Adding_working_days_skips_weekends_and_holidays_and_does_not_count_the_start(string start, int days, string expected) =>
        Assert.Equal(Day(expected), DanishCalendar.AddWorkingDays(Day(start), days));

    [Fact]
    public void Store_Bededag_moved_a_deadline_in_2023_but_not_in_2024()
    {
        Assert.Equal(new DateOnly(2023, 5, 8), DanishCalendar.AddWorkingDays(new DateOnly(2023, 5, 4), 1));
        Assert.Equal(new DateOnly(2024, 4, 26), DanishCalendar.AddWorkingDays(new DateOnly(2024, 4, 25), 1));
    }

    [Theory]
    [InlineData("2026-03-30", "2026-04-23", 15)]
    [InlineData("2026-12-21", "2027-01-07", 10)]
    [InlineData("2026-04-02", "2026-04-06", 0)]
    [InlineData("2026-03-04", "2026-03-04", 0)]
    [InlineData("2026-04-23", "2026-03-30", -15)]
    public void Working_days_between_count_the_days_after_the_start_up_to_the_end(string from, string to, int expected) =>
        Assert.Equal(expected, DanishCalendar.WorkingDaysBetween(Day(from), Day(to)));

    [Fact]
    public void Working_days_between_undoes_adding_working_days_through_a_whole_year()
    {
        for (var start = new DateOnly(2026, 1, 1); start.Year == 2026; start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 10, 15, 20 })
            {
                Assert.Equal(n, DanishCalendar.WorkingDaysBetween(start, DanishCalendar.AddWorkingDays(start, n)));
            }
        }
    }

    [Fact]
    public void A_negative_number_of_working_days_is_a_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DanishCalendar.AddWorkingDays(new DateOnly(2026, 1, 5), -1));

    [Fact]
    public void Every_holiday_has_a_Danish_and_an_English_name()
    {
        foreach (var holiday in Enum.GetValues<DanishHoliday>())
        {
            Assert.NotNull(Texts.Find(holiday.TextKey(), Language.Danish));
            Assert.NotNull(Texts.Find(holiday.TextKey(), Language.English));
        }

        Assert.Equal("2. påskedag", Texts.Get(DanishHoliday.EasterMonday.TextKey(), Language.Danish));
    }
}
