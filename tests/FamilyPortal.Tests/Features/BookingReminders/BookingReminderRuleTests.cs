namespace FamilyPortal.Tests.Features.BookingReminders;

public class BookingReminderRuleTests
{
    private static readonly TimeZoneInfo Paris = ParisClock.Zone;
    private static readonly DateOnly NextMonday = new(2026, 11, 23);
    private static readonly Deadline ThursdayNoon = Deadline.PreviousWeekOn(DayOfWeek.Thursday, new TimeOnly(12, 0));

    /// <summary>Monday 16/11/2026 at 08:00 in Paris.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-16", "2026-11-23")]
    [InlineData("2026-11-22", "2026-11-23")]
    [InlineData("2026-11-23", "2026-11-30")]
    public void Next_week_starts_on_the_monday_after_the_current_week(string today, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture),
            BookingReminderRule.NextWeekStart(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_cut_off_of_a_weekly_deadline_is_the_thursday_before_in_paris_time()
    {
        var cutoff = BookingReminderRule.WeekCutoff(NextMonday, ServiceDays.SchoolWeek, ThursdayNoon, _ => true, Paris);

        Assert.Equal(new DateTimeOffset(2026, 11, 19, 11, 0, 0, TimeSpan.Zero), cutoff);
    }

    [Fact]
    public void With_days_before_the_cut_off_is_the_deadline_of_the_first_service_day_counted_in_working_days()
    {
        // Wednesday 11/11 only; two working days before it at 10:00 is Monday 9/11.
        var cutoff = BookingReminderRule.WeekCutoff(new DateOnly(2026, 11, 9), ServiceDays.Wednesday,
            Deadline.DaysBeforeAt(2, new TimeOnly(10, 0), workingDays: true), d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), Paris);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 9, 0, 0, TimeSpan.Zero), cutoff);

        Assert.Null(BookingReminderRule.WeekCutoff(NextMonday, ServiceDays.None, ThursdayNoon, _ => true, Paris));
    }

    [Fact]
    public void A_reminder_is_due_from_its_lead_time_before_the_cut_off_until_the_cut_off()
    {
        var cutoff = new DateTimeOffset(2026, 11, 19, 11, 0, 0, TimeSpan.Zero);

        Assert.False(BookingReminderRule.IsDue(cutoff.AddHours(-24).AddMinutes(-1), cutoff, 24));
        Assert.True(BookingReminderRule.IsDue(cutoff.AddHours(-24), cutoff, 24));
        Assert.True(BookingReminderRule.IsDue(cutoff.AddMinutes(-1), cutoff, 24));
        Assert.False(BookingReminderRule.IsDue(cutoff, cutoff, 24));
    }

    [Fact]
    public void A_child_with_nothing_booked_and_a_day_it_may_book_is_reminded()
    {
        Assert.True(BookingReminderRule.ShouldRemind(Week(), Now, Paris));
    }

    [Fact]
    public void A_child_with_one_day_booked_that_week_is_not_reminded()
    {
        var week = Week().Select((d, i) => i == 3 ? d with { ChildHasBooking = true } : d).ToList();

        Assert.False(BookingReminderRule.ShouldRemind(week, Now, Paris));
    }

    [Fact]
    public void A_child_not_enrolled_in_an_activity_that_requires_it_is_not_reminded_an_enrolled_one_is()
    {
        Assert.False(BookingReminderRule.ShouldRemind(Week(d => d with { EnrolmentRequired = true }), Now, Paris));
        Assert.True(BookingReminderRule.ShouldRemind(Week(d => d with { EnrolmentRequired = true, ChildEnrolled = true }), Now, Paris));
    }

    [Fact]
    public void A_child_of_another_site_or_a_week_closed_full_or_past_its_deadline_is_not_reminded()
    {
        Assert.False(BookingReminderRule.ShouldRemind(Week(d => d with { ChildSiteId = 2 }), Now, Paris));
        Assert.False(BookingReminderRule.ShouldRemind(Week(d => d with { ClosureReason = "Grève" }), Now, Paris));
        Assert.False(BookingReminderRule.ShouldRemind(Week(d => d with { Capacity = 10, Booked = 10 }), Now, Paris));
        Assert.False(BookingReminderRule.ShouldRemind(Week(d => d with { SchoolYearEnd = null }), Now, Paris));
        Assert.False(BookingReminderRule.ShouldRemind(Week(), new DateTimeOffset(2026, 11, 19, 11, 0, 0, TimeSpan.Zero), Paris));
    }

    [Fact]
    public void The_lead_time_is_between_one_hour_and_a_week()
    {
        Assert.False(BookingReminderRule.IsValidLead(0));
        Assert.True(BookingReminderRule.IsValidLead(1));
        Assert.True(BookingReminderRule.IsValidLead(168));
        Assert.False(BookingReminderRule.IsValidLead(169));
    }

    [Fact]
    public void The_words_give_the_cut_off_as_french_families_read_it()
    {
        var noon = new DateTime(2026, 11, 19, 12, 0, 0);
        var lines = new List<ReminderLine>
        {
            new("Lou", "GT - PERI SOIR", new DateTime(2026, 11, 20, 9, 30, 0)),
            new("Léa", "GT - RESTAURATION", noon),
        };

        Assert.Equal("jeudi 12h", BookingReminderText.ShortCutoff(noon));
        Assert.Equal("vendredi 9h30", BookingReminderText.ShortCutoff(new DateTime(2026, 11, 20, 9, 30, 0)));
        Assert.Equal("Pensez à réserver avant jeudi 12h – COMMUNE", BookingReminderText.Subject(lines, "COMMUNE"));
        var paragraphs = BookingReminderText.Paragraphs(lines, NextMonday);
        Assert.StartsWith("Pensez à réserver avant jeudi 12h : rien n'est encore réservé pour la semaine du 23/11/2026 au 29/11/2026.", paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("Prestations encore sans réservation :\n• Léa – GT - RESTAURATION – avant le jeudi 19 novembre 2026 à 12h\n• Lou – GT - PERI SOIR – avant le vendredi 20 novembre 2026 à 9h30",
            paragraphs[1]);
    }

    private static List<DayContext> Week(Func<DayContext, DayContext>? change = null) =>
        BookingReminderRule.WeekOf(NextMonday).Select(day =>
        {
            var context = new DayContext
            {
                Day = day,
                Holidays = HolidayCalendar.Metropole,
                RunsOn = ServiceDays.SchoolWeek,
                Rule = new BookingRule { BookingDeadline = ThursdayNoon, CancellationDeadline = ThursdayNoon },
                SchoolYearEnd = new DateOnly(2027, 7, 3),
                ChildSiteId = 1,
                ActivitySiteId = 1,
                IsWorkingDay = d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
            };
            return change is null ? context : change(context);
        }).ToList();
}
