namespace FamilyPortal.Tests.Features.Reservations;

public class BookingStatusTextTests
{
    [Fact]
    public void Each_status_has_its_words()
    {
        Assert.Equal("réservée", BookingStatusText.Of(new Booking()));
        var cancelled = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal("annulée dans les délais", BookingStatusText.Of(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.InTime }));
        Assert.Equal("annulée hors délai", BookingStatusText.Of(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.Late }));
        Assert.Equal("annulée hors délai (justifiée)", BookingStatusText.Of(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.Late, CancellationJustified = true }));
        Assert.Equal("annulée par la collectivité (fermeture)", BookingStatusText.Of(new Booking { CancelledAtUtc = cancelled, Cancellation = CancellationKind.Closure }));
    }
}
