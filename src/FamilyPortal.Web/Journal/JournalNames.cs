using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FamilyPortal.Web.Journal;

/// <summary>
/// The sentence of a journal entry, « Réservation Lou MARTIN – GT - RESTAURATION – 23/11/2026 annulée »:
/// records that only hold ids (a booking, an adhésion) are named after the child, activity and family
/// they point to, read in a few queries for the whole save.
/// </summary>
internal sealed class JournalNames
{
    private static readonly string[] NameProperties = ["Name", "Label", "Title", "HouseholdName", "Reference", "UserName"];

    private Dictionary<int, string> _children = [];
    private Dictionary<int, string> _activities = [];
    private Dictionary<int, string> _families = [];
    private Dictionary<string, string> _accounts = [];
    private Dictionary<int, string> _brackets = [];

    public static async Task<JournalNames> LoadAsync(FamilyPortalDbContext db, IReadOnlyList<EntityEntry> records, IJournalQueries queries)
    {
        var names = new JournalNames();
        var childIds = IdsOf(records, "ChildId");
        var activityIds = IdsOf(records, "ActivityId");
        var familyIds = IdsOf(records, "FamilyId");
        var accountIds = records.Where(r => r.Entity is Membership).Select(r => ((Membership)r.Entity).AccountId).Distinct().ToList();
        if (childIds.Count > 0)
        {
            names._children = (await queries.ListAsync(db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
                .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName }))).ToDictionary(c => c.Id, c => c.Name);
        }
        if (activityIds.Count > 0)
        {
            names._activities = (await queries.ListAsync(db.Activities.AsNoTracking().Where(a => activityIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Label }))).ToDictionary(a => a.Id, a => a.Label);
        }
        if (familyIds.Count > 0)
        {
            names._families = (await queries.ListAsync(db.Families.AsNoTracking().Where(f => familyIds.Contains(f.Id))
                .Select(f => new { f.Id, f.HouseholdName }))).ToDictionary(f => f.Id, f => f.HouseholdName);
        }
        var bracketIds = records.Where(r => r.Entity is BracketPrice).Select(r => ((BracketPrice)r.Entity).BracketId).Distinct().ToList();
        if (bracketIds.Count > 0)
        {
            names._brackets = (await queries.ListAsync(db.QuotientBrackets.AsNoTracking().Where(b => bracketIds.Contains(b.Id))
                .Select(b => new { b.Id, b.Label }))).ToDictionary(b => b.Id, b => b.Label);
        }
        if (accountIds.Count > 0)
        {
            names._accounts = (await queries.ListAsync(db.Users.AsNoTracking().Where(u => accountIds.Contains(u.Id))
                .Select(u => new { u.Id, u.UserName }))).ToDictionary(u => u.Id, u => u.UserName ?? "");
        }
        return names;
    }

    private static List<int> IdsOf(IReadOnlyList<EntityEntry> records, string property) =>
        records.Select(r => r.Metadata.FindProperty(property) is null ? null : r.Property(property).CurrentValue as int?)
            .OfType<int>().Where(id => id > 0).Distinct().ToList();

    public string Describe(EntityEntry record, JournalAction action)
    {
        var type = record.Metadata.ClrType.Name;
        var verb = record.Entity is Booking && action == JournalAction.Modified && IsCancellation(record)
            ? "annulée"
            : JournalLabels.Verb(type, action);
        var name = NameOf(record);
        return string.IsNullOrWhiteSpace(name)
            ? $"{JournalLabels.LabelOf(type)} {verb}"
            : $"{JournalLabels.LabelOf(type)} {name} {verb}";
    }

    private static bool IsCancellation(EntityEntry record)
    {
        var cancelled = record.Property(nameof(Booking.CancelledAtUtc));
        return cancelled.OriginalValue is null && cancelled.CurrentValue is not null;
    }

    private string? NameOf(EntityEntry record) => record.Entity switch
    {
        Child child => child.FullName,
        Booking booking => $"{Child(booking.ChildId)} – {Activity(booking.ActivityId)} – {FrenchDates.Numeric(booking.Date)}",
        AttendanceMark mark => $"de {Child(mark.ChildId)} – {Activity(mark.ActivityId)} – {FrenchDates.Numeric(mark.Date)}",
        CapacityOverride capacity => $"de {Activity(capacity.ActivityId)} le {FrenchDates.Numeric(capacity.Date)}",
        Closure closure => closure.StartDate == closure.EndDate
            ? $"« {closure.Reason} » du {FrenchDates.Numeric(closure.StartDate)}"
            : $"« {closure.Reason} » du {FrenchDates.Numeric(closure.StartDate)} au {FrenchDates.Numeric(closure.EndDate)}",
        BracketPrice price => $"de {Activity(price.ActivityId)} pour {_brackets.GetValueOrDefault(price.BracketId, $"la tranche n° {price.BracketId}")}",
        Membership membership =>
            $"du compte {_accounts.GetValueOrDefault(membership.AccountId, "supprimé")} à la famille {_families.GetValueOrDefault(membership.FamilyId, $"n° {membership.FamilyId}")}",
        _ => NameProperties.Select(p => record.Metadata.FindProperty(p) is null ? null : record.Property(p).CurrentValue as string)
                 .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
             ?? (RecordChanges.KeyOf(record) is { } key ? $"n° {key}" : null),
    };

    private string Child(int id) => _children.GetValueOrDefault(id, $"enfant n° {id}");

    private string Activity(int id) => _activities.GetValueOrDefault(id, $"prestation n° {id}");
}
