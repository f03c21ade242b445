namespace FamilyPortal.Web.Features.Activities;

/// <summary>A kind of service: restauration scolaire, périscolaire…</summary>
public class ServiceKind : ITenantOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
}
