namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>What a cell of the week grid shows. Each state has its own shape and words, never a colour alone.</summary>
public enum CellState
{
    /// <summary>« ... »: the activity does not run that day (closure, holiday, weekday not served).</summary>
    Closed,
    /// <summary>Square: free to book.</summary>
    Bookable,
    /// <summary>Round: booked.</summary>
    Booked,
    /// <summary>Round in the basket: to be booked at « Valider ».</summary>
    ToAdd,
    /// <summary>Hatched: booked, to be cancelled at « Valider ».</summary>
    ToCancel,
    /// <summary>Not booked and the booking deadline has passed (or the day is outside the opening window).</summary>
    BookingClosed,
    /// <summary>Booked and the cancellation deadline has passed.</summary>
    BookedLocked,
    /// <summary>« complet »: no place left; a click joins the waiting list.</summary>
    Full,
    /// <summary>« liste d'attente » in the basket: joins the list at « Valider ».</summary>
    ToWait,
    /// <summary>On the day's waiting list, with its rank.</summary>
    Waiting,
}

public static class CellStateText
{
    /// <summary>The words a screen reader says for the cell (and the legend shows).</summary>
    public static string Describe(this CellState state) => state switch
    {
        CellState.Closed => "fermé",
        CellState.Bookable => "réservable",
        CellState.Booked => "réservé",
        CellState.ToAdd => "à réserver, dans le panier",
        CellState.ToCancel => "demande d'annulation, dans le panier",
        CellState.BookingClosed => "réservation close",
        CellState.BookedLocked => "réservé, annulation close",
        CellState.Full => "complet, liste d'attente possible",
        CellState.ToWait => "liste d'attente, dans le panier",
        CellState.Waiting => "liste d'attente",
        _ => "",
    };

    /// <summary>True when clicking the cell changes something.</summary>
    public static bool IsToggle(this CellState state) =>
        state is CellState.Bookable or CellState.Booked or CellState.ToAdd or CellState.ToCancel or CellState.Full or CellState.ToWait;
}
