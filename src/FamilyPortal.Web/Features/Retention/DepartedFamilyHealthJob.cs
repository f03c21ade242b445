using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// Erases the health data of the families that left their collectivité more than
/// « Retention:DepartedFamilyHealthMonths » ago: their children's fiches sanitaires and the demandes de modification
/// of a fiche sanitaire (whose sealed values are health data too), and its supporting documents (vaccination records,
/// PAI, attestations: none is needed once the family has gone, and some are health data), and its messagerie threads
/// (a family writes about its children's health as about anything else). Each family in its own transaction, journalled.
/// </summary>
public sealed class DepartedFamilyHealthJob(FamilyPortalDbContext db, IOptions<RetentionOptions> options, TimeProvider time) : IScheduledJob
{
    public string Name => "conservation-sante-familles-parties";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.DepartedFamilyHealthMonths;
        var now = time.GetUtcNow();
        // Left on day D (Paris): the data is kept through D + period, erased from the day after.
        var departedBefore = ParisClock.Today(now, ParisClock.Zone).AddMonths(-months);
        var families = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(f => f.DepartedOn != null && f.DepartedOn < departedBefore && f.HealthDataErasedAtUtc == null)
            .OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(cancellationToken);
        foreach (var id in families)
        {
            await db.InTransactionAsync(token => EraseAsync(id, months, now.UtcDateTime, token), cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> EraseAsync(int familyId, int months, DateTime nowUtc, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var family = await db.Families.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).SingleAsync(f => f.Id == familyId, ct);
        var childIds = db.Children.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).Where(c => c.FamilyId == familyId).Select(c => c.Id);
        var sheets = await db.HealthRecords.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(h => childIds.Contains(h.ChildId)).ExecuteDeleteAsync(ct);
        var requests = await db.ChangeRequests.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(r => r.FamilyId == familyId && r.Section == ChangeSection.Health).ExecuteDeleteAsync(ct);
        var documents = await db.Set<SupportingDocument>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(d => d.FamilyId == familyId).ExecuteDeleteAsync(ct);
        var threads = db.Set<MessageThread>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter]).Where(t => t.FamilyId == familyId);
        await db.Set<Message>().IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(m => threads.Select(t => t.Id).Contains(m.ThreadId)).ExecuteDeleteAsync(ct);
        var conversations = await threads.ExecuteDeleteAsync(ct);
        family.HealthDataErasedAtUtc = nowUtc;
        RetentionJournal.Add(db, family.MunicipalityId, nowUtc, nameof(HealthRecord), family.Id,
            $"Fiches sanitaires, pièces justificatives et messages de la famille {family.HouseholdName}, partie le {FrenchDates.Numeric(family.DepartedOn!.Value)}, "
            + $"effacées après {RetentionText.Months(months)} (conservation des données)",
            [
                new JournalChange("Fiches sanitaires effacées", null, sheets.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new JournalChange("Demandes de modification de fiche sanitaire effacées", null, requests.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new JournalChange("Pièces justificatives supprimées", null, documents.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new JournalChange("Conversations de la messagerie supprimées", null, conversations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
