namespace FamilyPortal.Web.Features.Families;

/// <summary>A foyer / dossier famille held by a collectivité.</summary>
public class Family : ITenantOwned, IVersioned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string HouseholdName { get; set; }
    /// <summary>The collectivité's own reference for the file (used to match CSV re-imports).</summary>
    public string? Reference { get; set; }
    /// <summary>The address the collectivité registered: the only one the adhesion code is ever sent to.</summary>
    public required string Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>Keyed hash of the normalised adhesion code: one indexed lookup, useless without the key.</summary>
    public string AdhesionCodeLookup { get; set; } = "";
    /// <summary>The adhesion code encrypted with Data Protection, so staff can show and print it.</summary>
    public string AdhesionCodeProtected { get; set; } = "";
    public bool AdhesionCodeRevoked { get; set; }
    public string? AddressLine { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    /// <summary>« CAF » or « MSA »: the organisme that pays the family's allowances.</summary>
    public string? AllowanceBody { get; set; }
    public string? AllowanceNumber { get; set; }
    /// <summary>Situation familiale, one of <see cref="Rules.FamilyFileValues.Situations"/>.</summary>
    public string? Situation { get; set; }
    /// <summary>« Famille partie »: the day the family left the collectivité, set by an administrator; null while it is here.</summary>
    public DateOnly? DepartedOn { get; set; }
    /// <summary>When retention erased the fiches sanitaires of the departed family.</summary>
    public DateTime? HealthDataErasedAtUtc { get; set; }
    /// <summary>Concurrency token, raised by every staff save: a second save of the same version is refused.</summary>
    public int Version { get; set; }
    public List<Child> Children { get; } = [];
    public List<ResponsibleAdult> Adults { get; } = [];
    public List<FamilyContact> Contacts { get; } = [];
}
