using System.Collections.Concurrent;
using FamilyPortal.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>The outcome of a password check, and the account it names (null for an unknown identifiant).</summary>
public sealed record SignInCheckResult(SignInOutcome Outcome, string? AccountId);

/// <summary>A check in the queue: its outcome to come, and the checks before it and the queue's rate when it arrived.</summary>
public sealed record QueuedSignInCheck(Task<SignInCheckResult> Outcome, int Ahead, double ChecksPerSecond);

/// <summary>
/// The password check of a sign-in, in a scope of its own: it goes on after the request that asked for it has
/// answered (the waiting room), and counts a wrong password towards the lockout whether or not anybody comes
/// back for the result. The hash is queued before <see cref="QueueAsync"/> returns, so sign-ins are checked in
/// their order of arrival.
/// </summary>
public sealed class SignInCheck(IServiceScopeFactory scopes, PasswordWork passwordWork, IOptions<PasswordHasherOptions> hashing,
    PortalMetrics metrics, ILogger<SignInCheck> logger)
{
    public async Task<QueuedSignInCheck> QueueAsync(string identifiant, string password)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
            var account = await users.FindByNameAsync(identifiant);
            var locked = account is not null && await users.IsLockedOutAsync(account);
            var ahead = passwordWork.Ahead;
            var rate = passwordWork.ChecksPerSecond;
            // An unknown identifiant, a locked account and an account without a password get the answer of a wrong
            // password, after the same work (one check in the same queue): neither the words nor the delay tell
            // which identifiants exist. A locked account's password is not checked: the lockout stops the guessing.
            var hash = account is null || locked || account.PasswordHash is not { } stored
                ? passwordWork.RunAsync(() => users.PasswordHasher.VerifyHashedPassword(new PortalAccount(), DummyHashFor(hashing.Value.IterationCount), password))
                : passwordWork.RunAsync(() => users.PasswordHasher.VerifyHashedPassword(account, stored, password));
            return new(FinishAsync(scope, users, account, locked, hash), ahead, rate);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task<SignInCheckResult> FinishAsync(AsyncServiceScope scope, UserManager<PortalAccount> users, PortalAccount? account, bool locked,
        Task<PasswordVerificationResult> hash)
    {
        await using var _ = scope;
        var verified = await hash;
        if (account is null)
        {
            metrics.SignIn(MetricOutcomes.Refused);
            return new(SignInOutcome.Refused, null);
        }
        if (locked)
        {
            logger.LogWarning("Connexion refusée : compte {AccountId} verrouillé", account.Id);
            metrics.SignIn(MetricOutcomes.LockedOut);
            return new(SignInOutcome.Refused, account.Id);
        }
        if (verified == PasswordVerificationResult.Failed)
        {
            // Counted by one statement of the database (PortalUserManager): parallel failures all count.
            await users.AccessFailedAsync(account);
            logger.LogInformation("Échec de connexion pour le compte {AccountId}", account.Id);
            metrics.SignIn(MetricOutcomes.Refused);
            return new(SignInOutcome.Refused, account.Id);
        }
        await users.ResetAccessFailedCountAsync(account);
        if (account.SuspendedAtUtc is not null)
        {
            logger.LogWarning("Connexion refusée : compte {AccountId} suspendu", account.Id);
            metrics.SignIn(MetricOutcomes.Suspended);
            return new(SignInOutcome.Suspended, account.Id);
        }
        return new(SignInOutcome.Accepted, account.Id);
    }

    /// <summary>
    /// A hash of a random password with the portal's own iteration count, computed once per count, to spend
    /// the same time on unknown identifiants as on known ones.
    /// </summary>
    private static string DummyHashFor(int iterations) => DummyHashes.GetOrAdd(iterations, count =>
        new PasswordHasher<PortalAccount>(Options.Create(new PasswordHasherOptions { IterationCount = count }))
            .HashPassword(new PortalAccount(), Guid.NewGuid().ToString()));

    private static readonly ConcurrentDictionary<int, string> DummyHashes = new();
}
