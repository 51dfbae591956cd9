namespace Norddjurs.TeamsRisk.Core.FollowUp;

/// <summary>The Danish public holidays that stop the working-day count (design.md §7).</summary>
public enum DanishHoliday
{
    NewYearsDay,
    MaundyThursday,
    GoodFriday,
    EasterSunday,
    EasterMonday,
    GreatPrayerDay,
    AscensionDay,
    WhitSunday,
    WhitMonday,
    ConstitutionDay,
    ChristmasEve,
    ChristmasDay,
    BoxingDay,
}

/// <summary>One holiday on its date in a given year; its name is the text <see cref="TextKey"/>.</summary>
public sealed record PublicHoliday(DanishHoliday Holiday, DateOnly Date)
{
    public string TextKey => Holiday.TextKey();
}

public static class DanishHolidayTexts
{
    public static string TextKey(this DanishHoliday holiday) => holiday switch
    {
        DanishHoliday.NewYearsDay => "followup.holiday.new_years_day",
        DanishHoliday.MaundyThursday => "followup.holiday.maundy_thursday",
        DanishHoliday.GoodFriday => "followup.holiday.good_friday",
        DanishHoliday.EasterSunday => "followup.holiday.easter_sunday",
        DanishHoliday.EasterMonday => "followup.holiday.easter_monday",
        DanishHoliday.GreatPrayerDay => "followup.holiday.great_prayer_day",
        DanishHoliday.AscensionDay => "followup.holiday.ascension_day",
        DanishHoliday.WhitSunday => "followup.holiday.whit_sunday",
        DanishHoliday.WhitMonday => "followup.holiday.whit_monday",
        DanishHoliday.ConstitutionDay => "followup.holiday.constitution_day",
        DanishHoliday.ChristmasEve => "followup.holiday.christmas_eve",
        DanishHoliday.ChristmasDay => "followup.holiday.christmas_day",
        DanishHoliday.BoxingDay => "followup.holiday.boxing_day",
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, null),
    };
}
