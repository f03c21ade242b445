using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// Journal entries the change tracker cannot write: a staff member reading a fiche sanitaire, and a
/// parent's change applied at once. Added to the context: the caller's SaveChanges commits them.
/// </summary>
public sealed class FileJournal(FamilyPortalDbContext db, CurrentMunicipality current, TimeProvider time)
{
    public async Task HealthSheetViewedAsync(Child child, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(child);
        await AddAsync(JournalAction.Viewed, nameof(HealthRecord), child.Id,
            $"Fiche sanitaire de {child.FullName} consultée", [], ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task FamilyExportedAsync(Family family, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(family);
        await AddAsync(JournalAction.Viewed, nameof(Family), family.Id,
            $"Dossier de la famille {family.HouseholdName} exporté (fiches sanitaires comprises)", [], ct);
        await db.SaveChangesAsync(ct);
    }

    public Task ParentChangeAsync(string entityType, int key, string summary, IEnumerable<Rules.FieldChange> changes, CancellationToken ct) =>
        AddAsync(JournalAction.Modified, entityType, key, summary,
            changes.Select(c => new JournalChange(c.Label, c.Before, c.After)).ToList(), ct);

    private async Task AddAsync(JournalAction action, string entityType, int key, string summary, List<JournalChange> changes, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == current.AccountId)
            .Select(u => new { u.UserName, u.FirstName, u.LastName }).FirstOrDefaultAsync(ct);
        var name = account is null ? "" : $"{account.FirstName} {account.LastName}".Trim();
        db.JournalEntries.Add(new JournalEntry
        {
            MunicipalityId = current.Id!.Value,
            AtUtc = time.GetUtcNow().UtcDateTime,
            ActorAccountId = current.AccountId,
            ActorName = name.Length > 0 ? name : account?.UserName ?? "",
            ActorLogin = account?.UserName,
            ActorIsStaff = current.IsStaff,
            Action = action,
            EntityType = entityType,
            EntityKey = key.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Summary = summary.Length > 500 ? summary[..499] + "…" : summary,
            Changes = changes.Count == 0 ? null : JournalValues.Serialize(changes),
        });
    }
}
