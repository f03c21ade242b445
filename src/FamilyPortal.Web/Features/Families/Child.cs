namespace FamilyPortal.Web.Features.Families;

/// <summary>An enfant of a family.</summary>
public class Child : ITenantOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public Family? Family { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? SchoolClass { get; set; }
    public int? SiteId { get; set; }
    public Site? Site { get; set; }
    /// <summary>Concurrency token, raised by every staff save: a second save of the same version is refused.</summary>
    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}
