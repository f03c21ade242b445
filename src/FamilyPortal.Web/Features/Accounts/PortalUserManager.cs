using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// Identity's user manager with the lockout read and written on the injected clock, like every other
/// time in the portal (Identity itself reads the system clock), and password checks run by
/// <see cref="PasswordWork"/> off the request threads.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalAccount> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<PortalAccount> passwordHasher,
    IEnumerable<IUserValidator<PortalAccount>> userValidators,
    IEnumerable<IPasswordValidator<PortalAccount>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalAccount>> logger,
    TimeProvider time,
    PasswordWork passwordWork,
    FamilyPortalDbContext db)
    : UserManager<PortalAccount>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<PasswordVerificationResult> VerifyPasswordAsync(IUserPasswordStore<PortalAccount> store, PortalAccount user, string password)
    {
        var hash = await store.GetPasswordHashAsync(user, CancellationToken);
        if (hash is null)
        {
            return PasswordVerificationResult.Failed;
        }
        return await passwordWork.RunAsync(() => PasswordHasher.VerifyHashedPassword(user, hash, password));
    }

    public override async Task<bool> IsLockedOutAsync(PortalAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await GetLockoutEnabledAsync(user))
        {
            return false;
        }
        var end = await GetLockoutEndDateAsync(user);
        return end is { } lockoutEnd && lockoutEnd >= time.GetUtcNow();
    }

    /// <summary>
    /// Counts a failure with one statement run by the database: <c>AccessFailedCount = AccessFailedCount + 1</c>,
    /// and the lockout set in the same statement when the count reaches the limit. Identity's own version
    /// saved the copy of the account that each request had loaded, so that of 20 wrong passwords sent at the
    /// same instant one was counted and the others were dropped as concurrency failures. The new concurrency
    /// stamp makes a stale copy that another request would save fail, instead of writing back the old count.
    /// </summary>
    public override async Task<IdentityResult> AccessFailedAsync(PortalAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var limit = Options.Lockout.MaxFailedAccessAttempts;
        DateTimeOffset? lockedUntil = time.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan;
        var stamp = Guid.NewGuid().ToString();
        var counted = await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.LockoutEnd, u => u.AccessFailedCount + 1 >= limit ? lockedUntil : u.LockoutEnd)
            .SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1 >= limit ? 0 : u.AccessFailedCount + 1)
            .SetProperty(u => u.ConcurrencyStamp, stamp), CancellationToken);
        if (counted == 0)
        {
            return IdentityResult.Failed(ErrorDescriber.ConcurrencyFailure());
        }
        var row = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.AccessFailedCount, u.LockoutEnd, u.ConcurrencyStamp })
            .SingleAsync(CancellationToken);
        Refresh(user, row.AccessFailedCount, row.LockoutEnd, row.ConcurrencyStamp);
        if (row.AccessFailedCount == 0 && row.LockoutEnd == lockedUntil)
        {
            Logger.LogWarning("Compte {AccountId} verrouillé après {Failures} échecs", user.Id, limit);
        }
        return IdentityResult.Success;
    }

    /// <summary>After a success: the counter back to zero, in one statement too (the lockout, if any, runs to its end).</summary>
    public override async Task<IdentityResult> ResetAccessFailedCountAsync(PortalAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.AccessFailedCount == 0)
        {
            return IdentityResult.Success;
        }
        await db.Users.Where(u => u.Id == user.Id && u.AccessFailedCount != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), CancellationToken);
        Refresh(user, 0, user.LockoutEnd, user.ConcurrencyStamp);
        return IdentityResult.Success;
    }

    /// <summary>
    /// The request's copy of the account takes the values the statement wrote, as if it had saved them: its
    /// next save through Identity must neither fail on the stamp nor write the old values back.
    /// </summary>
    private void Refresh(PortalAccount user, int failures, DateTimeOffset? lockoutEnd, string? stamp)
    {
        var entry = db.Entry(user);
        user.AccessFailedCount = failures;
        user.LockoutEnd = lockoutEnd;
        user.ConcurrencyStamp = stamp;
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.Property(u => u.AccessFailedCount).OriginalValue = failures;
            entry.Property(u => u.LockoutEnd).OriginalValue = lockoutEnd;
            entry.Property(u => u.ConcurrencyStamp).OriginalValue = stamp;
            entry.Property(u => u.AccessFailedCount).IsModified = false;
            entry.Property(u => u.LockoutEnd).IsModified = false;
            entry.Property(u => u.ConcurrencyStamp).IsModified = false;
        }
    }
}
