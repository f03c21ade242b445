using System.Globalization;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// Journal entries of the retention jobs: no person acted, so the change tracker (which journals staff) writes
/// nothing; each deletion is written here, in the collectivité's journal, in the job's own SaveChanges.
/// </summary>
public static class RetentionJournal
{
    public const string ActorName = "Conservation des données (tâche automatique)";

    public static void Add(FamilyPortalDbContext db, int municipalityId, DateTime nowUtc, string entityType, int? key, string summary,
        IReadOnlyList<JournalChange>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(summary);
        db.JournalEntries.Add(new JournalEntry
        {
            MunicipalityId = municipalityId,
            AtUtc = nowUtc,
            ActorName = ActorName,
            ActorIsStaff = false,
            Action = JournalAction.Deleted,
            EntityType = entityType,
            EntityKey = key?.ToString(CultureInfo.InvariantCulture),
            Summary = summary.Length > 500 ? summary[..499] + "…" : summary,
            Changes = changes is null || changes.Count == 0 ? null : JournalValues.Serialize(changes),
        });
    }
}
