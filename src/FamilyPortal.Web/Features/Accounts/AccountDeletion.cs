using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Deletes an account and what belongs to it alone, in one transaction: its sessions, the copies of its own mail
/// already sent, the mail held for its confirmation (abandoned, never sent). Used by « Supprimer mon compte » and by
/// retention for the accounts left unused.
/// </summary>
public sealed class AccountDeletion(FamilyPortalDbContext db, UserManager<PortalAccount> users, AccountSessions sessions, EmailOutbox outbox)
{
    public Task DeleteAsync(PortalAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var id = account.Id;
        return db.InTransactionAsync(async token =>
        {
            await sessions.EndAllAsync(id, exceptSessionId: null, token);
            // The copies of the account's own mail already sent are personal data with no legal duty to keep.
            // Mail the collectivités sent to the same address is theirs (the address may be a family's that this
            // account never confirmed): it stays. Mail held for the account's confirmation never leaves; other
            // mail still waiting goes out (it may concern the family file the collectivité keeps).
            await db.OutboxMessages.Where(m => m.AccountId == id && m.SentAtUtc != null).ExecuteDeleteAsync(token);
            await outbox.AbandonHeldAsync(id, EmailOutbox.AccountDeleted, except: null, token);
            var result = await users.DeleteAsync(account);
            return result.Succeeded ? true : throw new InvalidOperationException("Account deletion failed.");
        }, ct);
    }
}
