namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// A child on the waiting list of a « complet » day: when a place of that day frees before the booking
/// deadline, the first entry gets the booking; otherwise it lapses.
/// </summary>
public class WaitingEntry : ITenantOwned
{
    public long Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ChildId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The parent's account that asked (the booking is made in its name).</summary>
    public required string AccountId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public WaitingState State { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
}

public enum WaitingState
{
    Waiting,
    /// <summary>A place freed: the child was booked.</summary>
    Promoted,
    /// <summary>No place freed before the booking deadline.</summary>
    Lapsed,
}
