using static FamilyPortal.Tests.Features.Reservations.VerdictKit;

namespace FamilyPortal.Tests.Features.Reservations;

public class BasketCellTests
{
    [Fact]
    public void Each_state_of_the_grid()
    {
        Assert.Equal(CellState.Closed, Cell(Day(day: Date("2026-03-18")), BeforeTheDeadline).State);
        Assert.Equal(CellState.Closed, Cell(Day(closure: "grève"), BeforeTheDeadline).State);
        Assert.Equal(CellState.Closed, Cell(Day(day: Date("2026-04-06")), BeforeTheDeadline).State);
        Assert.Equal(CellState.Booked, Cell(Day(booked: true), BeforeTheDeadline).State);
        Assert.Equal(CellState.BookedLocked, Cell(Day(booked: true), MondayDeadline).State);
        Assert.Equal(CellState.ToAdd, Cell(Day(basket: BasketLineKind.Add), BeforeTheDeadline).State);
        Assert.Equal(CellState.ToCancel, Cell(Day(booked: true, basket: BasketLineKind.Cancel), BeforeTheDeadline).State);
        Assert.Equal(CellState.Full, Cell(Day(capacity: 3, taken: 3), BeforeTheDeadline).State);
        Assert.Equal(CellState.Bookable, Cell(Day(capacity: 3, taken: 2), BeforeTheDeadline).State);
        Assert.Equal(CellState.BookingClosed, Cell(Day(outsideYear: true), BeforeTheDeadline).State);
    }

    [Fact]
    public void The_exact_second_of_the_deadline_closes_the_cell()
    {
        Assert.Equal(CellState.Bookable, Cell(Day(), MondayDeadline.AddSeconds(-1)).State);
        Assert.Equal(CellState.BookingClosed, Cell(Day(), MondayDeadline).State);
    }

    [Fact]
    public void A_cell_says_why_it_is_closed_or_locked()
    {
        Assert.Equal("grève", Cell(Day(closure: "grève"), BeforeTheDeadline).Reason);
        Assert.Equal("Lundi de Pâques", Cell(Day(day: Date("2026-04-06")), BeforeTheDeadline).Reason);
        Assert.Null(Cell(Day(day: Date("2026-03-18")), BeforeTheDeadline).Reason);
        Assert.Equal("délai dépassé le 12/03 à 10:00", Cell(Day(), MondayDeadline).Reason);
        Assert.Equal("délai d'annulation dépassé le 12/03 à 10:00", Cell(Day(booked: true), MondayDeadline).Reason);
        Assert.Null(Cell(Day(capacity: 1, taken: 1), BeforeTheDeadline).Reason);
        Assert.Null(Cell(Day(), BeforeTheDeadline).Reason);
    }

    [Fact]
    public void A_bookable_cell_goes_into_the_basket_and_a_second_click_takes_it_out()
    {
        var add = Cell(Day(), BeforeTheDeadline).Click();
        Assert.Equal(CellClick.Adding(BasketLineKind.Add, CellState.ToAdd), add);

        var remove = Cell(Day(basket: BasketLineKind.Add), BeforeTheDeadline).Click();
        Assert.Equal(CellClick.Removing(CellState.Bookable), remove);
    }

    [Fact]
    public void A_booked_cell_becomes_a_cancellation_request_and_comes_back()
    {
        var request = Cell(Day(booked: true), BeforeTheDeadline).Click();
        Assert.Equal(CellClick.Adding(BasketLineKind.Cancel, CellState.ToCancel), request);

        var withdraw = Cell(Day(booked: true, basket: BasketLineKind.Cancel), BeforeTheDeadline).Click();
        Assert.Equal(CellClick.Removing(CellState.Booked), withdraw);
    }

    [Fact]
    public void A_basket_line_comes_out_whatever_happened_since_and_the_cell_shows_the_day_as_it_now_is()
    {
        Assert.Equal(CellClick.Removing(CellState.Full), Cell(Day(basket: BasketLineKind.Add, capacity: 2, taken: 2), BeforeTheDeadline).Click());
        Assert.Equal(CellClick.Removing(CellState.BookingClosed), Cell(Day(basket: BasketLineKind.Add), MondayDeadline).Click());
        Assert.Equal(CellClick.Removing(CellState.BookedLocked), Cell(Day(booked: true, basket: BasketLineKind.Cancel), MondayDeadline).Click());
    }

    [Theory]
    [InlineData("délai d'annulation dépassé le 12/03 à 10:00")]
    [InlineData("fermé (grève)")]
    [InlineData("fermé")]
    [InlineData("délai dépassé le 12/03 à 10:00")]
    [InlineData("hors année scolaire")]
    public void Any_other_click_is_refused_with_the_verdicts_words_and_changes_nothing(string message)
    {
        var cell = message switch
        {
            "délai d'annulation dépassé le 12/03 à 10:00" => Cell(Day(booked: true), MondayDeadline),
            "fermé (grève)" => Cell(Day(closure: "grève"), BeforeTheDeadline),
            "fermé" => Cell(Day(day: Date("2026-03-18")), BeforeTheDeadline),
            "délai dépassé le 12/03 à 10:00" => Cell(Day(), MondayDeadline),
            _ => Cell(Day(outsideYear: true), BeforeTheDeadline),
        };

        var click = cell.Click();

        Assert.Equal(message, click.Refusal?.Message);
        Assert.Null(click.LineToAdd);
        Assert.False(click.RemovesLine);
        Assert.Equal(cell.State, click.After);
    }

    [Fact]
    public void A_click_on_another_sites_activity_is_refused_as_not_offered()
    {
        var click = Cell(Day(childSite: 2), BeforeTheDeadline).Click();

        Assert.Equal(VerdictReason.NotOffered, click.Refusal?.Reason);
    }

    [Fact]
    public void A_period_adds_the_bookable_days_and_leaves_booked_and_basket_days_alone()
    {
        Assert.Equal(CellFill.Added, Cell(Day(), BeforeTheDeadline).Fill());
        Assert.Equal(CellFill.Nothing, Cell(Day(booked: true), BeforeTheDeadline).Fill());
        Assert.Equal(CellFill.Nothing, Cell(Day(basket: BasketLineKind.Add), MondayDeadline).Fill());
    }

    [Fact]
    public void A_period_lists_the_served_days_it_skips_with_why_and_not_the_weekdays_never_served()
    {
        Assert.Equal("délai dépassé le 12/03 à 10:00", Cell(Day(), MondayDeadline).Fill().Skip?.Message);
        Assert.Equal("fermé (Lundi de Pâques)", Cell(Day(day: Date("2026-04-06")), BeforeTheDeadline).Fill().Skip?.Message);
        Assert.Equal("complet", Cell(Day(capacity: 1, taken: 1), BeforeTheDeadline).Fill().Skip?.Message);
        Assert.Equal(CellFill.Nothing, Cell(Day(day: Date("2026-03-18")), BeforeTheDeadline).Fill());
    }
}
