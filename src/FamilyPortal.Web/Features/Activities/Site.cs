namespace FamilyPortal.Web.Features.Activities;

/// <summary>A school group or centre, e.g. « Groupe scolaire Justice ».</summary>
public class Site : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string Name { get; set; }
    /// <summary>Prefix shown before the activities of the site, e.g. « GJ ».</summary>
    public required string Prefix { get; set; }
    public bool IsArchived { get; set; }
    public List<Activity> Activities { get; } = [];
}
