namespace FamilyPortal.Tests.Features.Reservations;

public class ReservationRulesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly ReservationRules Rules = new(Paris);

    // Thursday 12/03/2026 10:00 Paris = 09:00 UTC is the deadline of Monday 16/03 (2 working days, 10:00).
    private static readonly DateOnly Monday = new(2026, 3, 16);
    private static readonly DateTimeOffset MondayDeadline = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static DayContext Day(DateOnly? day = null, bool booked = false, BasketLineKind? basket = null,
        int? capacity = null, int taken = 0, string? closure = null, BookingRule? rule = null) => new()
    {
        Day = day ?? Monday,
        RunsOn = ServiceDays.SchoolWeek,
        Rule = rule ?? new BookingRule(),
        SchoolYearEnd = new DateOnly(2026, 7, 3),
        ClosureReason = closure,
        Capacity = capacity,
        Booked = taken,
        ChildHasBooking = booked,
        BasketLine = basket,
        IsWorkingDay = d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchPublicHolidays.IsHoliday(d),
    };

    [Fact]
    public void The_exact_second_of_the_deadline_closes_the_day()
    {
        Assert.Equal(CellState.Bookable, Rules.StateOf(Day(), MondayDeadline.AddSeconds(-1)));
        Assert.Null(Rules.CanBook(Day(), MondayDeadline.AddSeconds(-1)));
        Assert.Equal(CellState.BookingClosed, Rules.StateOf(Day(), MondayDeadline));
        Assert.Equal("délai dépassé le 12/03 à 10:00", Rules.CanBook(Day(), MondayDeadline));
    }

    [Fact]
    public void Each_state_of_the_grid()
    {
        var before = MondayDeadline.AddHours(-1);
        Assert.Equal(CellState.Closed, Rules.StateOf(Day(day: new DateOnly(2026, 3, 18)), before));
        Assert.Equal(CellState.Closed, Rules.StateOf(Day(closure: "grève"), before));
        Assert.Equal(CellState.Closed, Rules.StateOf(Day(day: new DateOnly(2026, 4, 6)), before));
        Assert.Equal(CellState.Booked, Rules.StateOf(Day(booked: true), before));
        Assert.Equal(CellState.BookedLocked, Rules.StateOf(Day(booked: true), MondayDeadline));
        Assert.Equal(CellState.ToAdd, Rules.StateOf(Day(basket: BasketLineKind.Add), before));
        Assert.Equal(CellState.ToCancel, Rules.StateOf(Day(booked: true, basket: BasketLineKind.Cancel), before));
        Assert.Equal(CellState.Full, Rules.StateOf(Day(capacity: 3, taken: 3), before));
        Assert.Equal(CellState.Bookable, Rules.StateOf(Day(capacity: 3, taken: 2), before));
    }

    [Fact]
    public void The_opening_window_limits_how_early_and_how_far_ahead()
    {
        var opening = new BookingRule { OpensAtUtc = new DateTime(2026, 3, 2, 7, 0, 0, DateTimeKind.Utc), HorizonWeeks = 2 };
        Assert.Equal("réservations ouvertes à partir du 02/03/2026 à 08:00",
            Rules.CanBook(Day(rule: opening), new DateTimeOffset(2026, 3, 2, 6, 59, 59, TimeSpan.Zero)));
        Assert.Null(Rules.CanBook(Day(rule: opening), new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)));
        // Two weeks from Monday 02/03 is 16/03: 17/03 is too far.
        Assert.Equal("trop tôt pour réserver ce jour",
            Rules.CanBook(Day(day: new DateOnly(2026, 3, 17), rule: opening), new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero)));
        Assert.Equal("hors année scolaire", Rules.CanBook(Day() with { SchoolYearEnd = null }, MondayDeadline.AddDays(-3)));
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
        Assert.Equal(CellState.BookingClosed, Rules.StateOf(Day(rule: rule), friday));
        Assert.Equal(CellState.Booked, Rules.StateOf(Day(booked: true, rule: rule), friday));
        Assert.Null(Rules.CanCancel(Day(booked: true, rule: rule), friday));
    }
}
