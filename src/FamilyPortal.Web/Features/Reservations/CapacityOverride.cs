namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The capacity of an activity on one date, instead of its usual capacity.</summary>
public class CapacityOverride : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly Date { get; set; }
    public int Capacity { get; set; }
}
