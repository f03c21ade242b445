namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The outcome of one « Valider »: what was booked, cancelled, put on a waiting list and refused, for the summary page and the journal.</summary>
public class BasketValidation : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string AccountId { get; set; }
    public DateTime AtUtc { get; set; }
    public int BookedCount { get; set; }
    public int CancelledCount { get; set; }
    /// <summary>Lines of a full day that joined its waiting list (a place freed since is booked, counted in <see cref="BookedCount"/>).</summary>
    public int WaitingCount { get; set; }
    public int RefusedCount { get; set; }
    /// <summary>The lines as shown on the summary page, one per line: « Réservé · ANNE · JUSTICE - RESTAURATION · lundi 16/03 ».</summary>
    public required string Summary { get; set; }
}
