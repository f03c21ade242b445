namespace FamilyPortal.Web.Features.Reservations;

/// <summary>A réservation: one child at one activity on one day. Cancelled bookings are kept for billing.</summary>
public class Booking : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ChildId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly Date { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByAccountId { get; set; }
    /// <summary>Booked by town-hall staff on the family's behalf (possibly past the deadline), with why.</summary>
    public string? StaffReason { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public CancellationKind Cancellation { get; set; }
    /// <summary>Who cancelled: the parent's account (basket), a staff account, or null (older rows, closures).</summary>
    public string? CancelledByAccountId { get; set; }
    /// <summary>Why town-hall staff cancelled on the family's behalf.</summary>
    public string? CancellationReason { get; set; }
    /// <summary>A late cancellation the collectivité accepted (e.g. a medical certificate): not billed.</summary>
    public bool CancellationJustified { get; set; }

    public bool IsActive => CancelledAtUtc is null;
}

public enum CancellationKind
{
    None,
    /// <summary>Within the cancellation deadline: free.</summary>
    InTime,
    /// <summary>Past the deadline (only staff can do it): billed unless justified.</summary>
    Late,
    /// <summary>The collectivité closed the day: free.</summary>
    Closure,
}
