using static FamilyPortal.Tests.Features.Reservations.VerdictKit;

namespace FamilyPortal.Tests.Features.Reservations;

public class BookingVerdictTests
{
    [Fact]
    public void The_exact_second_of_the_deadline_closes_the_day()
    {
        Assert.Equal(Verdict.Yes, ParentBooks(Day(), MondayDeadline.AddSeconds(-1)));
        var refused = ParentBooks(Day(), MondayDeadline);
        Assert.False(refused.Allowed);
        Assert.Equal(VerdictReason.BookingDeadlinePassed, refused.Reason);
        Assert.Equal("délai dépassé le 12/03 à 10:00", refused.Message);
    }

    [Theory]
    [InlineData(VerdictReason.NotOffered, "prestation non accessible à cet enfant")]
    [InlineData(VerdictReason.AlreadyBooked, "déjà réservé")]
    [InlineData(VerdictReason.Closure, "fermé (grève)")]
    [InlineData(VerdictReason.PublicHoliday, "fermé (Lundi de Pâques)")]
    [InlineData(VerdictReason.NotServed, "fermé")]
    [InlineData(VerdictReason.OutsideSchoolYear, "hors année scolaire")]
    [InlineData(VerdictReason.NotOpenYet, "réservations ouvertes à partir du 16/03/2026 à 08:00")]
    [InlineData(VerdictReason.BeyondHorizon, "trop tôt pour réserver ce jour")]
    [InlineData(VerdictReason.BookingDeadlinePassed, "délai dépassé le 12/03 à 10:00")]
    [InlineData(VerdictReason.Full, "complet")]
    public void Each_reason_a_parent_may_not_book_has_its_words(VerdictReason reason, string message)
    {
        var (day, now) = DayRefusing(reason);

        var verdict = ParentBooks(day, now);

        Assert.Equal(new Verdict(false, reason, message), verdict);
    }

    [Theory]
    [InlineData(VerdictReason.NotOffered, "Cette prestation n'est pas proposée sur le site de l'enfant.")]
    [InlineData(VerdictReason.AlreadyBooked, "déjà réservé")]
    [InlineData(VerdictReason.Closure, "fermé (grève)")]
    [InlineData(VerdictReason.PublicHoliday, "jour férié (Lundi de Pâques)")]
    [InlineData(VerdictReason.NotServed, "la prestation n'a pas lieu ce jour-là")]
    [InlineData(VerdictReason.OutsideSchoolYear, "hors année scolaire")]
    [InlineData(VerdictReason.Full, "complet")]
    public void Staff_are_refused_only_what_makes_the_day_impossible_in_their_own_words(VerdictReason reason, string message)
    {
        var (day, now) = DayRefusing(reason);

        Assert.Equal(new Verdict(false, reason, message), StaffBooks(day, now));
    }

    [Theory]
    [InlineData(VerdictReason.NotOpenYet)]
    [InlineData(VerdictReason.BeyondHorizon)]
    [InlineData(VerdictReason.BookingDeadlinePassed)]
    public void Staff_pass_over_the_opening_the_horizon_and_the_deadline_and_the_verdict_says_which(VerdictReason reason)
    {
        var (day, now) = DayRefusing(reason);

        var verdict = StaffBooks(day, now);

        Assert.True(verdict.Allowed);
        Assert.Equal(reason, verdict.Reason);
        Assert.Equal(ParentBooks(day, now).Message, verdict.Message);
    }

