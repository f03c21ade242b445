using FamilyPortal.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Retention;

/// <summary>
/// Parent accounts unused (no sign-in, or none since their creation) for « Retention:InactiveAccountYears » are warned
/// by email; those still unused « Retention:InactiveAccountGraceDays » after the warning are deleted through
/// <see cref="AccountDeletion"/>, as « Supprimer mon compte » does. A sign-in clears the warning
/// (<see cref="AccountSessions.StartAsync"/>). Staff and operator accounts (any role) are never deleted here: their
/// collectivité or the operator removes them.
/// </summary>
public sealed class InactiveAccountsJob(
    FamilyPortalDbContext db,
    AccountDeletion deletion,
    RetentionEmails emails,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<InactiveAccountsJob> logger) : IScheduledJob
{
    public string Name => "conservation-comptes-inutilises";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var unusedSince = now.AddYears(-settings.InactiveAccountYears);
        var warnedBefore = now.AddDays(-settings.InactiveAccountGraceDays);
        var unused = db.Users
            .Where(u => u.StaffMunicipalityId == null && !db.UserRoles.Any(r => r.UserId == u.Id)
                && (u.LastSignInAtUtc ?? u.CreatedAtUtc) < unusedSince);

        var toDelete = await unused.Where(u => u.InactivityWarnedAtUtc != null && u.InactivityWarnedAtUtc < warnedBefore)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var id in toDelete)
        {
            db.ChangeTracker.Clear();
            // Null when another server running the job at the same moment deleted it first.
            if (await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } account)
            {
                continue;
            }
            await JournalDeletionAsync(account, settings.InactiveAccountYears, now, cancellationToken);
            await deletion.DeleteAsync(account, cancellationToken);
            logger.LogInformation("Compte {AccountId} supprimé après {Years} ans sans connexion", id, settings.InactiveAccountYears);
        }

        db.ChangeTracker.Clear();
        var toWarn = await unused.AsNoTracking().Where(u => u.InactivityWarnedAtUtc == null && u.Email != null)
            .OrderBy(u => u.Id).ToListAsync(cancellationToken);
        // The first day a run may delete the account: the grace period ends during it.
        var deletedFrom = ParisClock.Today(time.GetUtcNow().AddDays(settings.InactiveAccountGraceDays), ParisClock.Zone);
        foreach (var account in toWarn)
        {
            // The mark and its mail together: a failed run warns the rest next time, never one account twice.
            // The mark is a conditional update, so that of two servers running the job at once one warns.
            await db.InTransactionAsync(async ct =>
            {
                var marked = await db.Users.Where(u => u.Id == account.Id && u.InactivityWarnedAtUtc == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.InactivityWarnedAtUtc, now), ct);
                if (marked == 1)
                {
                    emails.InactiveAccountWarning(db, account, settings.InactiveAccountYears, deletedFrom);
                    await db.SaveChangesAsync(ct);
                }
                return marked;
            }, cancellationToken);
        }
    }

    /// <summary>Each collectivité where the account was linked to a family reads in its journal why the link went.</summary>
    private async Task JournalDeletionAsync(PortalAccount account, int years, DateTime now, CancellationToken ct)
    {
        var links = await db.Memberships.IgnoreQueryFilters([FamilyPortalDbContext.TenantFilter])
            .Where(m => m.AccountId == account.Id)
            .Select(m => new { m.Id, m.MunicipalityId, Family = m.Family!.HouseholdName })
            .ToListAsync(ct);
        foreach (var link in links)
        {
            RetentionJournal.Add(db, link.MunicipalityId, now, nameof(Membership), link.Id,
                $"Compte {account.UserName} de la famille {link.Family} supprimé après {RetentionText.Years(years)} sans connexion (conservation des données)");
        }
    }
}
