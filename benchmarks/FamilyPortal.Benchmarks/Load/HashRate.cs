using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Benchmarks.Load;

internal sealed record HashFigures(int Iterations, int Threads, double PerSecond, double PerSecondOneThread);

/// <summary>
/// The sign-in ceiling: how many passwords the machine checks per second with the portal's hasher at its
/// iteration count (one check per sign-in), on one thread and on every core at once.
/// </summary>
internal static class HashRate
{
    public static HashFigures Measure(TimeSpan duration)
    {
        var hasher = new PasswordHasher<PortalAccount>(Options.Create(new PasswordHasherOptions { IterationCount = IdentityRegistration.PasswordHashIterations }));
        var account = new PortalAccount();
        var hash = hasher.HashPassword(account, ParentAccounts.Password);
        var one = Count(hasher, account, hash, duration, threads: 1);
        var all = Count(hasher, account, hash, duration, threads: Environment.ProcessorCount);
        return new HashFigures(IdentityRegistration.PasswordHashIterations, Environment.ProcessorCount, all, one);
    }

    private static double Count(PasswordHasher<PortalAccount> hasher, PortalAccount account, string hash, TimeSpan duration, int threads)
    {
        var started = Stopwatch.GetTimestamp();
        var total = 0;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                if (hasher.VerifyHashedPassword(account, hash, ParentAccounts.Password) == PasswordVerificationResult.Failed)
                {
                    throw new InvalidOperationException("The password check failed.");
                }
                Interlocked.Increment(ref total);
            }
        });
        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
