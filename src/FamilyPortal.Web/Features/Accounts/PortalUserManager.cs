using Microsoft.AspNetCore.Identity;
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
    PasswordWork passwordWork)
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

    public override async Task<IdentityResult> AccessFailedAsync(PortalAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var failures = user.AccessFailedCount + 1;
        if (failures < Options.Lockout.MaxFailedAccessAttempts)
        {
            user.AccessFailedCount = failures;
            return await UpdateAsync(user);
        }
        user.AccessFailedCount = 0;
        user.LockoutEnd = time.GetUtcNow() + Options.Lockout.DefaultLockoutTimeSpan;
        Logger.LogWarning("Compte {AccountId} verrouillé après {Failures} échecs", user.Id, failures);
        return await UpdateAsync(user);
    }
}
