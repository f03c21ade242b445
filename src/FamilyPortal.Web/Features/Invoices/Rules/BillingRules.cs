namespace FamilyPortal.Web.Features.Invoices.Rules;

/// <summary>Which bookings of a month are billed.</summary>
public static class BillingRules
{
    /// <summary>
    /// A booking kept, or cancelled past the deadline without a justification, is billed. A cancellation in
    /// time or by the collectivité (closure) is free, and so is a late one the collectivité accepted.
    /// </summary>
    public static bool IsBilled(bool cancelled, CancellationKind kind, bool justified) =>
        !cancelled || (kind == CancellationKind.Late && !justified);

    public static bool IsBilled(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return IsBilled(booking.CancelledAtUtc is not null, booking.Cancellation, booking.CancellationJustified);
    }
}
