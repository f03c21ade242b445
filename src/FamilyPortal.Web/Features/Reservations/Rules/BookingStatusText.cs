namespace FamilyPortal.Web.Features.Reservations.Rules;

/// <summary>The status of a booking as the staff pages word it.</summary>
public static class BookingStatusText
{
    public static string Of(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.IsActive)
        {
            return "réservée";
        }
        return booking.Cancellation switch
        {
            CancellationKind.Late when booking.CancellationJustified => "annulée hors délai (justifiée)",
            CancellationKind.Late => "annulée hors délai",
            CancellationKind.Closure => "annulée par la collectivité (fermeture)",
            _ => "annulée dans les délais",
        };
    }
}
