namespace FamilyPortal.Web.Features.Reservations;

/// <summary>
/// Places taken for an activity on a day. Every booking takes its place here with one conditional update
/// (« Booked &lt; capacity »), inside the booking's transaction: the database, not a C# check, makes
/// overbooking impossible when many parents validate the last places at once.
/// </summary>
public class ActivityDayLoad : ITenantOwned
{
    public int MunicipalityId { get; set; }
    public int ActivityId { get; set; }
    public DateOnly Date { get; set; }
    public int Booked { get; set; }
}
