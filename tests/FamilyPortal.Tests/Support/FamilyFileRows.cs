using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Support;

/// <summary>
/// One row of each family-file record for a test collectivité (a contact attached to the child, a fiche
/// sanitaire, a decided demande de modification, a confirmed file), so that the tenancy tests see them all.
/// The request was made by no account: tests of the parents' requests leave it out.
/// </summary>
public static class FamilyFileRows
{
    public static async Task AddAsync(IServiceProvider services, FamilyPortalDbContext db, int municipalityId, int familyId, int childId, int schoolYearId)
    {
        var sensitive = services.GetRequiredService<SensitiveData>();
        var contact = new FamilyContact { MunicipalityId = municipalityId, FamilyId = familyId, FirstName = "Contact", LastName = "TEST", Phone = "0600000000", IsEmergencyContact = true };
        contact.Children.Add(new FamilyContactChild { MunicipalityId = municipalityId, ChildId = childId });
        db.FamilyContacts.Add(contact);
        db.HealthRecords.Add(new HealthRecord { MunicipalityId = municipalityId, ChildId = childId, SealedSheet = sensitive.SealJson(HealthSheet.Empty) });
        var request = new ChangeRequest
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            ChildId = childId,
            Section = ChangeSection.Health,
            FieldsSummary = "Observations",
            Status = ChangeRequestStatus.Refused,
            Reason = "Rangée de test",
        };
        services.GetRequiredService<ChangePayloads>().Write(request, new ChangePayload<HealthSheet>(HealthSheet.Empty, HealthSheet.Empty with { Observations = "—" }));
        db.ChangeRequests.Add(request);
        db.FamilyFileConfirmations.Add(new FamilyFileConfirmation { MunicipalityId = municipalityId, FamilyId = familyId, SchoolYearId = schoolYearId });
        await db.SaveChangesAsync();
    }
}