    [Fact]
    public void Staff_pass_over_the_deadline_the_opening_window_and_the_horizon()
    {
        var closedWindow = new BookingRule { OpensAtUtc = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), HorizonWeeks = 1 };
        var longAfterTheDeadline = MondayDeadline.AddDays(30);
        Assert.False(ParentBooks(Day(rule: closedWindow), longAfterTheDeadline).Allowed);
        Assert.True(StaffBooks(Day(rule: closedWindow), longAfterTheDeadline).Allowed);
    }

    [Fact]
    public void Staff_cannot_book_twice_nor_past_the_places()
    {
        var late = MondayDeadline.AddDays(1);
        Assert.Equal("déjà réservé", StaffBooks(Day(booked: true), late).Message);
        Assert.Equal("complet", StaffBooks(Day(capacity: 2, taken: 2), late).Message);
        Assert.True(StaffBooks(Day(capacity: 2, taken: 1), late).Allowed);
    }

    [Fact]
    public void A_closure_on_a_public_holiday_names_the_closure_to_parents_and_the_holiday_to_staff()
    {
        var easterMonday = Day(day: Date("2026-04-06"), closure: "Vacances de printemps");

        Assert.Equal("fermé (Vacances de printemps)", ParentBooks(easterMonday, BeforeTheDeadline).Message);
        Assert.Equal("jour férié (Lundi de Pâques)", StaffBooks(easterMonday, BeforeTheDeadline).Message);
    }

    [Fact]
    public void The_places_are_the_last_thing_a_parent_is_told()
    {
        var fullAndLate = Day(capacity: 3, taken: 3);

        Assert.Equal(VerdictReason.BookingDeadlinePassed, ParentBooks(fullAndLate, MondayDeadline).Reason);
        Assert.Equal(VerdictReason.Full, ParentBooks(fullAndLate, BeforeTheDeadline).Reason);
        Assert.Equal(VerdictReason.Full, StaffBooks(fullAndLate, MondayDeadline).Reason);
    }

    [Fact]
    public void A_child_without_a_site_may_have_any_sites_activity_and_a_child_of_another_site_none()
    {
        Assert.True(ParentBooks(Day(childSite: null), BeforeTheDeadline).Allowed);
        Assert.True(ParentBooks(Day(childSite: ActivitySite), BeforeTheDeadline).Allowed);
        Assert.Equal(VerdictReason.NotOffered, ParentBooks(Day(childSite: 2), BeforeTheDeadline).Reason);
        Assert.True(BookingVerdict.IsOffered(null, 7));
        Assert.False(BookingVerdict.IsOffered(2, 7));
    }

    [Fact]
    public void A_parent_cancels_until_the_cancellation_deadline_and_only_a_booked_day()
    {
        Assert.Equal(Verdict.Yes, ParentCancels(Day(booked: true), MondayDeadline.AddSeconds(-1)));
        Assert.Equal(new Verdict(false, VerdictReason.CancellationDeadlinePassed, "délai d'annulation dépassé le 12/03 à 10:00"),
            ParentCancels(Day(booked: true), MondayDeadline));
        Assert.Equal(new Verdict(false, VerdictReason.NothingToCancel, "aucune réservation à annuler"),
            ParentCancels(Day(), BeforeTheDeadline));
        Assert.Equal(VerdictReason.NotOffered, ParentCancels(Day(booked: true, childSite: 2), BeforeTheDeadline).Reason);
    }

    [Fact]
    public void A_cancellation_by_staff_is_in_time_before_the_deadline_and_late_from_it()
    {
        Assert.Equal(Verdict.Yes, StaffCancels(Day(booked: true), MondayDeadline.AddSeconds(-1)));
        var late = StaffCancels(Day(booked: true), MondayDeadline);
        Assert.True(late.Allowed);
        Assert.Equal(VerdictReason.CancellationDeadlinePassed, late.Reason);
        Assert.Equal(VerdictReason.NothingToCancel, StaffCancels(Day(), MondayDeadline).Reason);
    }

    [Fact]
    public void Staff_cancel_a_booking_of_a_site_the_child_has_left()
    {
        Assert.True(StaffCancels(Day(booked: true, childSite: 2), BeforeTheDeadline).Allowed);
    }

    [Fact]
    public void Cancelling_may_end_later_than_booking()
    {
        var rule = new BookingRule
        {
            BookingDeadline = Deadline.DaysBeforeAt(7, new TimeOnly(10, 0)),
            CancellationDeadline = Deadline.DaysBeforeAt(1, new TimeOnly(10, 0)),
        };
        var friday = new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(VerdictReason.BookingDeadlinePassed, ParentBooks(Day(rule: rule), friday).Reason);
        Assert.True(ParentCancels(Day(booked: true, rule: rule), friday).Allowed);
    }

    [Fact]
    public void The_opening_window_limits_how_early_and_how_far_ahead()
    {
        var opening = new BookingRule { OpensAtUtc = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc), HorizonWeeks = 2 };
        Assert.Equal("réservations ouvertes à partir du 02/03/2026 à 08:00",
            ParentBooks(Day(rule: opening), new DateTimeOffset(2026, 3, 2, 6, 59, 59, TimeSpan.Zero)).Message);
        Assert.True(ParentBooks(Day(rule: opening), new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)).Allowed);
        // Two weeks from Monday 02/03 is 16/03: 17/03 is too far.
        Assert.Equal("trop tôt pour réserver ce jour",
            ParentBooks(Day(day: Date("2026-03-17"), rule: opening), new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)).Message);
        Assert.Equal("hors année scolaire", ParentBooks(Day(outsideYear: true), MondayDeadline.AddDays(-3)).Message);
    }

    [Fact]
    public void The_horizon_counts_from_todays_date_in_paris_not_in_utc()
    {
        var oneWeek = new BookingRule { HorizonWeeks = 1, BookingDeadline = Deadline.DaysBeforeAt(0, new TimeOnly(10, 0)) };
        // Monday 09/03 at 00:30 in Paris is still Sunday 08/03 in UTC: one week ahead reaches Monday 16/03.
        var justAfterMidnight = new DateTimeOffset(2026, 3, 8, 23, 30, 0, TimeSpan.Zero);
        Assert.True(ParentBooks(Day(rule: oneWeek), justAfterMidnight).Allowed);
        Assert.Equal(VerdictReason.BeyondHorizon, ParentBooks(Day(rule: oneWeek), justAfterMidnight.AddHours(-1)).Reason);
    }

    [Fact]
    public void Spring_sunday_a_deadline_inside_the_skipped_hour_closes_at_three_o_clock()
    {
        // Sunday 29/03/2026: 02:00 → 03:00. « 1 jour avant à 02:30 » for Monday 30/03 closes at 03:00 + 30 min = 01:30 UTC.
        var day = Day(day: Date("2026-03-30"), rule: new BookingRule { BookingDeadline = Deadline.DaysBeforeAt(1, new TimeOnly(2, 30)) });
        var deadline = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero);

        Assert.True(ParentBooks(day, deadline.AddSeconds(-1)).Allowed);
        Assert.Equal("délai dépassé le 29/03 à 03:30", ParentBooks(day, deadline).Message);
        Assert.True(StaffBooks(day, deadline).Allowed);
    }

    [Fact]
    public void Autumn_sunday_a_deadline_in_the_repeated_hour_closes_at_its_first_occurrence()
    {
        // Sunday 25/10/2026: 03:00 → 02:00; 02:30 happens at 00:30 UTC and again at 01:30 UTC.
        var day = Day(day: Date("2026-10-26"), yearEnd: Date("2027-07-03"), rule: new BookingRule
        {
            BookingDeadline = Deadline.DaysBeforeAt(1, new TimeOnly(2, 30)),
            CancellationDeadline = Deadline.DaysBeforeAt(1, new TimeOnly(2, 30)),
        });
        var first = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);

        Assert.True(ParentBooks(day, first.AddSeconds(-1)).Allowed);
        Assert.Equal("délai dépassé le 25/10 à 02:30", ParentBooks(day, first).Message);
        // 01:15 UTC reads 02:15 on the clocks again: the day stays closed.
        Assert.False(ParentBooks(day, first.AddMinutes(45)).Allowed);
        Assert.False(ParentCancels(day with { ChildHasBooking = true }, first.AddMinutes(45)).Allowed);
    }

    [Fact]
    public void A_ten_o_clock_deadline_is_ten_o_clock_in_paris_on_both_sides_of_the_change()
    {
        var cancelTwoDaysBefore = new BookingRule { CancellationDeadline = Deadline.DaysBeforeAt(2, new TimeOnly(10, 0)) };
        // Tuesday 31/03/2026: Sunday 29/03 at 10:00 is summer time already, 08:00 UTC.
        var afterTheChange = Day(day: Date("2026-03-31"), booked: true, rule: cancelTwoDaysBefore);
        Assert.True(ParentCancels(afterTheChange, new DateTimeOffset(2026, 3, 29, 7, 59, 59, TimeSpan.Zero)).Allowed);
        Assert.Equal("délai d'annulation dépassé le 29/03 à 10:00",
            ParentCancels(afterTheChange, new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero)).Message);
        // Monday 30/03: Saturday 28/03 at 10:00 is still winter time, 09:00 UTC.
        var beforeTheChange = Day(day: Date("2026-03-30"), booked: true, rule: cancelTwoDaysBefore);
        Assert.True(ParentCancels(beforeTheChange, new DateTimeOffset(2026, 3, 28, 8, 59, 59, TimeSpan.Zero)).Allowed);
        Assert.False(ParentCancels(beforeTheChange, new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero)).Allowed);
    }

    [Theory]
    [InlineData("2026-03-16", null, false, false)]
    [InlineData("2026-04-06", null, false, true)]
    [InlineData("2026-03-16", "grève", false, true)]
    [InlineData("2026-03-18", null, false, true)]
    [InlineData("2026-03-16", null, true, true)]
    public void The_day_runs_unless_closed_a_holiday_not_served_or_outside_the_school_year(string date, string? closure, bool outsideYear, bool stopped)
    {
        var day = Day(day: Date(date), closure: closure, outsideYear: outsideYear);

        Assert.Equal(stopped, StaffBooks(day, MondayDeadline.AddDays(10)).DayDoesNotRun);
        Assert.Equal(stopped, ParentBooks(day, BeforeTheDeadline).DayDoesNotRun);
    }

    [Fact]
    public void On_the_running_day_itself_parents_are_past_the_deadline_and_staff_still_book_a_place()
    {
        // Monday 16/03/2026 at 11:30 in Paris, the service under way.
        var now = new DateTimeOffset(2026, 3, 16, 10, 30, 0, TimeSpan.Zero);

        Assert.Equal(VerdictReason.BookingDeadlinePassed, ParentBooks(Day(), now).Reason);
        Assert.True(StaffBooks(Day(), now).Allowed);
        Assert.Equal(VerdictReason.Full, StaffBooks(Day(capacity: 1, taken: 1), now).Reason);
        Assert.Equal(VerdictReason.CancellationDeadlinePassed, ParentCancels(Day(booked: true), now).Reason);
        Assert.True(StaffCancels(Day(booked: true), now).Allowed);
    }

    /// <summary>A day and an instant on which a parent's booking is refused for exactly that reason.</summary>
    private static (DayContext Day, DateTimeOffset Now) DayRefusing(VerdictReason reason) => reason switch
    {
        VerdictReason.NotOffered => (Day(childSite: 2), BeforeTheDeadline),
        VerdictReason.AlreadyBooked => (Day(booked: true), BeforeTheDeadline),
        VerdictReason.Closure => (Day(closure: "grève"), BeforeTheDeadline),
        VerdictReason.PublicHoliday => (Day(day: Date("2026-04-06")), BeforeTheDeadline),
        VerdictReason.NotServed => (Day(day: Date("2026-03-18")), BeforeTheDeadline),
        VerdictReason.OutsideSchoolYear => (Day(outsideYear: true), BeforeTheDeadline),
        // Opens on Monday 16/03 at 08:00 in Paris, for a day three weeks later.
        VerdictReason.NotOpenYet => (Day(day: Date("2026-04-09"), rule: new BookingRule { OpensAtUtc = new DateTime(2026, 3, 16, 7, 0, 0, DateTimeKind.Utc) }),
            BeforeTheDeadline),
        VerdictReason.BeyondHorizon => (Day(rule: new BookingRule { HorizonWeeks = 1 }), new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
        VerdictReason.BookingDeadlinePassed => (Day(), MondayDeadline),
        VerdictReason.Full => (Day(capacity: 3, taken: 3), BeforeTheDeadline),
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
