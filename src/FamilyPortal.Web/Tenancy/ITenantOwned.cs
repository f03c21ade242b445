namespace FamilyPortal.Web.Tenancy;

/// <summary>A row that belongs to one collectivité: filtered by it and guarded on save.</summary>
public interface ITenantOwned
{
    int MunicipalityId { get; }
}
