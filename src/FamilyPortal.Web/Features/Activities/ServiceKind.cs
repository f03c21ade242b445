namespace FamilyPortal.Web.Features.Activities;

/// <summary>A kind of service: restauration scolaire, périscolaire…</summary>
public class ServiceKind : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    /// <summary>Restauration scolaire (cantine): its activities never count for the attestation fiscale.</summary>
    public bool IsCatering { get; set; }
}
