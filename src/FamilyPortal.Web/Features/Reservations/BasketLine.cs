namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// A pending change of the panier: a day to book or a booking to cancel. The basket is kept per account and
/// collectivité on the server, so it survives sign-out and follows the parent to another device.
/// </summary>
public class BasketLine : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string AccountId { get; set; }
    public int ChildId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly Date { get; set; }
    public BasketLineKind Kind { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Why « Valider » left the line in the basket (« complet », « délai dépassé le … »).</summary>
    public string? RefusalReason { get; set; }
}
