using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>The family files of an account's adhésions, fiches sanitaires opened, for « Télécharger mes données ».</summary>
public sealed class FamilyFileExport(FamilyPortalDbContext db, SensitiveData sensitive)
{
    public async Task<IReadOnlyList<object>> ForAccountAsync(string accountId, CancellationToken ct)
    {
        // Every collectivité of the account, not only the one the request works on.
        var familyIds = await db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(m => m.AccountId == accountId).Select(m => m.FamilyId).ToListAsync(ct);
        return await ForFamiliesAsync(familyIds, ct);
    }

    /// <summary>The given family files, whatever the collectivité: the caller has checked that they may be read.</summary>
    public async Task<IReadOnlyList<object>> ForFamiliesAsync(IReadOnlyCollection<int> familyIds, CancellationToken ct)
    {
        var families = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
            .Where(f => familyIds.Contains(f.Id))
            .Include(f => f.Municipality).Include(f => f.Adults).Include(f => f.Children).Include(f => f.Contacts).ThenInclude(c => c.Children)
            .OrderBy(f => f.Id).ToListAsync(ct);
        var childIds = families.SelectMany(f => f.Children).Select(c => c.Id).ToList();
        var sheets = (await db.HealthRecords.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).AsNoTracking()
                .Where(h => childIds.Contains(h.ChildId)).ToListAsync(ct))
            .ToDictionary(h => h.ChildId, h => sensitive.OpenJson<HealthSheet>(h.SealedSheet));
        return families.Select(f => (object)new
        {
            collectivite = f.Municipality!.Name,
            foyer = f.HouseholdName,
            adresse = new { ligne = f.AddressLine, codePostal = f.PostalCode, commune = f.City },
            allocataire = new { organisme = f.AllowanceBody, numero = f.AllowanceNumber },
            situation = f.Situation,
            telephone = f.Phone,
            responsables = f.Adults.OrderBy(a => a.Position).Select(a => new { a.Civility, nom = a.LastName, prenom = a.FirstName, lien = a.Relationship, a.Email, a.MobilePhone, a.HomePhone, a.WorkPhone }),
            contacts = f.Contacts.Select(c => new
            {
                nom = c.LastName,
                prenom = c.FirstName,
                lien = c.Relationship,
                telephone = c.Phone,
                aPrevenirEnCasDUrgence = c.IsEmergencyContact,
                autoriseeARecupererLEnfant = c.IsAuthorisedPickup,
                enfants = c.Children.Select(l => f.Children.FirstOrDefault(ch => ch.Id == l.ChildId)?.FirstName),
            }),
            enfants = f.Children.OrderBy(c => c.FirstName).Select(c => new
            {
                prenom = c.FirstName,
                nom = c.LastName,
                naissance = c.BirthDate,
                classe = c.SchoolClass,
                ficheSanitaire = sheets.GetValueOrDefault(c.Id),
            }),
        }).ToList();
    }
}
