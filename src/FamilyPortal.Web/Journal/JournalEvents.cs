using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FamilyPortal.Web.Journal;

/// <summary>Who made a journalled change.</summary>
internal sealed record JournalActor(string? AccountId, string Name, string? Login);

/// <summary>The journal entries that are not one record's changes: a parent's « Valider », a staff account's roles.</summary>
internal static class JournalEvents
{
    /// <summary>« Valider » of a parent: the account, its family, and what was booked, cancelled and refused.</summary>
    public static async Task<JournalEntry> ValidationAsync(FamilyPortalDbContext db, BasketValidation validation, DateTime now, IJournalQueries queries)
    {
        var account = (await queries.ListAsync(db.Users.AsNoTracking().Where(u => u.Id == validation.AccountId)
            .Select(u => new { u.UserName, u.FirstName, u.LastName }))).FirstOrDefault();
        var family = (await queries.ListAsync(db.Memberships.AsNoTracking().Where(m => m.AccountId == validation.AccountId)
            .Select(m => m.Family!.HouseholdName))).FirstOrDefault();
        var name = account is null ? "Compte supprimé" : $"{account.FirstName} {account.LastName}".Trim();
        return new JournalEntry
        {
            MunicipalityId = validation.MunicipalityId,
            AtUtc = now,
            ActorAccountId = validation.AccountId,
            ActorName = name.Length == 0 ? account!.UserName ?? "" : name,
            ActorLogin = account?.UserName,
            ActorIsStaff = false,
            Action = JournalAction.BasketValidated,
            EntityType = nameof(BasketValidation),
            Summary = $"Panier validé{(family is null ? "" : $" pour la famille {family}")} : "
                + $"{validation.BookedCount} réservation(s), {validation.CancelledCount} annulation(s), "
                + (validation.WaitingCount > 0 ? $"{validation.WaitingCount} en liste d'attente, " : "")
                + $"{validation.RefusedCount} refusée(s)",
            Changes = JournalValues.Serialize(
            [
                new(nameof(BasketValidation.BookedCount), null, JournalValues.Format(validation.BookedCount)),
                new(nameof(BasketValidation.CancelledCount), null, JournalValues.Format(validation.CancelledCount)),
                new(nameof(BasketValidation.WaitingCount), null, JournalValues.Format(validation.WaitingCount)),
                new(nameof(BasketValidation.RefusedCount), null, JournalValues.Format(validation.RefusedCount)),
                new(nameof(BasketValidation.Summary), null, JournalValues.Format(validation.Summary)),
            ]),
        };
    }

    /// <summary>
    /// A staff account's role given or taken (Identity's role rows hold only ids): one entry per account, on the
    /// account, « Rôle : Agent → Administrateur ». The rows of an account being deleted go with its own entry.
    /// </summary>
    public static async Task<List<(EntityEntry Record, JournalEntry Entry)>> RoleChangesAsync(
        FamilyPortalDbContext db, IReadOnlyList<EntityEntry> records, int municipalityId, JournalActor staff, DateTime now, IJournalQueries queries)
    {
        var rows = records.Select(r => (Record: r, Row: (IdentityUserRole<string>)r.Entity)).ToList();
        var userIds = rows.Select(r => r.Row.UserId).Distinct().ToList();
        var roleIds = rows.Select(r => r.Row.RoleId).Distinct().ToList();
        var accounts = (await queries.ListAsync(db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.StaffMunicipalityId }))).ToDictionary(u => u.Id);
        var roleNames = (await queries.ListAsync(db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name }))).ToDictionary(r => r.Id, r => JournalLabels.Role(r.Name));
        var entries = new List<(EntityEntry, JournalEntry)>();
        foreach (var group in rows.GroupBy(r => r.Row.UserId))
        {
            var tracked = db.ChangeTracker.Entries<PortalAccount>().FirstOrDefault(e => e.Entity.Id == group.Key);
            if (tracked?.State == EntityState.Deleted || !accounts.TryGetValue(group.Key, out var account)
                || (tracked?.Entity.StaffMunicipalityId ?? account.StaffMunicipalityId) != municipalityId)
            {
                continue;
            }
            string? Names(EntityState state) => group.Any(r => r.Record.State == state)
                ? string.Join(", ", group.Where(r => r.Record.State == state).Select(r => roleNames.GetValueOrDefault(r.Row.RoleId, r.Row.RoleId)).Order(StringComparer.Ordinal))
                : null;
            entries.Add((group.First().Record, new JournalEntry
            {
                MunicipalityId = municipalityId,
                AtUtc = now,
                ActorAccountId = staff.AccountId,
                ActorName = staff.Name,
                ActorLogin = staff.Login,
                ActorIsStaff = true,
                Action = JournalAction.Modified,
                EntityType = nameof(PortalAccount),
                EntityKey = group.Key,
                Summary = $"{JournalLabels.LabelOf(nameof(PortalAccount))} {account.UserName} {JournalLabels.Verb(nameof(PortalAccount), JournalAction.Modified)}",
                Changes = JournalValues.Serialize([new JournalChange("Role", Names(EntityState.Deleted), Names(EntityState.Added))]),
            }));
        }
        return entries;
    }
}
