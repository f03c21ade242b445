namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>An inscription request or decision refused, with the French words shown and the status answered.</summary>
public sealed class EnrolmentRefusedException(string message, int statusCode = StatusCodes.Status422UnprocessableEntity) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static EnrolmentRefusedException NotFound() => new("Cette inscription n'existe pas.", StatusCodes.Status404NotFound);

    public static EnrolmentRefusedException ChangedMeanwhile() =>
        new("Cette demande a changé entre-temps : voici son état actuel.", StatusCodes.Status409Conflict);
}
