namespace FamilyPortal.Web.Features.Reservations;

/// <summary>A request the règlement or the family's rights refuse; the page answers it with a 4xx and this French message.</summary>
public sealed class ReservationRefusedException(string message, int statusCode = StatusCodes.Status409Conflict) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ReservationRefusedException NotFound() =>
        new("Cet enfant ou cette prestation n'existe pas dans votre espace.", StatusCodes.Status404NotFound);
}
