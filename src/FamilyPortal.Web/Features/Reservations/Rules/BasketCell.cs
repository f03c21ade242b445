namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>
/// One cell of a parent's grid and what the basket does with it. A click moves a cell along
/// bookable → in the basket → removed, or booked → cancellation requested → removed; any other click is
/// refused with the parent's verdict. The caller loads the day, asks the cell, and saves the change.
/// </summary>
public sealed class BasketCell
{
    private readonly DayContext _day;
    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;

    private BasketCell(DayContext day, DateTimeOffset now, TimeZoneInfo zone)
    {
        _day = day;
        _now = now;
        _zone = zone;
        // A booked cell asks whether it may be given up; any other whether it may be had.
        Verdict = BookingVerdict.Judge(day, day.ChildHasBooking ? BookingIntent.Cancel : BookingIntent.Book, Actor.Parent, now, zone);
        State = StateOf(day, Verdict);
    }

    public static BasketCell Of(DayContext day, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(zone);
        return new BasketCell(day, now, zone);
    }

    /// <summary>The parent's verdict on what a click would ask: cancelling a booked day, booking any other.</summary>
    public Verdict Verdict { get; }

    public CellState State { get; }

    /// <summary>Closed because the day is a public holiday of the collectivité's calendar (and no closure says otherwise).</summary>
    public bool IsPublicHoliday => State == CellState.Closed && Verdict.Reason == VerdictReason.PublicHoliday;

    /// <summary>The words beside the state: why « fermé », why the booking or the cancellation is closed.</summary>
    public string? Reason => State switch
    {
        CellState.Closed => _day.ClosedFor,
        CellState.BookingClosed or CellState.BookedLocked => Verdict.Message,
        CellState.Waiting => $"rang {_day.WaitingRank}",
        _ => null,
    };

    public CellClick Click() => State switch
    {
        CellState.Bookable => CellClick.Adding(BasketLineKind.Add, CellState.ToAdd),
        CellState.Booked => CellClick.Adding(BasketLineKind.Cancel, CellState.ToCancel),
        CellState.Full => CellClick.Adding(BasketLineKind.Wait, CellState.ToWait),
        CellState.ToAdd or CellState.ToCancel or CellState.ToWait => CellClick.Removing(Of(_day with { BasketLine = null }, _now, _zone).State),
        _ => CellClick.Refused(Verdict, State),
    };

    /// <summary>
    /// « Réserver sur une période »: a bookable day goes into the basket. Days already booked or already in
    /// the basket are left as they are, and weekdays the activity never runs are not worth a word.
    /// </summary>
    public CellFill Fill()
    {
        if (_day.ChildHasBooking || _day.BasketLine is not null)
        {
            return CellFill.Nothing;
        }
        if (Verdict.Allowed)
        {
            return CellFill.Added;
        }
        return _day.RunsOn.Includes(_day.Day.DayOfWeek) ? CellFill.Skipped(Verdict) : CellFill.Nothing;
    }

    private static CellState StateOf(DayContext day, Verdict verdict)
    {
        if (day.ChildHasBooking)
        {
            if (day.BasketLine == BasketLineKind.Cancel)
            {
                return CellState.ToCancel;
            }
            return verdict.Allowed ? CellState.Booked : CellState.BookedLocked;
        }
        if (verdict.ClosesTheDay)
        {
            return CellState.Closed;
        }
        if (day.BasketLine == BasketLineKind.Add)
        {
            return CellState.ToAdd;
        }
        // Only while parents may still book: past the deadline the list has lapsed.
        if (verdict.Reason == VerdictReason.Full)
        {
            return day.WaitingRank is not null ? CellState.Waiting
                : day.BasketLine == BasketLineKind.Wait ? CellState.ToWait
                : CellState.Full;
        }
        if (verdict.Allowed)
        {
            return CellState.Bookable;
        }
        return CellState.BookingClosed;
    }
}
