using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts;

public enum AuthenticatorOutcome
{
    Accepted,
    Wrong,
    /// <summary>The right code of a time step already used (or older than the last one used).</summary>
    Reused,
}

/// <summary>
/// Checks a staff member's authenticator code and uses it up: the account keeps the last time step accepted,
/// and a code of that step or of an earlier one is refused.
/// </summary>
public sealed class AuthenticatorCheck(UserManager<PortalAccount> users, FamilyPortalDbContext db)
{
    public async Task<AuthenticatorOutcome> CheckAsync(PortalAccount account, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var key = AuthenticatorCode.KeyFromBase32(await users.GetAuthenticatorKeyAsync(account));
        if (key is null || AuthenticatorCode.MatchingStep(key, code, SecondFactor.AuthenticatorNow()) is not { } step)
        {
            return AuthenticatorOutcome.Wrong;
        }
        // One conditional statement decides, so two simultaneous posts of the same code cannot both pass.
        var used = await db.Users
            .Where(u => u.Id == account.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastAuthenticatorStep, step), ct);
        if (used == 0)
        {
            return AuthenticatorOutcome.Reused;
        }
        // The account loaded by Identity must not write the old value back at its next save.
        var entry = db.Entry(account);
        entry.Property(a => a.LastAuthenticatorStep).CurrentValue = step;
        if (entry.State != EntityState.Detached)
        {
            entry.Property(a => a.LastAuthenticatorStep).OriginalValue = step;
        }
        return AuthenticatorOutcome.Accepted;
    }
}
