using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Features.Families;

/// <summary>Reading and writing a collectivité's family files in the tests of « Mon dossier famille ».</summary>
public static class FamilyFileKit
{
    public static Task<T> ReadAsync<T>(PortalFactory factory, int municipalityId, Func<FamilyPortalDbContext, Task<T>> read) =>
        factory.InTenantAsync(municipalityId, read);

    public static Task<List<ChangeRequest>> RequestsAsync(PortalFactory factory, int municipalityId) =>
        ReadAsync(factory, municipalityId, db => db.ChangeRequests.AsNoTracking().Where(r => r.RequestedByAccountId != null).OrderBy(r => r.Id).ToListAsync());

    /// <summary>The child's stored fiche sanitaire, opened, or null when none.</summary>
    public static async Task<HealthSheet?> SheetAsync(PortalFactory factory, int municipalityId, int childId)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        var record = await db.HealthRecords.AsNoTracking().SingleOrDefaultAsync(h => h.ChildId == childId);
        return record is null ? null : scope.ServiceProvider.GetRequiredService<SensitiveData>().OpenJson<HealthSheet>(record.SealedSheet);
    }

    public static async Task SetBirthDateAsync(PortalFactory factory, int municipalityId, int childId, DateOnly birth)
    {
        await ReadAsync(factory, municipalityId, db => db.Children.Where(c => c.Id == childId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.BirthDate, birth)));
    }

    public static readonly Dictionary<string, string?> PeanutSheet = new()
    {
        ["Input.FoodAllergies"] = "Arachide (cacahuète) et fruits à coque",
        ["Input.FoodAllergiesAction"] = "Stylo d'adrénaline dans le sac, appeler le 15",
        ["Input.HasPai"] = "true",
        ["Input.AllergenFree"] = "arachide",
        ["Input.DtpLastInjection"] = "2024-03-15",
        ["Input.DoctorName"] = "Dr Martin",
        ["Input.DoctorPhone"] = "03 83 00 00 00",
        ["Input.EmergencyCare"] = "true",
    };
}
