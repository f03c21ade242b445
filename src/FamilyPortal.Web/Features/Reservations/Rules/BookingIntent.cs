namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>What is asked of a day: to have the activity, or to give it up.</summary>
public enum BookingIntent
{
    Book,
    Cancel,
}

public static class BookingIntentOfLine
{
    /// <summary>What « Valider » asks for a basket line.</summary>
    public static BookingIntent Intent(this BasketLineKind kind) =>
        kind == BasketLineKind.Cancel ? BookingIntent.Cancel : BookingIntent.Book;
}
