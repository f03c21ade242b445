namespace FamilyPortal.Tests.Features.Reservations;

public class StaffOverrideTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly ReservationRules Rules = new(Paris);
    private static readonly DateOnly Monday = new(2026, 3, 16);
    // Thursday 12/03/2026 10:00 Paris: the deadline of Monday 16/03 (2 working days before, 10:00).
    private static readonly DateTimeOffset Deadline = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static DayContext Day(DateOnly? day = null, bool booked = false, int? capacity = null, int taken = 0,
        string? closure = null, DateOnly? yearEnd = null, bool outsideYear = false) => new()
    {
        Day = day ?? Monday,
        RunsOn = ServiceDays.SchoolWeek,
        Rule = new BookingRule { OpensAtUtc = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), HorizonWeeks = 1 },
        SchoolYearEnd = outsideYear ? null : yearEnd ?? new DateOnly(2026, 7, 3),
        ClosureReason = closure,
        Capacity = capacity,
        Booked = taken,
        ChildHasBooking = booked,
        IsWorkingDay = d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchPublicHolidays.IsHoliday(d),
    };

    [Fact]
    public void Staff_pass_over_the_deadline_the_opening_window_and_the_horizon()
    {
        var longAfterTheDeadline = Deadline.AddDays(30);
        Assert.NotNull(Rules.CanBook(Day(), longAfterTheDeadline));
        Assert.Null(StaffOverride.WhyCannotBook(Day()));
    }

    [Theory]
    [InlineData("2026-04-06", null, false, "jour férié (Lundi de Pâques)")]
    [InlineData("2026-03-16", "Grève", false, "fermé (Grève)")]
    [InlineData("2026-03-18", null, false, "la prestation n'a pas lieu ce jour-là")]
    [InlineData("2026-03-16", null, true, "hors année scolaire")]
    public void Staff_cannot_book_a_day_without_service(string day, string? closure, bool outsideYear, string reason)
    {
        var context = Day(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), closure: closure, outsideYear: outsideYear);
        Assert.Equal(reason, StaffOverride.WhyNotRunning(context));
        Assert.Equal(reason, StaffOverride.WhyCannotBook(context));
    }

    [Fact]
    public void Staff_cannot_book_twice_nor_past_the_places()
    {
        Assert.Equal("déjà réservé", StaffOverride.WhyCannotBook(Day(booked: true)));
        Assert.Equal("complet", StaffOverride.WhyCannotBook(Day(capacity: 2, taken: 2)));
        Assert.Null(StaffOverride.WhyCannotBook(Day(capacity: 2, taken: 1)));
    }

    [Fact]
    public void A_cancellation_by_staff_is_in_time_before_the_deadline_and_late_from_it()
    {
        Assert.Equal(CancellationKind.InTime, StaffOverride.KindOfCancellation(Rules, Day(), Deadline.AddSeconds(-1)));
        Assert.Equal(CancellationKind.Late, StaffOverride.KindOfCancellation(Rules, Day(), Deadline));
    }

    [Fact]
    public void Each_status_has_its_words()
    {
        Assert.Equal("réservée", StaffOverride.StatusOf(new Booking()));
        var cancelled = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal("annulée dans les délais", StaffOverride.StatusOf(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.InTime }));
        Assert.Equal("annulée hors délai", StaffOverride.StatusOf(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.Late }));
        Assert.Equal("annulée hors délai (justifiée)", StaffOverride.StatusOf(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.Late, CancellationJustified = true }));
        Assert.Equal("annulée par la collectivité (fermeture)", StaffOverride.StatusOf(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.Closure }));
    }
}
