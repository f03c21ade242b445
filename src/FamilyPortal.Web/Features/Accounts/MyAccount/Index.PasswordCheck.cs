using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Accounts.MyAccount;

/// <summary>« Mon compte »'s password check: a wrong password counts towards the lockout, as at the sign-in.</summary>
public partial class IndexModel
{
    /// <summary>
    /// The password typed to confirm a change. A wrong one counts towards the lockout like at the sign-in, and a
    /// locked account is refused even the right one until the lockout ends: a stolen session cannot guess it.
    /// </summary>
    private async Task<bool> CheckPasswordAsync(string? password, string key)
    {
        if (string.IsNullOrEmpty(password))
        {
            ModelState.AddModelError(key, "Saisissez votre mot de passe.");
            return false;
        }
        if (await IsLockedOutAsync(key))
        {
            return false;
        }
        if (await users.CheckPasswordAsync(Account, password))
        {
            await ResetFailuresAsync();
            return true;
        }
        await CountFailureAsync(key, "Le mot de passe est incorrect.");
        return false;
    }

    private async Task<bool> IsLockedOutAsync(string key)
    {
        var end = await LockoutEndAsync();
        if (end is null || end < time.GetUtcNow())
        {
            return false;
        }
        ModelState.AddModelError(key, LockedMessage(end.Value));
        return true;
    }

    private async Task CountFailureAsync(string key, string message)
    {
        await users.AccessFailedAsync(Account);
        logger.LogWarning("Mot de passe incorrect dans « Mon compte » pour le compte {AccountId}", Account.Id);
        var end = await LockoutEndAsync();
        ModelState.AddModelError(key, end is { } lockedUntil && lockedUntil >= time.GetUtcNow() ? LockedMessage(lockedUntil) : message);
    }

    private async Task ResetFailuresAsync()
    {
        if (Account.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(Account);
        }
    }

    // Read from the database: the count of failures may have been written by another request.
    private Task<DateTimeOffset?> LockoutEndAsync() =>
        db.Users.AsNoTracking().Where(u => u.Id == Account.Id).Select(u => u.LockoutEnd).SingleOrDefaultAsync(HttpContext.RequestAborted);

    private static string LockedMessage(DateTimeOffset end) =>
        $"Votre compte est verrouillé après plusieurs tentatives infructueuses. Réessayez à partir de {ParisClock.ToParis(end):HH\\:mm}.";
}
