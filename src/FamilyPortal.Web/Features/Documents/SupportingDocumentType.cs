namespace FamilyPortal.Web.Features.Documents;

/// <summary>
/// A pièce justificative the collectivité asks for: once per family (an attestation de quotient familial) or
/// once per child (a carnet de vaccinations).
/// </summary>
public class SupportingDocumentType : ITenantOwned
{
    public const int NameMaxLength = 150;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    /// <summary>One document per child rather than one for the whole family.</summary>
    public bool PerChild { get; set; }
    /// <summary>The services it is asked for (« Restauration scolaire »…); empty: for every service.</summary>
    public List<int> ServiceKindIds { get; set; } = [];
    /// <summary>How long a validated document stays valid; null: it never expires.</summary>
    public int? ValidityMonths { get; set; }
    /// <summary>
    /// The document of a child's projet d'accueil individualisé: asked only of the children whose fiche sanitaire
    /// says they have a PAI, and shown with that answer. At most one type of the collectivité is the PAI's.
    /// </summary>
    public bool IsPaiDocument { get; set; }
    /// <summary>An inactive type is no longer asked; the documents already deposited stay.</summary>
    public bool IsActive { get; set; } = true;
}
