namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// A « demande de modification »: what a parent changed in the family file, waiting for the collectivité's
/// staff to accept or refuse it. The values before and after are JSON of the section's values; for the
/// fiche sanitaire they are sealed like the sheet itself.
/// </summary>
public class ChangeRequest : ITenantOwned, IVersioned
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public Family? Family { get; set; }
    public int? ChildId { get; set; }
    public Child? Child { get; set; }
    public ChangeSection Section { get; set; }
    /// <summary>The changed fields' labels, for the queue: « Allergies alimentaires, PAI ».</summary>
    public required string FieldsSummary { get; set; }
    /// <summary>Before and after in clear JSON (family, contacts); null for the fiche sanitaire.</summary>
    public string? Values { get; set; }
    /// <summary>Before and after sealed (fiche sanitaire); null otherwise.</summary>
    public byte[]? SealedValues { get; set; }
    public ChangeRequestStatus Status { get; set; }
    public string? RequestedByAccountId { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? Reason { get; set; }
    public string? DecidedByAccountId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public int Version { get; set; }
}

public enum ChangeSection
{
    Family,
    Contacts,
    Health,
}

public enum ChangeRequestStatus
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>A family's « Je certifie l'exactitude des informations » for a school year under « Mise à jour des dossiers ».</summary>
public class FamilyFileConfirmation : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int FamilyId { get; set; }
    public int SchoolYearId { get; set; }
    public string? AccountId { get; set; }
    public DateTime ConfirmedAtUtc { get; set; }
}
