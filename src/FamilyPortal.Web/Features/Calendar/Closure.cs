namespace FamilyPortal.Web.Features.Calendar;

/// <summary>
/// Days on which an activity does not run: school holidays (whole collectivité), a closure of a site, or of
/// one activity (strike, « fermeture exceptionnelle »). Public holidays are computed, not stored.
/// </summary>
public class Closure : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Null with a null activity: every site of the collectivité.</summary>
    public int? SiteId { get; set; }
    /// <summary>Set: only this activity.</summary>
    public int? ActivityId { get; set; }
    public required string Reason { get; set; }

    public bool Covers(DateOnly day, int activityId, int siteId) =>
        day >= StartDate && day <= EndDate
        && (ActivityId is null || ActivityId == activityId)
        && (SiteId is null || SiteId == siteId);
}
