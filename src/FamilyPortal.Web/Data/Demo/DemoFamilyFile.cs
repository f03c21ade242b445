using FamilyPortal.Web.Features.Families.Rules;

namespace FamilyPortal.Web.Data.Demo;

/// <summary>The DUPOND file: address and allocataire, two contacts, and ANNE's fiche sanitaire (peanut allergy, with a PAI).</summary>
public static class DemoFamilyFile
{
    public static void Add(FamilyPortalDbContext db, SensitiveData sensitive, Family family, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sensitive);
        ArgumentNullException.ThrowIfNull(family);
        family.AddressLine = "12 rue de la Justice";
        family.PostalCode = "54200";
        family.City = "Ecrouves";
        family.AllowanceBody = "CAF";
        family.AllowanceNumber = "1234567";
        family.Situation = "Marié(e)s";
        var anne = family.Children.Single(c => c.FirstName == "ANNE");
        var grandmother = new FamilyContact
        {
            MunicipalityId = family.MunicipalityId,
            FamilyId = family.Id,
            FirstName = "Odile",
            LastName = "MARCHAL",
            Relationship = "Grand-mère",
            Phone = "0612345678",
            IsEmergencyContact = true,
            IsAuthorisedPickup = true,
        };
        var neighbour = new FamilyContact
        {
            MunicipalityId = family.MunicipalityId,
            FamilyId = family.Id,
            FirstName = "Karim",
            LastName = "BENALI",
            Relationship = "Voisin",
            Phone = "0698765432",
            IsAuthorisedPickup = true,
        };
        foreach (var child in family.Children)
        {
            grandmother.Children.Add(new FamilyContactChild { MunicipalityId = family.MunicipalityId, ChildId = child.Id });
        }
        neighbour.Children.Add(new FamilyContactChild { MunicipalityId = family.MunicipalityId, ChildId = anne.Id });
        db.FamilyContacts.AddRange(grandmother, neighbour);
        var sheet = new HealthSheet
        {
            FoodAllergies = "Arachide (cacahuète)",
            FoodAllergiesAction = "Éviction stricte ; en cas de réaction, stylo d'adrénaline (trousse PAI) et appeler le 15.",
            AllergenFree = "arachide",
            HasPai = true,
            DtpLastInjection = new DateOnly(2022, 5, 10),
            DoctorName = "Dr Claire MOREL",
            DoctorPhone = "0383000000",
            ImageRights = true,
            EmergencyCare = true,
        };
        db.HealthRecords.Add(new HealthRecord
        {
            MunicipalityId = family.MunicipalityId,
            ChildId = anne.Id,
            SealedSheet = sensitive.SealJson(sheet),
            HasPai = true,
            UpdatedAtUtc = now,
        });
    }
}
