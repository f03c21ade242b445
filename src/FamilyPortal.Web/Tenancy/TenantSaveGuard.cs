using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FamilyPortal.Web.Tenancy;

/// <summary>
/// Refuses any write of a tenant-owned row outside the current collectivité. Query filters hide other
/// tenants' rows from reads; this guard covers rows attached by id, forged keys and changed foreign keys.
/// </summary>
public static class TenantSaveGuard
{
    public static void Check(ChangeTracker changeTracker, TenantContext tenant)
    {
        if (tenant.IsPlatformScope)
        {
            return;
        }
        foreach (var entry in changeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            var owner = entry.Entity.MunicipalityId;
            var original = entry.State == EntityState.Modified
                ? entry.Property(nameof(ITenantOwned.MunicipalityId)).OriginalValue as int?
                : owner;
            if (tenant.MunicipalityId is not { } current || owner != current || original != current)
            {
                throw new TenantViolationException(
                    $"Écriture refusée : {entry.Metadata.ClrType.Name} n'appartient pas à la collectivité courante.");
            }
        }
    }
}
