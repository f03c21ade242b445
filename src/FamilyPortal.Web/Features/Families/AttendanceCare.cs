using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>What the people in charge of a group must know of each child: allergies, diet, PAI, who may pick it up.</summary>
public sealed class AttendanceCare(FamilyPortalDbContext db, FamilyFileReader reader)
{
    public sealed record Care(string Allergies, string Diet, bool Pai, string AuthorisedPersons)
    {
        public static readonly Care None = new("", "", false, "");
    }

    public async Task<IReadOnlyDictionary<int, Care>> ForAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var sheets = await reader.HealthOfAsync(childIds, ct);
        var pickups = await db.FamilyContactChildren.AsNoTracking()
            .Where(l => childIds.Contains(l.ChildId) && l.Contact!.IsAuthorisedPickup)
            .Select(l => new { l.ChildId, l.Contact!.FirstName, l.Contact.LastName, l.Contact.Relationship, l.Contact.Phone })
            .ToListAsync(ct);
        return childIds.Distinct().ToDictionary(id => id, id =>
        {
            var sheet = sheets.GetValueOrDefault(id);
            var persons = string.Join(" ; ", pickups.Where(p => p.ChildId == id).OrderBy(p => p.LastName)
                .Select(p => $"{p.FirstName} {p.LastName}{(p.Relationship is null ? "" : $" ({p.Relationship})")} {FrenchPhone.Format(p.Phone)}"));
            return new Care(sheet?.AllergySummary ?? "", sheet?.DietSummary ?? "", sheet?.HasPai == true, persons);
        });
    }
}
