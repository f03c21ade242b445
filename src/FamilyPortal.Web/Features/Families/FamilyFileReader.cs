using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>The family file as parents and staff read it: values of each section and the open fiches sanitaires.</summary>
public sealed class FamilyFileReader(FamilyPortalDbContext db, SensitiveData sensitive)
{
    public static FamilyFileValues ValuesOf(Family family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return new FamilyFileValues
        {
            AddressLine = family.AddressLine,
            PostalCode = family.PostalCode,
            City = family.City,
            AllowanceBody = family.AllowanceBody,
            AllowanceNumber = family.AllowanceNumber,
            Situation = family.Situation,
            Phone = family.Phone,
            Email = family.Email,
            Adults = family.Adults.OrderBy(a => a.Position).ThenBy(a => a.Id)
                .Select(a => new AdultContact(a.Id, a.FullName, a.Email, a.MobilePhone, a.HomePhone, a.WorkPhone)).ToList(),
        };
    }

    public Task<Family?> FamilyAsync(int familyId, CancellationToken ct) =>
        db.Families.Include(f => f.Adults).Include(f => f.Children).SingleOrDefaultAsync(f => f.Id == familyId, ct);

    public async Task<List<ContactValues>> ContactsAsync(int familyId, CancellationToken ct)
    {
        var contacts = await db.FamilyContacts.AsNoTracking().Include(c => c.Children)
            .Where(c => c.FamilyId == familyId).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ToListAsync(ct);
        return contacts.Select(c => new ContactValues(c.Id, c.FirstName, c.LastName, c.Relationship, c.Phone,
            c.IsEmergencyContact, c.IsAuthorisedPickup, c.Children.Select(l => l.ChildId).Order().ToList())).ToList();
    }

    /// <summary>The child's sheet (empty when none yet) and the version it was read at (0 when none).</summary>
    public async Task<(HealthSheet Sheet, int Version)> HealthAsync(int childId, CancellationToken ct)
    {
        var record = await db.HealthRecords.AsNoTracking().SingleOrDefaultAsync(h => h.ChildId == childId, ct);
        return record is null ? (HealthSheet.Empty, 0) : (sensitive.OpenJson<HealthSheet>(record.SealedSheet), record.Version);
    }

    /// <summary>Sheets of several children at once, for lists (attendance, export); children without a sheet are left out.</summary>
    public async Task<Dictionary<int, HealthSheet>> HealthOfAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var records = await db.HealthRecords.AsNoTracking().Where(h => childIds.Contains(h.ChildId)).ToListAsync(ct);
        return records.ToDictionary(r => r.ChildId, r => sensitive.OpenJson<HealthSheet>(r.SealedSheet));
    }
}
