using FamilyPortal.Web.Features.Families.Rules;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>Writes a section's values to the records: used when staff accept a request, or at once when the collectivité allows it.</summary>
public sealed class FamilyFileChanges(FamilyPortalDbContext db, SensitiveData sensitive, TimeProvider time)
{
    public static void ApplyFamily(Family family, FamilyFileValues values)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(values);
        family.AddressLine = values.AddressLine;
        family.PostalCode = values.PostalCode;
        family.City = values.City;
        family.AllowanceBody = values.AllowanceBody;
        family.AllowanceNumber = values.AllowanceNumber;
        family.Situation = values.Situation;
        family.Phone = values.Phone;
        if (values.Email is { } email)
        {
            family.Email = email;
        }
        foreach (var contact in values.Adults)
        {
            // A responsable removed by staff since the request: nothing to write.
            if (family.Adults.FirstOrDefault(a => a.Id == contact.Id) is { } adult)
            {
                adult.Email = contact.Email;
                adult.MobilePhone = contact.MobilePhone;
                adult.HomePhone = contact.HomePhone;
                adult.WorkPhone = contact.WorkPhone;
            }
        }
    }

    public async Task ApplyContactsAsync(Family family, IReadOnlyList<ContactValues> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(values);
        var stored = await db.FamilyContacts.Include(c => c.Children).Where(c => c.FamilyId == family.Id).ToListAsync(ct);
        var childIds = await db.Children.Where(c => c.FamilyId == family.Id).Select(c => c.Id).ToListAsync(ct);
        foreach (var gone in stored.Where(s => values.All(v => v.Id != s.Id)))
        {
            db.FamilyContacts.Remove(gone);
        }
        foreach (var value in values)
        {
            var contact = stored.FirstOrDefault(s => s.Id == value.Id && value.Id != 0);
            if (contact is null)
            {
                contact = new FamilyContact { MunicipalityId = family.MunicipalityId, FamilyId = family.Id, FirstName = value.FirstName, LastName = value.LastName, Phone = value.Phone };
                db.FamilyContacts.Add(contact);
            }
            contact.FirstName = value.FirstName;
            contact.LastName = value.LastName;
            contact.Relationship = value.Relationship;
            contact.Phone = value.Phone;
            contact.IsEmergencyContact = value.Emergency;
            contact.IsAuthorisedPickup = value.Pickup;
            contact.Children.RemoveAll(l => !value.ChildIds.Contains(l.ChildId));
            foreach (var childId in value.ChildIds.Where(id => childIds.Contains(id) && contact.Children.All(l => l.ChildId != id)))
            {
                contact.Children.Add(new FamilyContactChild { ChildId = childId, MunicipalityId = family.MunicipalityId });
            }
        }
    }

    /// <summary>The sheet sealed on the child's record (created at the first sheet); the record's version is raised.</summary>
    public async Task<HealthRecord> ApplyHealthAsync(Child child, HealthSheet sheet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(sheet);
        var record = await db.HealthRecords.SingleOrDefaultAsync(h => h.ChildId == child.Id, ct);
        if (record is null)
        {
            record = new HealthRecord { MunicipalityId = child.MunicipalityId, ChildId = child.Id };
            db.HealthRecords.Add(record);
        }
        else
        {
            db.SaveOnlyOverVersion(record, record.Version);
        }
        record.SealedSheet = sensitive.SealJson(sheet);
        record.HasPai = sheet.HasPai;
        record.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        return record;
    }
}
