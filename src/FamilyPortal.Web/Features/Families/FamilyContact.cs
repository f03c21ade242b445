namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// A person the family names, once per family: to call in an emergency and/or « autorisée à récupérer
/// l'enfant », for the children it is attached to.
/// </summary>
public class FamilyContact : ITenantOwned
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public Family? Family { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>Link to the child: « Grand-mère », « Voisine »…</summary>
    public string? Relationship { get; set; }
    public required string Phone { get; set; }
    public bool IsEmergencyContact { get; set; }
    public bool IsAuthorisedPickup { get; set; }
    public List<FamilyContactChild> Children { get; } = [];

    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>A child a contact is attached to.</summary>
public class FamilyContactChild : ITenantOwned
{
    public int FamilyContactId { get; set; }
    public FamilyContact? Contact { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public int MunicipalityId { get; set; }
}
