namespace FamilyPortal.Tests.Features.Reservations;

public class DeadlineTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Weekends and public holidays are not working days.</summary>
    private static bool Working(DateOnly d) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchPublicHolidays.IsHoliday(d, HolidayCalendar.Metropole);

    [Fact]
    public void Calendar_days_count_back_every_day()
    {
        var rule = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0));
        // Monday 16/03/2026 → Saturday 14/03 at 10:00.
        Assert.Equal(new DateTime(2026, 3, 14, 10, 0, 0), rule.LocalDeadline(new DateOnly(2026, 3, 16), Working));
    }

    [Fact]
    public void Working_days_skip_the_weekend()
    {
        var rule = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0), workingDays: true);
        // Monday 16/03/2026 → Thursday 12/03 at 10:00 (Friday is 1, Thursday is 2).
        Assert.Equal(new DateTime(2026, 3, 12, 10, 0, 0), rule.LocalDeadline(new DateOnly(2026, 3, 16), Working));
    }

    [Fact]
    public void Working_days_skip_public_holidays_and_closures()
    {
        var rule = Deadline.DaysBeforeAt(1, new TimeOnly(18, 0), workingDays: true);
        // Tuesday 12/05/2026 → Monday 11/05.
        Assert.Equal(new DateTime(2026, 5, 11, 18, 0, 0), rule.LocalDeadline(new DateOnly(2026, 5, 12), Working));
        // Monday 11/05/2026: Friday 08/05 is a holiday, so Thursday 07/05.
        Assert.Equal(new DateTime(2026, 5, 7, 18, 0, 0), rule.LocalDeadline(new DateOnly(2026, 5, 11), Working));
        // A closure (strike day) on Thursday 07/05 pushes it to Wednesday 06/05.
        var strike = new DateOnly(2026, 5, 7);
        Assert.Equal(new DateTime(2026, 5, 6, 18, 0, 0), rule.LocalDeadline(new DateOnly(2026, 5, 11), d => Working(d) && d != strike));
    }

    [Fact]
    public void Weekly_cut_off_is_the_weekday_of_the_previous_week()
    {
        var rule = Deadline.PreviousWeekOn(DayOfWeek.Thursday, new TimeOnly(10, 0));
        // Every day of the week of Monday 16/03/2026 closes on Thursday 12/03 at 10:00.
        foreach (var day in Enumerable.Range(16, 5).Select(d => new DateOnly(2026, 3, d)))
        {
            Assert.Equal(new DateTime(2026, 3, 12, 10, 0, 0), rule.LocalDeadline(day, Working));
        }
        Assert.Equal("le jeudi de la semaine précédente à 10:00", rule.Describe());
    }

    [Fact]
    public void A_school_year_crossing_31_december_counts_back_into_the_old_year()
    {
        var working = Deadline.DaysBeforeAt(3, new TimeOnly(10, 0), workingDays: true);
        // Monday 04/01/2027: Friday 01/01 is a holiday → Thursday 31/12, Wednesday 30/12, Tuesday 29/12.
        Assert.Equal(new DateTime(2026, 12, 29, 10, 0, 0), working.LocalDeadline(new DateOnly(2027, 1, 4), Working));
        var weekly = Deadline.PreviousWeekOn(DayOfWeek.Wednesday, new TimeOnly(12, 0));
        Assert.Equal(new DateTime(2026, 12, 30, 12, 0, 0), weekly.LocalDeadline(new DateOnly(2027, 1, 6), Working));
        Assert.Equal(53, FrenchDates.IsoWeek(new DateOnly(2026, 12, 31)));
        Assert.Equal(1, FrenchDates.IsoWeek(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void Deadlines_are_paris_time_on_both_sides_of_daylight_saving()
    {
        var rule = Deadline.DaysBeforeAt(1, new TimeOnly(10, 0));
        // Winter: 10:00 in Paris is 09:00 UTC; summer: 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero), rule.Instant(new DateOnly(2026, 1, 15), Working, Paris));
        Assert.Equal(new DateTimeOffset(2026, 6, 14, 8, 0, 0, TimeSpan.Zero), rule.Instant(new DateOnly(2026, 6, 15), Working, Paris));
    }

    [Fact]
    public void Spring_sunday_a_deadline_inside_the_skipped_hour_moves_to_three_o_clock()
    {
        // Sunday 29/03/2026: 02:00 → 03:00. « 1 jour avant à 02:30 » for Monday 30/03.
        var rule = Deadline.DaysBeforeAt(1, new TimeOnly(2, 30));
        var instant = rule.Instant(new DateOnly(2026, 3, 30), Working, Paris);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
        // 10:00 that Sunday is already summer time: 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero),
            Deadline.DaysBeforeAt(1, new TimeOnly(10, 0)).Instant(new DateOnly(2026, 3, 30), Working, Paris));
    }

    [Fact]
    public void Autumn_sunday_a_deadline_in_the_repeated_hour_is_its_first_occurrence()
    {
        // Sunday 25/10/2026: 03:00 → 02:00; 02:30 happens at 00:30 UTC and again at 01:30 UTC.
        var rule = Deadline.DaysBeforeAt(1, new TimeOnly(2, 30));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), rule.Instant(new DateOnly(2026, 10, 26), Working, Paris).ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero),
            Deadline.DaysBeforeAt(1, new TimeOnly(10, 0)).Instant(new DateOnly(2026, 10, 26), Working, Paris));
    }

    [Fact]
    public void Easter_and_the_moving_holidays_are_computed()
    {
        Assert.Equal(new DateOnly(2026, 4, 5), FrenchPublicHolidays.EasterSunday(2026));
        Assert.Equal(new DateOnly(2027, 3, 28), FrenchPublicHolidays.EasterSunday(2027));
        Assert.Equal(new DateOnly(2017, 4, 16), FrenchPublicHolidays.EasterSunday(2017));
        var holidays = FrenchPublicHolidays.Of(2026, HolidayCalendar.Metropole).ToDictionary(h => h.Name, h => h.Date);
        Assert.Equal(new DateOnly(2026, 4, 6), holidays["Lundi de Pâques"]);
        Assert.Equal(new DateOnly(2026, 5, 14), holidays["Ascension"]);
        Assert.Equal(new DateOnly(2026, 5, 25), holidays["Lundi de Pentecôte"]);
        Assert.Equal(11, holidays.Count);
    }
}
